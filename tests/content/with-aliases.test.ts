import assert from "node:assert/strict";
import { test } from "node:test";
import { withAliases } from "../../src/content/with-aliases.ts";
import { makeArticle } from "../helpers/articles.ts";

test("_redirects lists only the articles that have old URLs, in the order given", () => {
  const first = { ...makeArticle(), aliases: ["/old/1.htm"] };
  const plain = makeArticle();
  const last = { ...makeArticle(), aliases: ["/old/3.htm", "/old/3b.htm"] };
  assert.deepEqual(withAliases([first, plain, last]), [first, last]);
  assert.deepEqual(withAliases([plain]), []);
});
