import assert from "node:assert/strict";
import { test } from "node:test";
import { articleFields, fieldMeta, type ArticleField } from "../../src/content/schema.ts";
import { newArticleDefaults } from "../../src/content/new-article.ts";
import { cmsConfig, cmsFields } from "../../src/cms/cms-config.ts";
import { loadSite } from "../../src/content/site-data.ts";

const site = await loadSite("content");

test("the editor's form is the schema: every field in order, with its label and whether it is required", () => {
  const fields = cmsFields(site);
  const names = Object.keys(articleFields) as ArticleField[];
  assert.deepEqual(
    fields.map((f) => f.name),
    [...names, "body"],
  );
  for (const field of fields.slice(0, -1)) {
    const name = field.name as ArticleField;
    assert.equal(field.label, fieldMeta.get(articleFields[name])?.label, name);
    const optional = articleFields[name].safeParse(undefined).success;
    assert.equal(field.required === false, optional, name);
  }
  const byName = new Map(fields.map((f) => [f.name, f]));
  assert.deepEqual(byName.get("section"), {
    name: "section",
    label: "栏目",
    widget: "heze-channel",
    channels: site.channels,
  });
  assert.equal(byName.get("date")?.widget, "heze-datetime");
  assert.equal(byName.get("updated")?.widget, "heze-datetime");
  assert.equal(byName.get("draft")?.widget, "boolean");
  assert.deepEqual(
    (byName.get("corrections")?.fields as { name: string }[]).map((f) => f.name),
    ["time", "text"],
  );
  assert.deepEqual(byName.get("body"), { name: "body", label: "正文", widget: "markdown" });
});

test("the editor's defaults are those of npm run new: 本报记者 and the publisher", () => {
  const byName = new Map(cmsFields(site).map((f) => [f.name, f]));
  const scaffold = newArticleDefaults(site);
  assert.deepEqual(byName.get("author")?.default, [scaffold.author]);
  assert.equal(byName.get("source")?.default, site.publisher);
  assert.deepEqual(scaffold, { author: "本报记者", source: "菏泽日报" });
  const defaulted = cmsFields(site).filter((f) => "default" in f);
  assert.deepEqual(
    defaulted.map((f) => f.name),
    ["author", "source"],
  );
});

test("the editor's config: Chinese UI, editorial workflow on the git host, local proxy on loopback", () => {
  const config = cmsConfig(site, { contentDir: "/srv/newsroom/content", editorPort: 9123 });
  assert.equal(config.locale, "zh_Hans");
  assert.equal(config.publish_mode, "editorial_workflow");
  assert.deepEqual(config.backend, {
    name: "github",
    repo: site.cms?.repo,
    branch: "main",
    squash_merges: true,
  });
  assert.deepEqual(config.local_backend, { url: "http://127.0.0.1:9123/api/v1" });
  assert.equal(config.media_folder, "content/media");
  const [collection] = config.collections as Record<string, unknown>[];
  assert.equal(collection?.folder, "content/articles");
  // A new article goes to its channel's folder and year, named from its Beijing 发表时间 (ASCII).
  assert.equal(collection?.path, '{{section}}/{{date | truncate(4, "-")}}/{{slug}}');
  assert.equal(collection?.slug, "{{date}}");
  // 查看发布 asks the preview for the article's page; only in the preview (heze-editor.js turns it on).
  assert.equal(collection?.preview_path, "preview/open/?file={{slug}}");
  assert.equal(config.show_preview_links, false);

  const local = cmsConfig({ ...site, cms: undefined }, { contentDir: "content", editorPort: 8081 });
  assert.deepEqual(local.backend, {
    name: "proxy",
    proxy_url: "http://127.0.0.1:8081/api/v1",
    branch: "main",
  });
});
