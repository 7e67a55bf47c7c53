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
  fieldMeta,
  SLUG_PATTERN,
  type ArticleField,
  type FieldMeta,
} from "../content/schema.ts";
import type { Site } from "../content/site-data.ts";

/** Decap's datetime widget, storing Beijing wall-clock time as the newsroom writes it. */
const DATETIME = {
  widget: "datetime",
  format: "YYYY-MM-DD HH:mm",
  date_format: "YYYY-MM-DD",
  time_format: "HH:mm",
};

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
      return { widget: "select", options: site.channels.map((c) => c.name) };
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

/** The form's fields in schema order, then the body. */
export function cmsFields(site: Site): CmsField[] {
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
      ...(name === "slug" ? { pattern: [SLUG_PATTERN.source, meta.expected] } : {}),
    };
  });
  return [...fields, { name: "body", label: "正文", widget: "markdown" }];
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
        // A new article's file: `<yyyy>/<MM>/<yyyyMMdd-HHmmss>.md`, from its 发表时间 (Decap's date
        // placeholders are UTC): an ASCII name that becomes the URL slug. Three levels, so that the
        // editor also lists files at the README's `<channel>/<yyyy>/<name>.md` (Decap lists as deep
        // as `path` goes).
        path: "{{year}}/{{month}}/{{slug}}",
        slug: "{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}",
        create: true,
        extension: "md",
        format: "frontmatter",
        identifier_field: "title",
        summary: "{{title}}（{{section}} {{date}}）",
        sortable_fields: ["date", "title", "section"],
        editor: { preview: false },
        fields: cmsFields(site),
      },
    ],
  };
}
