/**
 * `{{ "/bendi/2021/11/22/a/" | absoluteUrl(site.baseUrl) }}` → `https://www.heze.cn/bendi/2021/11/22/a/`.
 */
export function absoluteUrl(url: string, baseUrl: string): string {
  return new URL(url, `${baseUrl}/`).href;
}
