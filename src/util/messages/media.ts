/**
 * Message catalog: images and other files under content/media (src/images/responsive-image.ts,
 * src/content/render-body.ts). Chinese and English side by side.
 */
import { got, quote, type Text } from "./text.ts";

export const notUnderMedia = (src: string): Text =>
  got(quote(src), {
    zh: "图片要放在 content/media 下，写成 /media/文件名",
    en: "expected a file under content/media, written /media/<file>",
  });

export const malformedEscape = (src: string): Text =>
  got(quote(src), {
    zh: "其中 % 转义写错了；请直接写文件名，或写成 %XX（两位十六进制数）",
    en: "a malformed %-escape; write the file name as it is, or %XX with two hex digits",
  });

export const leadsOutOfMedia = (src: string): Text =>
  got(quote(src), {
    zh: "指到了 content/media 之外；请把文件放进 content/media，写成 /media/文件名",
    en: "it leads out of content/media; put the file in content/media and write /media/<file>",
  });

export const mediaNotFound = (src: string, file: string): Text => ({
  zh: `找不到 ${src}：没有文件 ${file}；请检查文件名，或把文件放进 content/media`,
  en: `image ${src} not found: no file ${file}`,
});

export const linkOutOfMedia = (src: string): Text =>
  got(quote(src), {
    zh: "是指向 content/media 之外的符号链接；请把文件本身复制进 content/media",
    en: "a symbolic link out of content/media; copy the file itself into content/media",
  });

export const notAFile = (src: string): Text =>
  got(quote(src), { zh: "不是文件；请写成 /media/文件名", en: "not a file; expected /media/<file>" });

/** `reason` is the image library's, for engineers only. */
export const unreadableImage = (src: string, reason: string): Text => ({
  zh: `图片 ${src} 读不出来：文件可能已损坏，或不是 JPEG、PNG、WebP、GIF 图片；请换一个文件`,
  en: `image ${src} cannot be read: ${reason}`,
});
