import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import MarkdownIt from "markdown-it";
import { headingId, headingIds } from "../../src/markdown/heading-ids.ts";

const md = new MarkdownIt().use(headingIds);
/** The ids of the headings `markdown` renders to, in order. */
const ids = (markdown: string) =>
  [...JSDOM.fragment(md.render(markdown)).querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => h.id);

test("ASCII headings get a slug of their text", () => {
  assert.equal(headingId("Key facts"), "key-facts");
  assert.equal(headingId("  What's next?  "), "what-s-next");
  assert.equal(headingId("COVID-19 update"), "covid-19-update");
});

test("headings with Chinese, or with no letter to start a slug, get h- and 6 hex digits of their text", () => {
  for (const text of ["会议要点", "COVID-19 疫情", "2026", "!!!", ""]) {
    assert.match(headingId(text), /^h-[0-9a-f]{6}$/, JSON.stringify(text));
  }
  assert.equal(headingId(" 会议要点 "), headingId("会议要点"), "surrounding spaces do not change the id");
  assert.notEqual(headingId("会议要点"), headingId("会议精神"));
});

test("every heading level gets its id, from its text without the Markdown around it", () => {
  assert.deepEqual(ids("# Title\n\n### **Key** facts\n\n###### Notes"), ["title", "key-facts", "notes"]);
});

test("a repeated heading gets -2, -3 in order of appearance", () => {
  const id = headingId("会议要点");
  assert.deepEqual(ids("## 会议要点\n\n## Intro\n\n## 会议要点\n\n## 会议要点"), [
    id,
    "intro",
    `${id}-2`,
    `${id}-3`,
  ]);
});

test("no two headings share an id, even when one's text reads like another's numbered id", () => {
  for (const markdown of ["## Intro\n\n## Intro\n\n## Intro 2", "## Intro 2\n\n## Intro\n\n## Intro"]) {
    const found = ids(markdown);
    assert.equal(new Set(found).size, found.length, `${found.join(", ")} from ${JSON.stringify(markdown)}`);
  }
  assert.deepEqual(ids("## Intro\n\n## Intro\n\n## Intro 2"), ["intro", "intro-2", "intro-2-2"]);
});

test("each document numbers its headings afresh", () => {
  assert.deepEqual(ids("## Intro"), ["intro"]);
  assert.deepEqual(ids("## Intro"), ["intro"]);
});
