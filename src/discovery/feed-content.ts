/**
 * An Atom entry's HTML: the lead photo with its caption before the body, so feed readers show the
 * photo the article page leads with. Site-relative URLs are made absolute afterwards (absoluteHtml).
 *   feedContent(article) === '<figure class="lead-image"><img src="/img/…-1440.webp" …><figcaption>…</figcaption></figure>\n<p>…'
 */
import type { Article } from "../content/article.ts";
import { escapeAttribute, imgAttributes } from "../images/img-attributes.ts";

export function feedContent(article: Article): string {
  const image = article.image;
  if (!image) return article.html;
  const caption = image.caption ? `<figcaption>${escapeAttribute(image.caption)}</figcaption>` : "";
  return `<figure class="lead-image"><img ${imgAttributes(image, image.alt)}>${caption}</figure>\n${article.html}`;
}
