import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { test } from "node:test";
import { all, compactText } from "../helpers/dom.ts";
import { article, testPhoto, buildContent, buildFixture } from "../helpers/fixture-site.ts";

/** Front matter filling every piece of the article header. */
const FULL_HEADER = { kicker: "花开盛世", subtitle: "首日接待游客逾八万人次", editor: "赵磊" };

test("an article page has the Heze chrome, in order", async () => {
  const site = await buildFixture({
    "articles/bendi/demo.md": article({
      ...FULL_HEADER,
      author: ["李明", "王芳"],
      updated: "2021-11-22T10:05:00Z",
    }),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/demo/");

  assert.equal(doc.documentElement.lang, "zh-CN");
  assert.equal(doc.querySelector(".masthead .site-name")?.textContent, "中国菏泽网");
  const current = doc.querySelector('.channel-nav a[aria-current="page"]');
  assert.equal(current?.textContent, "本地要闻");
  assert.equal(current?.getAttribute("href"), "/bendi/");

  const crumbs = doc.querySelector(".breadcrumb");
  assert.equal(compactText(crumbs), "您当前位置:中国菏泽网>本地要闻>正文");
  assert.deepEqual(
    all(crumbs!, "a").map((a) => a.getAttribute("href")),
    ["/", "/bendi/"],
  );

  const header = doc.querySelector(".article-header")!;
  assert.deepEqual(
    [...header.children].map((el) => el.className || el.tagName.toLowerCase()),
    ["kicker", "h1", "subtitle", "byline", "reading-time"],
  );
  // Several authors are separated by "、", as the paper prints them.
  assert.equal(
    compactText(doc.querySelector(".byline")),
    "作者:李明、王芳来源:菏泽日报发表时间:2021-11-2209:27更新时间:2021-11-2218:05",
  );
  assert.equal(doc.querySelector(".byline-author")?.textContent, "作者: 李明、王芳");
  assert.deepEqual(
    all(doc, ".byline time").map((el) => el.getAttribute("datetime")),
    ["2021-11-22T09:27:00+08:00", "2021-11-22T18:05:00+08:00"],
  );
  assert.match(doc.querySelector(".reading-time")?.textContent ?? "", /全文约\d+字，阅读约需1分钟/);

  // Body, then 责任编辑, then the share bar, then the footer.
  const order = [".article-body", ".article-editor", ".share-bar", ".site-footer"].map((s) =>
    doc.querySelector(s),
  );
  for (let i = 1; i < order.length; i++) {
    assert.ok(order[i - 1]!.compareDocumentPosition(order[i]!) & 4, "chrome in the reference page's order");
  }
  assert.equal(doc.querySelector(".article-editor")?.textContent, "责任编辑:赵磊");

  const share = doc.querySelector(".share-bar")!;
  assert.equal(share.querySelector(".share-label")?.textContent, "分享到:");
  assert.equal(
    share.querySelector(".qr-code")?.getAttribute("data-qr-text"),
    "https://www.heze.cn/bendi/2021/11/22/demo/",
  );
  assert.equal(
    new URL(share.querySelector<HTMLAnchorElement>(".share-weibo")!.href).searchParams.get("url"),
    "https://www.heze.cn/bendi/2021/11/22/demo/",
  );
  assert.equal(
    new URL(share.querySelector<HTMLAnchorElement>(".share-qzone")!.href).searchParams.get("title"),
    "测试稿件",
  );
  assert.ok(share.querySelector("button.share-copy"));

  const footer = doc.querySelector(".site-footer")!;
  assert.ok(footer.querySelector('a[href="https://beian.miit.gov.cn/"]'));
  assert.match(
    footer.querySelector(".police-filing")?.getAttribute("href") ?? "",
    /^https:\/\/www\.beian\.gov\.cn\//,
  );
  assert.match(
    footer.querySelector(".police-filing img")?.getAttribute("src") ?? "",
    /^\/images\/police-badge\.[0-9a-f]{10}\.png$/,
  );
  assert.equal(footer.querySelectorAll("p").length, 3);

  // Nothing on the page comes from another host (the canonical link names the page, it loads nothing).
  for (const el of all(doc, "script[src], link[href]:not([rel=canonical]), img[src]")) {
    const url = el.getAttribute("src") ?? el.getAttribute("href") ?? "";
    assert.ok(url.startsWith("/"), `${url} is local`);
  }
});

test("markup in front matter and body is shown as text, never run", async () => {
  const site = await buildFixture({
    "articles/bendi/xss.md": article(
      { title: "<script>alert(1)</script>标题", author: "<b>李明</b>", source: '"菏泽日报"' },
      "<script>alert(2)</script>\n\n正文 <img src=x onerror=alert(3)>",
    ),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/xss/");
  assert.equal(doc.querySelector("h1")?.textContent, "<script>alert(1)</script>标题");
  assert.equal(doc.querySelector(".byline-author")?.textContent, "作者: <b>李明</b>");
  assert.equal(doc.title, "<script>alert(1)</script>标题_本地要闻_中国菏泽网");
  // The only inline scripts are JSON-LD data, which browsers never run.
  assert.equal(all(doc, 'script:not([src]):not([type="application/ld+json"])').length, 0);
  assert.equal(all(doc, "img[onerror], b").length, 0);
  assert.match(doc.querySelector(".article-body")?.textContent ?? "", /<script>alert\(2\)<\/script>/);
});

test("lead and body images are responsive, sized and captioned; the lead loads first, the others lazily", async () => {
  const photo = await testPhoto(1200, 800);
  const site = await buildFixture({
    "media/lead.jpg": photo,
    "media/2021/inline.jpg": photo,
    "articles/bendi/photo.md": article(
      { image: "/media/lead.jpg", image_alt: "牡丹园全景", image_caption: "牡丹园 摄影 王芳" },
      '第一段。\n\n![航拍画面](/media/2021/inline.jpg "航拍 摄影 李明")\n\n第二段。',
    ),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/photo/");
  const figures = all(doc, "figure.article-figure");
  assert.equal(figures.length, 2);
  for (const [figure, alt, caption, lead] of [
    [figures[0]!, "牡丹园全景", "牡丹园 摄影 王芳", true],
    [figures[1]!, "航拍画面", "航拍 摄影 李明", false],
  ] as const) {
    const img = figure.querySelector("img")!;
    assert.equal(img.getAttribute("alt"), alt);
    // The lead photo is the largest paint: never lazy, fetched first.
    assert.equal(img.getAttribute("loading"), lead ? null : "lazy");
    assert.equal(img.getAttribute("fetchpriority"), lead ? "high" : null);
    assert.equal(img.getAttribute("width"), "1200");
    assert.equal(img.getAttribute("height"), "800");
    assert.match(
      img.getAttribute("srcset") ?? "",
      /^\/img\/\w+-480\.webp 480w, \/img\/\w+-960\.webp 960w, \/img\/\w+-1200\.webp 1200w$/,
    );
    assert.ok(img.getAttribute("sizes"));
    assert.equal(figure.querySelector("figcaption")?.textContent, caption);
    for (const candidate of (img.getAttribute("srcset") ?? "").split(", ")) {
      const url = candidate.split(" ")[0]!;
      assert.ok((await site.file(url)).length > 0, `${url} is in the site`);
    }
  }
});

test("bad input fails the build naming every file, field and value at once, in Chinese", async () => {
  const site = await buildFixture({
    "articles/bendi/good.md": article(),
    "articles/bendi/bad-date.md": article({ date: "2021-13-45 09:27" }),
    "articles/bendi/bad-section.md": article({ section: "娱乐" }),
    "articles/bendi/no-title.md": article({ title: "" }),
    "articles/bendi/missing.md": article({ source: undefined, author: 42 }),
    "articles/bendi/no-photo.md": article({ image: "/media/nope.jpg", image_alt: "无" }),
  });
  assert.equal(site.exitCode, 1);
  const lines = site.stderr.trim().split("\n");
  const expect = (pattern: RegExp) =>
    assert.ok(
      lines.some((line) => pattern.test(line)),
      `${pattern} in:\n${site.stderr}`,
    );
  expect(
    /bad-date\.md:5:1: date（发表时间）：写的是 "2021-13-45 09:27"，不是有效的日期或时间；请写成 2021-11-22 09:27 这样的北京时间/,
  );
  expect(
    /bad-section\.md:6:1: section（栏目）：写的是 "娱乐"，没有这个栏目；可用的栏目有：本地要闻（bendi）、/,
  );
  expect(/no-title\.md:2:1: title（标题）：写的是 ""，不符合要求；请写成不为空的文字$/);
  expect(/missing\.md:\d+:1: source（来源）：缺少这个必填字段；请写上不为空的文字，如 菏泽日报、新华社$/);
  expect(/missing\.md:3:1: author（作者）：写的是 42，不符合要求；请写成一个名字，或几个名字的列表$/);
  expect(/no-photo\.md:\d+:1: image（题图）：找不到 \/media\/nope\.jpg：没有文件 /);
  expect(/^heze-press: 构建失败：内容有 6 个错误；已发布的网站没有改动$/);
  assert.ok(!/\bat .*\.ts:\d+/.test(site.stderr), "no stack trace");
});

test("two articles on one URL fail the build naming both files", async () => {
  const site = await buildFixture(
    {
      "articles/bendi/a/same.md": article({ title: "第一篇" }),
      "articles/bendi/b/same.md": article({ title: "第二篇" }),
      "articles/bendi/c.md": article({ slug: "same", title: "第三篇" }),
    },
    { HEZE_LANG: "en" },
  );
  assert.equal(site.exitCode, 1);
  assert.match(
    site.stderr,
    /b\/same\.md:1:1: slug: URL \/bendi\/2021\/11\/22\/same\/ is also used by .*a\/same\.md/,
  );
  assert.match(
    site.stderr,
    /c\.md:7:1: slug: URL \/bendi\/2021\/11\/22\/same\/ is also used by .*a\/same\.md/,
  );
});

test("two Chinese file names never collide on one URL", async () => {
  const site = await buildFixture({
    "articles/bendi/牡丹节开幕.md": article({ title: "牡丹节开幕" }),
    "articles/bendi/牡丹节闭幕.md": article({ title: "牡丹节闭幕" }),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const front = await site.page("/bendi/");
  const links = all(front, ".article-list a").map((a) => a.getAttribute("href") ?? "");
  assert.equal(new Set(links).size, 2);
  for (const link of links) assert.match(link, /^\/bendi\/2021\/11\/22\/[0-9a-f]{8}\/$/);
});

test("a failed build leaves the previous site in place", async () => {
  const first = await buildFixture({ "articles/bendi/demo.md": article() });
  assert.equal(first.exitCode, 0, first.stderr);
  const before = await first.file("bendi/2021/11/22/demo/index.html");
  await writeFile(`${first.contentDir}/articles/bendi/broken.md`, article({ date: "明天" }));
  const second = await buildContent(first.contentDir);
  assert.equal(second.exitCode, 1);
  assert.equal(await second.file("bendi/2021/11/22/demo/index.html"), before);
});

test("the channel bar marks 首页 on the homepage only, and no channel on other pages", async () => {
  const site = await buildFixture({ "articles/bendi/demo.md": article() });
  assert.equal(site.exitCode, 0, site.stderr);
  const current = async (url: string) =>
    all(await site.page(url), '.channel-nav a[aria-current="page"]').map((a) => a.textContent);
  assert.deepEqual(await current("/"), ["首页"]);
  assert.deepEqual(await current("/search/"), []);
  assert.deepEqual(await current("/bendi/"), ["本地要闻"]);
});

test("a table with aligned columns builds: alignment is a class the CSP allows", async () => {
  const site = await buildFixture({
    "articles/bendi/table.md": article({}, "| 县区 | 人数 |\n| :-- | --: |\n| 曹县 | 12 |"),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/table/");
  assert.deepEqual(
    all(doc, ".article-body td").map((td) => td.className),
    ["align-left", "align-right"],
  );
  assert.equal(all(doc, "[style]").length, 0);
});

test("site search indexes headline, kicker, subtitle, authors and tags, weighted, and leaves out labels and chrome", async () => {
  const site = await buildFixture({
    "articles/bendi/indexed.md": article({
      ...FULL_HEADER,
      author: ["本报记者 李明", "通讯员 王芳"],
      tags: ["牡丹", "文旅"],
    }),
  });
  assert.equal(site.exitCode, 0, site.stderr);
  const doc = await site.page("/bendi/2021/11/22/indexed/");
  const indexed = all(doc, "[data-pagefind-body]");
  assert.deepEqual(
    indexed.map((el) => el.tagName.toLowerCase()),
    ["article"],
  );
  const article_ = indexed[0]!;
  // What Pagefind reads: the article minus every data-pagefind-ignore element.
  const copy = article_.cloneNode(true) as Element;
  for (const el of all(copy, "[data-pagefind-ignore]")) el.remove();
  const text = compactText(copy);
  for (const piece of [
    "花开盛世",
    "测试稿件",
    "首日接待游客逾八万人次",
    "本报记者李明",
    "通讯员王芳",
    "牡丹",
    "文旅",
    "这是一篇测试稿件的正文",
  ]) {
    assert.ok(text.includes(piece), `${piece} is indexed`);
  }
  for (const label of ["作者:", "来源:", "发表时间", "责任编辑", "分享到", "全文约", "标签:"]) {
    assert.ok(!text.includes(label), `${label} is not indexed`);
  }
  const weight = (selector: string) => doc.querySelector(selector)?.getAttribute("data-pagefind-weight");
  assert.equal(weight(".article-header h1"), "10");
  assert.equal(weight(".article-header .kicker"), "5");
  assert.equal(weight(".article-header .subtitle"), "5");
  assert.equal(weight(".byline-author a"), "3");
  assert.equal(weight(".article-tags a"), "3");
  // The search page reads the authors from this meta to start excerpts after the byline.
  assert.equal(
    doc.querySelector(".byline-author")?.getAttribute("data-pagefind-meta"),
    "作者:本报记者 李明、通讯员 王芳",
  );
});
