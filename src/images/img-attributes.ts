/**
 * The attributes of a responsive `<img>`, shared by body figures and the lead-photo partial:
 * `{{ article.image | imgAttributes(article.image.alt) | safe }}` gives
 * `src="/img/…-960.webp" srcset="/img/…-480.webp 480w, /img/…-960.webp 960w" sizes="…" width="960" …`.
 */
import type { ResponsiveImage } from "./responsive-image.ts";

const ARTICLE_IMAGE_SIZES = "(max-width: 1000px) 100vw, 760px";

const escapeAttribute = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function imgAttributes(
  image: ResponsiveImage,
  alt: string,
  sizes: string = ARTICLE_IMAGE_SIZES,
): string {
  const srcset = image.variants.map((v) => `${v.url} ${v.width}w`).join(", ");
  return [
    `src="${image.src}"`,
    `srcset="${srcset}"`,
    `sizes="${sizes}"`,
    `width="${image.width}"`,
    `height="${image.height}"`,
    `alt="${escapeAttribute(alt)}"`,
    `loading="lazy"`,
    `decoding="async"`,
  ].join(" ");
}
