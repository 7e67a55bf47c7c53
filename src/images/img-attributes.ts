/**
 * The attributes of a responsive `<img>`, shared by body figures and the lead-photo partial:
 * `{{ article.image | imgAttributes(article.image.alt) | safe }}` gives
 * `src="/img/…-960.webp" srcset="/img/…-480.webp 480w, /img/…-960.webp 960w" sizes="…" width="960" …`;
 * `imgAttributes(image, alt, { lead: true })` loads it eagerly with `fetchpriority="high"`.
 */
import type { ResponsiveImage } from "./responsive-image.ts";

const ARTICLE_IMAGE_SIZES = "(max-width: 1000px) 100vw, 760px";

export const escapeAttribute = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export interface ImgOptions {
  /** The `sizes` attribute: how wide the image shows. */
  sizes?: string;
  /** The page's largest paint (an article's lead photo): fetched at once, first, not lazily. */
  lead?: boolean;
}

export function imgAttributes(
  image: ResponsiveImage,
  alt: string,
  { sizes = ARTICLE_IMAGE_SIZES, lead = false }: ImgOptions = {},
): string {
  const srcset = image.variants.map((v) => `${v.url} ${v.width}w`).join(", ");
  return [
    `src="${image.src}"`,
    `srcset="${srcset}"`,
    `sizes="${sizes}"`,
    `width="${image.width}"`,
    `height="${image.height}"`,
    `alt="${escapeAttribute(alt)}"`,
    lead ? `fetchpriority="high"` : `loading="lazy"`,
    `decoding="async"`,
  ].join(" ");
}
