/**
 * markdown-it plugin: article images. Every image becomes a responsive `<img>` (srcset, sizes, width,
 * height, lazy loading) from the variants in `env.images`; a paragraph holding only an image becomes a
 * `<figure>` whose `<figcaption>` is the image's title: `![航拍牡丹园](/media/peony.jpg "摄影 李明")`.
 * Resolving images is async, so callers parse first, fill `env.images` with `imageSources`, then render.
 */
import type MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { imgAttributes } from "../images/img-attributes.ts";
import type { ResponsiveImage } from "../images/responsive-image.ts";

export interface FiguresEnv {
  images?: Map<string, ResponsiveImage>;
}

/** The `src` of every image in parsed tokens, with the 1-based line of its block. */
export function imageSources(tokens: Token[]): { src: string; line: number }[] {
  const found: { src: string; line: number }[] = [];
  // Table cells' inline tokens have no line of their own: their row (the last token with one) has.
  let line = 1;
  for (const token of tokens) {
    if (token.map) line = token.map[0] + 1;
    for (const child of token.children ?? []) {
      if (child.type === "image") found.push({ src: child.attrGet("src") ?? "", line });
    }
  }
  return found;
}

function isLoneImage(tokens: Token[], i: number): boolean {
  const inline = tokens[i + 1];
  return (
    tokens[i]?.type === "paragraph_open" &&
    inline?.type === "inline" &&
    inline.children?.length === 1 &&
    inline.children[0]?.type === "image" &&
    tokens[i + 2]?.type === "paragraph_close"
  );
}

export function figures(md: MarkdownIt): void {
  md.core.ruler.push("figures", (state) => {
    state.tokens.forEach((token, i) => {
      if (!isLoneImage(state.tokens, i)) return;
      token.meta = { ...token.meta, figure: true };
      const close = state.tokens[i + 2];
      const image = state.tokens[i + 1]?.children?.[0];
      if (close && image) close.meta = { ...close.meta, figure: true, caption: image.attrGet("title") ?? "" };
    });
  });

  const paragraphOpen = md.renderer.rules.paragraph_open;
  const paragraphClose = md.renderer.rules.paragraph_close;
  md.renderer.rules.paragraph_open = (tokens, idx, options, env, self) =>
    tokens[idx]?.meta?.figure
      ? '<figure class="article-figure">'
      : (paragraphOpen?.(tokens, idx, options, env, self) ?? self.renderToken(tokens, idx, options));
  md.renderer.rules.paragraph_close = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token?.meta?.figure)
      return paragraphClose?.(tokens, idx, options, env, self) ?? self.renderToken(tokens, idx, options);
    const caption: string = token.meta.caption;
    return `${caption ? `<figcaption>${md.utils.escapeHtml(caption)}</figcaption>` : ""}</figure>\n`;
  };

  md.renderer.rules.image = (tokens, idx, _options, env: FiguresEnv) => {
    const token = tokens[idx];
    const src = token?.attrGet("src") ?? "";
    const alt = token?.children ? md.renderer.renderInlineAsText(token.children, md.options, env) : "";
    const image = env.images?.get(src);
    if (!image) throw new Error(`image ${src} was not resolved before rendering`);
    return `<img ${imgAttributes(image, alt)}>`;
  };
}
