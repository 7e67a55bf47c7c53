/**
 * Message catalog: reading an article file and its YAML front matter (src/content/front-matter.ts,
 * src/util/read-yaml.ts), and what is wrong with the file as a whole. Chinese and English side by side.
 */
import type { Text } from "./text.ts";

export const fileTooBig = (size: string, limit: string): Text => ({
  zh: `文件有 ${size}，稿件最大 ${limit}：是不是把图片或数据粘贴进来了？请删掉它们`,
  en: `the file is ${size}; articles are limited to ${limit} (is an image or data pasted into it?)`,
});

export const notUtf8: Text = {
  zh: "文件不是 UTF-8 编码（可能是 GBK）；请另存为 UTF-8",
  en: "the file is not UTF-8 text (GBK, perhaps?); save it as UTF-8",
};

export const emptyFile: Text = {
  zh: "文件是空的；请在两行 --- 之间写稿件信息（title、date 等），后面写正文",
  en: "the file is empty; expected front matter between --- lines and a body",
};

export const noOpeningLine: Text = {
  zh: "文件第一行应是 ---，稿件信息（title、date 等）从这一行后开始",
  en: "expected the file to start with a --- line opening the front matter",
};

export const notClosed: Text = {
  zh: "稿件信息没有结束；请在最后一个字段后加一行 ---，再写正文",
  en: "the front matter is never closed; expected a --- line after it",
};

export const yamlTabs = (reason: Text): Text => ({
  zh: "缩进用了 Tab 键；YAML 只能用空格缩进，请把 Tab 换成空格",
  en: `YAML does not allow tabs for indentation; use spaces (${reason.en})`,
});

export const yamlFullWidthColon = (reason: Text): Text => ({
  zh: "用了全角冒号“：”；字段名后要用半角冒号“:”加一个空格，如 title: 标题",
  en: `a full-width colon ： does not separate a key; use an ASCII colon : (${reason.en})`,
});

export const yamlMalformed = (reason: Text): Text => ({
  zh: `YAML 写法有误：${reason.zh}`,
  en: `malformed YAML: ${reason.en}`,
});

export const notKeyValueLines = (fullWidthColon: boolean): Text => ({
  zh: `稿件信息应是一行一个“字段: 值”${fullWidthColon ? "；全角冒号“：”不能分隔字段，请改用半角冒号“:”" : ""}`,
  en: `expected front matter made of key: value lines${fullWidthColon ? " (a full-width colon ： does not separate a key; use an ASCII colon :)" : ""}`,
});

export const symbolicLink: Text = {
  zh: "这是一个符号链接，构建不会读它；请把稿件文件本身放到 content/articles 下",
  en: "is a symbolic link, which the build does not follow; put the article file itself under content/articles",
};

/** What the YAML parser said (its English stays for engineers; editors get the usual causes). */
export const yamlSyntax = (parserReason: string): Text => ({
  zh: "这里的引号或括号没有配对，或者缩进不齐、冒号后少了空格；请对照上下几行改正",
  en: parserReason,
});

export const yamlTooLong = (length: number, limit: number): Text => ({
  zh: `有 ${length} 个字符，最多只读 ${limit} 个；请删减`,
  en: `the YAML is ${length} characters long; at most ${limit} are read`,
});

export const yamlTooDeep = (limit: number): Text => ({
  zh: `列表和字段嵌套超过了 ${limit} 层；请写得简单些`,
  en: `lists and maps are nested more than ${limit} deep`,
});

export const yamlTooManyAliases = (limit: number): Text => ({
  zh: `别名（*名字）展开后超过 ${limit} 个；请把值直接写出来`,
  en: `too many aliases (*name): more than ${limit} once expanded; write the values out`,
});
