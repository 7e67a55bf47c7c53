import assert from "node:assert/strict";
import { test } from "node:test";
import nunjucks from "nunjucks";
import { includeOnce } from "../../src/pages/include-once.ts";

function envWith(templates: Record<string, string>): { env: nunjucks.Environment; renders: string[] } {
  const renders: string[] = [];
  const loader = {
    getSource(name: string) {
      renders.push(name);
      return { src: templates[name]!, path: name, noCache: true };
    },
  };
  const env = new nunjucks.Environment(loader as unknown as nunjucks.ILoader);
  env.addGlobal("includeOnce", includeOnce);
  return { env, renders };
}

test("includeOnce renders a partial once per key and reuses it, unescaped", () => {
  const { env, renders } = envWith({
    "page.njk": "{{ includeOnce('nav.njk', current) }}|{{ body }}",
    "nav.njk": "<nav>{{ current }}</nav>",
  });
  assert.equal(env.renderString("{{ includeOnce('nav.njk', current) }}", { current: "a" }), "<nav>a</nav>");
  assert.equal(env.renderString("{{ includeOnce('nav.njk', current) }}", { current: "a" }), "<nav>a</nav>");
  assert.equal(env.renderString("{{ includeOnce('nav.njk', current) }}", { current: "b" }), "<nav>b</nav>");
  assert.equal(renders.filter((name) => name === "nav.njk").length, 2, "one render per key");
  assert.equal(env.render("page.njk", { current: "a", body: "<p>" }), "<nav>a</nav>|&lt;p&gt;");
});

test("a new environment (a new build) renders the partial afresh", () => {
  const templates = { "nav.njk": "<nav>{{ name }}</nav>" };
  assert.equal(
    envWith(templates).env.renderString("{{ includeOnce('nav.njk') }}", { name: "甲" }),
    "<nav>甲</nav>",
  );
  assert.equal(
    envWith(templates).env.renderString("{{ includeOnce('nav.njk') }}", { name: "乙" }),
    "<nav>乙</nav>",
  );
});
