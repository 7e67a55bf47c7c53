/**
 * Message catalog: content/site.yaml (src/content/site-data.ts): what each setting expects and what
 * is wrong with it. Chinese and English side by side.
 */
import { unknownName, type Text } from "./text.ts";

/** What the settings expect, by kind; site-data.ts names the kind of each key. */
export const SITE_EXPECTED = {
  text: { zh: "不为空的文字", en: "non-empty text" },
  url: { zh: "完整网址，如 https://www.heze.cn", en: "a full URL such as https://www.heze.cn" },
  count: { zh: "正整数，如 20", en: "a positive whole number such as 20" },
  sitemapSize: { zh: "不超过 50000 的正整数", en: "a positive whole number up to 50000" },
  sitePath: { zh: "以 / 开头的站内路径，如 /images/logo.png", en: "a site path such as /images/logo.png" },
  pathOrUrl: {
    zh: "以 / 开头的站内路径（英文字符、不带空格），或完整网址",
    en: "a path starting with / (ASCII, no spaces), or a full URL",
  },
  slug: {
    zh: "小写英文字母开头，只用小写字母、数字和连字符 -，如 bendi",
    en: "lowercase ASCII letters, digits and hyphens, starting with a letter, such as bendi",
  },
  backend: { zh: "github、gitlab、gitea 或 bitbucket", en: "github, gitlab, gitea or bitbucket" },
  repo: { zh: "“所有者/仓库名”，如 hezeribao/heze-press", en: "owner/name, such as hezeribao/heze-press" },
  channels: {
    zh: "栏目列表，每项写 name（栏目名）和 slug（英文短名）",
    en: "a list of channels, each with name and slug",
  },
  redirects: { zh: "跳转列表，每项写 from 和 to", en: "a list of redirects, each with from and to" },
  group: {
    zh: "一组设置（见 README 中的 site.yaml 示例）",
    en: "a group of settings (see site.yaml in the README)",
  },
  other: { zh: "README 中说明的值", en: "a value as the README describes" },
} satisfies Record<string, Text>;

export const cannotReadSite = (code: string): Text => ({
  zh: `读不到网站设置文件（${code}）；请创建它，或用 HEZE_CONTENT 指向放 site.yaml 的文件夹`,
  en: `cannot read the site data (${code}); create it or set HEZE_CONTENT`,
});

export const siteMissing = (expected: Text): Text => ({
  zh: `缺少这一项；请在 site.yaml 中写上${expected.zh}`,
  en: `required setting is missing; expected ${expected.en}; correct it in site.yaml`,
});

export const siteWrong = (value: string, expected: Text): Text => ({
  zh: `写的是 ${value}，不符合要求；请在 site.yaml 中改成${expected.zh}`,
  en: `got ${value}: expected ${expected.en}; correct it in site.yaml`,
});

export const unknownSetting = (suggestion: string | undefined): Text =>
  unknownName(
    { zh: "没有这项设置", en: "unknown setting" },
    {
      zh: "请删掉它，或对照 README 中的 site.yaml 改正",
      en: "remove it, or correct it after the README's site.yaml",
    },
    suggestion,
  );

export const channelSlugsRepeat: Text = {
  zh: "有两个栏目用了同一个 slug；每个栏目的 slug 要不同",
  en: "channel slugs must be unique",
};
export const channelNamesRepeat: Text = {
  zh: "有两个栏目用了同一个名字；每个栏目的 name 要不同",
  en: "channel names must be unique",
};
export const redirectFromRepeats: Text = {
  zh: "同一个 from 写了不止一次；每个旧地址只写一条跳转",
  en: "each `from` may appear once",
};
