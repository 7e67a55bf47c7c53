/**
 * The web editor's configuration (Decap CMS `config.yml`), generated at build time from the one
 * front-matter schema and the channel list, so that a field or channel added there appears in the
 * editor's form without touching this file. UI in Chinese (zh_Hans); the editorial workflow
 * (draft → in review → ready, one pull request per article) on the git host from `site.yaml`; on this machine
 * the editor talks to the local proxy (`npm run editor`), which writes straight into content/.
 */
import path from "node:path";
import {
  articleFields,
  BODY_LABEL,
  fieldMeta,
  SLUG_PATTERN,
  type ArticleField,
  type FieldMeta,
} from "../content/schema.ts";
import { newArticleDefaults } from "../content/new-article.ts";
import type { Site } from "../content/site-data.ts";
import { OPEN_ARTICLE_PATH } from "../preview/open-article.ts";
import { RECENT_ENTRIES } from "./entry-list.ts";

/**
 * Our own widgets (public/admin/heze-editor.js). `heze-datetime`: Beijing wall-clock time typed and
 * shown as `2026-11-30 10:30` whatever the browser's zone and language (Decap's datetime widget shows
 * the browser's local form, `11/30/2026, 10:30 AM`, and its "now" in the browser's zone).
 */
const DATETIME = { widget: "heze-datetime" };

type CmsField = Record<string, unknown> & { name: string; label: string };

/** One Decap field for a schema field's widget kind. */
function widgetFor(meta: FieldMeta, site: Site): Record<string, unknown> {
  switch (meta.widget) {
    case "string":
    case "text":
    case "image":
    case "boolean":
      return { widget: meta.widget };
    case "datetime":
      return DATETIME;
    case "list":
      return { widget: "list", allow_add: true };
    case "channel":
      // `heze-channel`: a select of channel names that shows a file's slug (`shehui`) as its name and
      // keeps the form the file has; a new article gets the slug, which names its folder (see `path`).
      return { widget: "heze-channel", channels: site.channels };
    case "corrections":
      return {
        widget: "list",
        summary: "{{fields.time}} {{fields.text}}",
        fields: [
          { name: "time", label: "更正时间", ...DATETIME },
          { name: "text", label: "更正内容", widget: "text" },
        ],
      };
  }
}

/** A list widget holds a list: `本报记者` becomes `[本报记者]`. */
function asWidgetValue(meta: FieldMeta, value: unknown): unknown {
  return meta.widget === "list" && !Array.isArray(value) ? [value] : value;
}

/** The form's fields in schema order, then the body. */
export function cmsFields(site: Site): CmsField[] {
  // What `npm run new` fills in when not told; the date's default (now, in Beijing) is the widget's.
  const defaults: Partial<Record<ArticleField, unknown>> = newArticleDefaults(site);
  const names = Object.keys(articleFields) as ArticleField[];
  const fields = names.map((name): CmsField => {
    const meta = fieldMeta.get(articleFields[name]);
    if (!meta) throw new Error(`schema field ${name} has no meta`);
    const required = !articleFields[name].safeParse(undefined).success;
    return {
      name,
      label: meta.label,
      ...widgetFor(meta, site),
      ...(required ? {} : { required: false }),
      ...(defaults[name] === undefined ? {} : { default: asWidgetValue(meta, defaults[name]) }),
      ...(name === "slug" ? { pattern: [SLUG_PATTERN.source, meta.expected.zh] } : {}),
    };
  });
  return [...fields, { name: "body", label: BODY_LABEL, widget: "markdown" }];
}

export interface CmsOptions {
  contentDir: string;
  /** Port of the local proxy (decap-server) that `npm run editor` starts. */
  editorPort: number;
}

/** The whole config. Folders are relative to the repository root, taken to be the content folder's parent. */
export function cmsConfig(site: Site, options: CmsOptions): Record<string, unknown> {
  const content = path.basename(options.contentDir);
  const localProxy = `http://127.0.0.1:${options.editorPort}/api/v1`;
  return {
    locale: "zh_Hans",
    site_url: site.baseUrl,
    display_url: site.baseUrl,
    // 查看发布 opens the preview of the article, which only `npm run editor` serves: public/admin/
    // heze-editor.js turns the links on (and points site_url at the preview) in the preview.
    show_preview_links: false,
    backend: site.cms
      ? { name: site.cms.backend, repo: site.cms.repo, branch: site.cms.branch, squash_merges: true }
      : { name: "proxy", proxy_url: localProxy, branch: "main" },
    publish_mode: "editorial_workflow",
    local_backend: { url: localProxy },
    media_folder: `${content}/media`,
    public_folder: "/media",
    collections: [
      {
        name: "articles",
        label: "稿件",
        label_singular: "稿件",
        folder: `${content}/articles`,
        description: `按发表时间从新到旧排列（在本机编辑时列出最新的 ${RECENT_ENTRIES} 篇）；更早的稿件请在上方搜索标题或作者。`,
        // A new article's file: `<channel-slug>/<yyyy>/<yyyy-MM-dd-HH-mm>.md`, as `npm run new` lays
        // them out, all from the form's own text (its 栏目 slug and Beijing 发表时间), so the name is
        // ASCII, becomes the URL slug and does not depend on the browser's zone (Decap's {{year}}
        // placeholders are UTC). Decap lower-cases `path` and turns its dots into dashes, so fields
        // are named without `fields.`; `truncate(4, "-")` keeps the year (Decap drops the trailing dash).
        path: '{{section}}/{{date | truncate(4, "-")}}/{{slug}}',
        slug: "{{date}}",
        create: true,
        extension: "md",
        format: "frontmatter",
        identifier_field: "title",
        summary: "{{title}}（{{section}} {{date}}）",
        // The list comes newest first from the local proxy (src/cms/entry-list.ts); sorting by a field
        // would make Decap load and sort every article first.
        sortable_fields: [],
        // 查看发布: the preview server finds the article's URL from its file (src/preview/open-article.ts).
        preview_path: `${OPEN_ARTICLE_PATH.slice(1)}?file={{slug}}`,
        preview_path_preserve_slashes: true,
        editor: { preview: false },
        fields: cmsFields(site),
      },
    ],
  };
}
