/**
 * An article read back from the build cache: its index line holds what places it, its body and shown
 * fields are read from the bodies file when first used, and it behaves as the article it was kept from.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { openBodies, writeBodies, type BodyStore } from "../../src/build/kept-bodies.ts";
import { placedFieldsOf, RecalledArticle, shownFieldsOf } from "../../src/build/recalled-article.ts";
import { replaceArticle, type Article } from "../../src/content/article.ts";
import { makeArticle } from "../helpers/articles.ts";

/** `article` kept as a build keeps it, then read back: its index line, its bodies file and the recalled article. */
function keptAndRecalled(article: Article) {
  const dir = mkdtempSync(path.join(tmpdir(), "heze-recalled-"));
  const { name, size, ranges } = writeBodies(dir, "00", [article.html, shownFieldsOf(article)]);
  const bodies = path.join(dir, name);
  const line = JSON.stringify(placedFieldsOf(article));
  const open = () => openBodies(bodies, size, path.join(dir, "00.bin")) as BodyStore;
  const recall = () => new RecalledArticle(JSON.parse(line), article.channel, open(), ranges[0]!, ranges[1]!);
  return { line, bodies, recall };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

test("the index line holds what places an article; its title and summary come from the bodies file", () => {
  const fresh = makeArticle({ title: "牡丹节开幕", tags: ["牡丹"], html: "<p>菏泽日报讯</p>" });
  const { line, recall } = keptAndRecalled(fresh);
  const placed = JSON.parse(line) as Record<string, unknown>;
  assert.equal(placed.channel, "bendi", "the channel by its slug");
  assert.deepEqual(placed.tags, ["牡丹"]);
  for (const field of ["title", "description", "source", "length", "corrections", "html"])
    assert.ok(!(field in placed), `${field} is not in the index`);

  const recalled = recall();
  assert.deepEqual(json(recalled), json(fresh), "JSON.stringify gives a cold load's fields");
  assert.equal(recalled.title, "牡丹节开幕");
  assert.equal(recalled.description, fresh.description);
  assert.deepEqual(recalled.length, fresh.length);
  assert.equal(recalled.kicker, undefined);
  assert.equal(recalled.html, "<p>菏泽日报讯</p>");
  assert.equal(recalled.channel, fresh.channel, "this build's channel object");
  assert.ok("html" in recalled && !Object.keys(recalled).includes("html"), "the body is not enumerable");
});

test("shown fields are read once, when first used; damage to them shows then and sets the index aside", () => {
  const fresh = makeArticle({ title: "荷花节开幕" });
  const { bodies, recall } = keptAndRecalled(fresh);
  const early = recall();
  assert.equal(early.url, fresh.url, "placing fields need no read");
  assert.equal(early.title, "荷花节开幕");

  const bytes = readFileSync(bodies);
  writeFileSync(bodies, Buffer.from(bytes.toString().replace("荷花节", "牡丹节")));
  assert.equal(early.description, fresh.description, "read once: later fields need no second read");
  const late = recall();
  assert.equal(late.url, fresh.url);
  assert.throws(() => late.title, /the build cache is damaged \(.*\.html, bytes \d+ to \d+\)/);
  assert.equal(readFileSync(path.join(path.dirname(bodies), "00.bin"), "utf8"), "", "the index is set aside");
});

test("a recalled article replaced in place by a fresh load shows the fresh fields, even those it lacks", () => {
  const kept = makeArticle({ title: "旧标题", html: "<p>旧</p>" });
  const withKicker = { ...kept, kicker: "引题" };
  Object.defineProperty(withKicker, "html", { value: kept.html });
  const recalled = keptAndRecalled(withKicker as Article).recall();
  assert.equal(recalled.kicker, "引题");

  const edited = makeArticle({ title: "新标题", html: "<p>新</p>" });
  replaceArticle(recalled, edited);
  assert.equal(recalled.title, "新标题");
  assert.equal(recalled.kicker, undefined, "a field the fresh load does not have is gone");
  assert.equal(recalled.html, "<p>新</p>");
  assert.deepEqual(json(recalled), json(edited));
});
