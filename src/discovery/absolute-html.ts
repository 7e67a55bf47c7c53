/**
 * Article HTML for feeds: feed readers show it away from the site, so site-relative `src`, `href` and
 * `srcset` URLs become absolute. Works on the body HTML the Markdown renderer writes (attributes in
 * double quotes).
 *   absoluteHtml('<img src="/img/a.webp">', "https://www.heze.cn") === '<img src="https://www.heze.cn/img/a.webp">'
 */
export function absoluteHtml(html: string, baseUrl: string): string {
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${baseUrl}/`)
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, list: string) => `srcset="${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${baseUrl}/`)}"`,
    );
}
