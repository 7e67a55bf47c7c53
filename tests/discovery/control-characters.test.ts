/**
 * Control characters an editor pastes (Word's manual line break is a vertical tab) are refused in
 * front matter, and in bodies they must not reach the XML: every XML file of a build whose articles
 * hold them is parsed by a conformant XML parser (saxes, through jsdom's XML mode).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { listFiles } from "../../src/util/list-files.ts";
import { article, buildFixture } from "../helpers/fixture-site.ts";
import { ATOM, elements, parseXml } from "../helpers/xml.ts";

const CONTROLS = "\u000b\u000c\u0001\u0008\u001f\u007f";

test("every XML file of a build whose bodies hold control characters parses, markup in fields stays text", async () => {
  const body = [
    `第一段${CONTROLS}第二段`,
    `**加粗${CONTROLS}** [链接${CONTROLS}](/bendi/)`,
    "```",
    `代码${CONTROLS}`,
    "```",
    `<span>原始 HTML${CONTROLS}</span>`,
  ].join("\n\n");
  const built = await buildFixture(
    {
      "articles/bendi/a.md": article(
        {
          title: `<b>标题</b> & "引号" ]]>`,
          summary: "<script>alert(1)</script>摘要",
          tags: ["<i>标签</i>"],
        },
        body,
      ),
      "articles/bendi/b.md": article({ title: "第二篇", date: "2026-04-08 08:00", author: "<李明>" }, body),
    },
    { HEZE_NOW: "2026-04-08T12:00:00+08:00" },
  );
  assert.equal(built.exitCode, 0, built.stderr);
  const xmlFiles = listFiles(built.outputDir).filter((file) => file.endsWith(".xml"));
  assert.ok(
    xmlFiles.includes("feed.xml") &&
      xmlFiles.includes("news-sitemap.xml") &&
      xmlFiles.includes("sitemap.xml"),
  );
  for (const file of xmlFiles) {
    const text = await built.file(file);
    assert.doesNotThrow(() => parseXml(text), file);
  }
  const feed = parseXml(await built.file("feed.xml"));
  const titles = elements(feed, ATOM, "title").map((t) => t.textContent);
  assert.ok(titles.includes(`<b>标题</b> & "引号" ]]>`), titles.join(" | "));
  const content = elements(feed, ATOM, "content").map((c) => c.textContent ?? "");
  assert.ok(content.length >= 2 && content.every((c) => c.includes("第一段") && c.includes("第二段")));

  const page = await built.page("/bendi/2021/11/22/a/");
  assert.equal(page.querySelector("h1")?.textContent?.trim(), `<b>标题</b> & "引号" ]]>`);
  assert.equal(page.querySelector("h1 b"), null, "markup in a title is text");
  assert.equal(page.querySelector("script:not([src]):not([type='application/ld+json'])"), null);
  for (const script of page.querySelectorAll("script[type='application/ld+json']"))
    assert.doesNotThrow(() => JSON.parse(script.textContent ?? ""), "JSON-LD stays JSON");
});

test("control characters in front matter are refused by the build, naming the field", async () => {
  const built = await buildFixture(
    { "articles/bendi/a.md": article({ title: "牡丹\u000b节" }) },
    { HEZE_LANG: "en" },
  );
  assert.equal(built.exitCode, 1);
  assert.match(
    built.stderr,
    /a\.md:2:1: title: got "牡丹\\u000b节": holds an invisible control character \(U\+000B/,
  );
});
