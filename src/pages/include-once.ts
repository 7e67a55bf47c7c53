/**
 * Nunjucks global `includeOnce(name, key)`: the partial `name` rendered once per build for each
 * `key`, then reused. For chrome that is the same on thousands of pages: `base.njk` renders the
 * footer and search box once, and the masthead once per current channel, instead of on each of
 * 12,500 pages (a tenth of the rendering time). The partial sees the page's top-level variables
 * on first use, so it must depend on nothing but site data and what `key` stands for:
 *   {{ includeOnce("masthead.njk", currentChannel) }}
 * Each build has a fresh Nunjucks environment (Eleventy makes one per build, as does
 * bulk-pages.ts), so a change to site data or a partial shows on the next build.
 */
import nunjucks from "nunjucks";

const rendered = new WeakMap<nunjucks.Environment, Map<string, nunjucks.runtime.SafeString>>();

/** What Nunjucks gives a global function as `this`: the rendering context. */
interface RenderContext {
  env: nunjucks.Environment;
  ctx: object;
}

export function includeOnce(
  this: RenderContext,
  name: string,
  key: unknown = "",
): nunjucks.runtime.SafeString {
  let cache = rendered.get(this.env);
  if (!cache) rendered.set(this.env, (cache = new Map()));
  const id = `${name}\u0000${String(key)}`;
  let html = cache.get(id);
  if (!html) {
    html = new nunjucks.runtime.SafeString(this.env.render(name, this.ctx));
    cache.set(id, html);
  }
  return html;
}
