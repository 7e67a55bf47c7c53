/**
 * A deterministic synthetic corpus of Chinese news articles for benchmarks: the same count always
 * gives the same files. Writes `<dir>/site.yaml` and `<dir>/articles/<channel-slug>/<n>.md`, a layout
 * both heze-press and the Hugo baseline (which takes `<dir>/articles` as its content folder) can read.
 *   generateCorpus("bench/corpus/10000", 10000)
 */
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";

const SITE_FILE = "content/site.yaml";
const channels = (load(readFileSync(SITE_FILE, "utf8")) as { channels: { name: string; slug: string }[] })
  .channels;

const PLACES = [
  "牡丹区",
  "定陶区",
  "曹县",
  "单县",
  "成武县",
  "巨野县",
  "郓城县",
  "鄄城县",
  "东明县",
  "开发区",
];
const SUBJECTS = [
  "乡村振兴",
  "营商环境",
  "生物医药",
  "高端化工",
  "城市更新",
  "文旅融合",
  "职业教育",
  "黄河保护",
  "智慧农业",
  "物流枢纽",
];
const VERBS = ["推进", "启动", "召开", "部署", "完成", "签约", "开通", "举办", "发布", "表彰"];
const NAMES = [
  "李明",
  "王芳",
  "张伟",
  "刘洋",
  "陈静",
  "杨帆",
  "赵磊",
  "孙丽",
  "周强",
  "吴敏",
  "郑凯",
  "冯雪",
];
const SOURCES = ["菏泽日报", "本报讯", "菏泽晚报", "新华社", "大众日报"];
const CLAUSES = [
  "记者从有关部门获悉",
  "据了解，该项目总投资约十二亿元",
  "今年以来，全市上下聚焦重点任务",
  "活动现场气氛热烈，群众参与踊跃",
  "下一步，相关部门将持续跟进落实",
  "截至目前，已累计服务企业三百余家",
  "与会人员围绕发展思路进行了深入交流",
  "工作人员介绍，新设施预计年内投入使用",
  "多位市民表示，身边的变化看得见、摸得着",
  "专家认为，这一做法为同类地区提供了借鉴",
];

/** Mulberry32: a tiny seeded generator, so corpora (and the warm-build test's changes) are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Article `n` of the corpus. `wallClock` is its date as Beijing clocks read it, held in a Date's UTC
 * fields: by default one article an hour going back from 2026-11-20 09:00, so dates spread over
 * years at 30,000 articles.
 */
function article(
  n: number,
  rand: () => number,
  wallClock = new Date(Date.UTC(2026, 10, 20, 9, 0) - n * 3_600_000),
): { channel: string; text: string } {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const channel = channels[n % channels.length]!;
  const stamp = wallClock.toISOString().slice(0, 16).replace("T", " ");
  const title = `${pick(PLACES)}${pick(VERBS)}${pick(SUBJECTS)}工作 第${n + 1}期`;
  const paragraphs = Array.from(
    { length: 6 + Math.floor(rand() * 6) },
    () =>
      Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `${pick(PLACES)}${pick(CLAUSES)}`).join("，") +
      "。",
  );
  const text = [
    "---",
    `title: "${title}"`,
    `author: ${pick(NAMES)}`,
    `source: ${pick(SOURCES)}`,
    `date: "${stamp}"`,
    `section: ${channel.name}`,
    `editor: ${pick(NAMES)}`,
    `tags: [${pick(SUBJECTS)}, ${pick(PLACES)}]`,
    "---",
    `**${pick(PLACES)}讯：**${paragraphs[0]}`,
    "",
    ...paragraphs.slice(1).flatMap((p, i) => (i === 2 ? ["## 工作进展", "", p, ""] : [p, ""])),
  ].join("\n");
  return { channel: channel.slug, text };
}

/** Writes a corpus of `count` articles into `dir` (emptied first). */
export async function generateCorpus(dir: string, count: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await Promise.all(channels.map((c) => mkdir(path.join(dir, "articles", c.slug), { recursive: true })));
  await cp(SITE_FILE, path.join(dir, "site.yaml"));
  const rand = random(20211122);
  const files = Array.from({ length: count }, (_, n) => {
    const { channel, text } = article(n, rand);
    return { file: path.join(dir, "articles", channel, `a${String(n).padStart(6, "0")}.md`), text };
  });
  for (let i = 0; i < files.length; i += 256) {
    await Promise.all(files.slice(i, i + 256).map(({ file, text }) => writeFile(file, text)));
  }
}

/**
 * Adds article `newest-<serial>.md`, as publishing the next story would: `serial` minutes after
 * 2026-11-20 10:00, newer than every generated article and every earlier serial (a minute taken
 * modulo 60 made the 60th older than the first).
 */
export async function addNewestArticle(dir: string, serial = 1): Promise<string> {
  const { channel, text } = article(0, random(serial), new Date(Date.UTC(2026, 10, 20, 10, serial)));
  const file = path.join(dir, "articles", channel, `newest-${serial}.md`);
  await writeFile(file, text);
  return file;
}
