// The search page (/search/?q=…&栏目=…&月份=…), drawn with Pagefind's JavaScript API over the
// bundles the build writes to /pagefind/<period>/ (half-years, the months of the newest one, the
// weeks of the newest month and the newest day),
// listed newest first with their months in /pagefind/periods.json: the newest bundle is loaded and
// the others merged into it (Pagefind's multi-site search), so one query ranks and filters across
// all of them. With a 月份 filter only the bundles holding that month are loaded. The header search
// box shows the query.
// Phrases: a Chinese term of two or more characters (or any quoted text) must appear as written.
// Pagefind matches Chinese by the words its segmenter cut, so 下穿 also finds pages holding 下 and 穿
// apart (and quoting does not help when the text was cut differently): its results, in its ranking
// (headlines weigh most), are checked against each page's text and only pages holding every phrase
// are listed. Pages are checked in batches until a screenful is found, so a common query stays cheap.
/* global document, window, URLSearchParams, fetch */
const PAGE_SIZE = 10;
const BATCH = 20;
const EXCERPT_BEFORE = 30;
const EXCERPT_LENGTH = 110;
const HAN_PHRASE = /^\p{Script=Han}{2,}$/u;
// Punctuation that ends or splits a sentence (not opening quotes or brackets, which may start one).
const LEADING_PUNCTUATION = /^[\s，。、；：！？…—·）》」』】〕”’,.;:!?)\]}-]+/u;

/** `queryParts('下穿 "big data" 2026')` is { text: '下穿 big data 2026', phrases: ["下穿", "big data"] }. */
function queryParts(query) {
  const phrases = [];
  const words = [];
  for (const [, quoted, word] of query.matchAll(/"([^"]+)"|(\S+)/g)) {
    const term = (quoted ?? word).trim();
    if (!term) continue;
    words.push(term);
    if (quoted !== undefined || HAN_PHRASE.test(term)) phrases.push(term.toLowerCase());
  }
  return { text: words.join(" "), phrases };
}

const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** `trimExcerpt("，下穿通道封闭")` is `下穿通道封闭`. */
function trimExcerpt(text) {
  return text.replace(LEADING_PUNCTUATION, "");
}

/**
 * Where the body starts in a page's indexed text: after the byline's last author (the text opens
 * with kicker, headline, subtitle and authors, which the result shows already or needs not repeat).
 */
function bodyStart(data) {
  const content = data.content ?? "";
  const last = (data.meta?.["作者"] ?? "").split("、").at(-1);
  const at = last ? content.indexOf(last) : -1;
  return at < 0 ? 0 : at + last.length;
}

/**
 * An excerpt of the body around the first phrase, or its opening when only the header holds the
 * phrase: HTML, the phrase marked, starting at a sentence start when one is near, never with
 * punctuation.
 */
function phraseExcerpt(data, phrase) {
  const body = (data.content ?? "").slice(bodyStart(data));
  const at = Math.max(0, body.toLowerCase().indexOf(phrase));
  let start = Math.max(0, at - EXCERPT_BEFORE);
  const sentence = body.slice(start, at).search(/[。！？]/);
  if (sentence >= 0) start += sentence + 1;
  const raw = body.slice(start, start + EXCERPT_LENGTH);
  const text = trimExcerpt(raw) + (start + EXCERPT_LENGTH < body.length ? "…" : "");
  const offset = at - start - (raw.length - text.length);
  const found = body.toLowerCase().indexOf(phrase) >= 0 && offset >= 0;
  if (!found) return escapeHtml(text);
  return (
    escapeHtml(text.slice(0, offset)) +
    `<mark>${escapeHtml(text.slice(offset, offset + phrase.length))}</mark>` +
    escapeHtml(text.slice(offset + phrase.length))
  );
}

function holdsPhrases(data, phrases) {
  const text = `${data.meta?.title ?? ""} ${data.content ?? ""}`.toLowerCase();
  return phrases.every((p) => text.includes(p));
}

function resultItem(data, phrases) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta?.title ?? data.url;
  const meta = document.createElement("span");
  meta.className = "list-meta";
  meta.textContent = [data.filters?.["栏目"]?.[0], data.meta?.["发表时间"]].filter(Boolean).join(" ");
  const excerpt = document.createElement("p");
  excerpt.className = "search-excerpt";
  // Pagefind's excerpt and phraseExcerpt are HTML: text escaped, matches in <mark>.
  excerpt.innerHTML = phrases.length > 0 ? phraseExcerpt(data, phrases[0]) : trimExcerpt(data.excerpt ?? "");
  item.append(link, meta, excerpt);
  return item;
}

/**
 * Searches the bundles of `periods` (newest first) as one index: the newest is loaded, the others
 * merged into it. With a month, only the bundles holding it; none when no bundle does.
 */
async function searchBundles(periods, month, text, filters) {
  const bundles = periods.filter((period) => !month || period.months.includes(month));
  if (bundles.length === 0) return { results: [] };
  const [newest, ...older] = bundles.map((period) => `/pagefind/${period.bundle}/`);
  const pagefind = await import(`${newest}pagefind.js`);
  await pagefind.init();
  await Promise.all(older.map((bundle) => pagefind.mergeIndex(bundle)));
  return pagefind.search(text, { filters });
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  const query = (params.get("q") ?? "").trim();
  const form = document.querySelector(".search-filters");
  const status = document.querySelector(".search-status");
  const list = document.querySelector(".search-list");
  const more = document.querySelector(".search-more");
  if (!form || !status || !list || !more) return;
  const headerBox = document.querySelector("#search-box-q");
  if (headerBox) headerBox.value = query;
  form.elements.namedItem("q").value = query;

  const response = await fetch("/pagefind/periods.json");
  if (!response.ok) throw new Error(`periods.json: ${response.status}`);
  const { periods } = await response.json();
  const monthSelect = form.elements.namedItem("月份");
  for (const month of new Set(periods.flatMap((period) => period.months))) {
    const option = document.createElement("option");
    option.value = month;
    option.textContent = `${month.replace("-", "年")}月`;
    monthSelect.append(option);
  }
  const filters = {};
  for (const name of ["栏目", "月份"]) {
    const value = params.get(name);
    if (value) {
      filters[name] = value;
      form.elements.namedItem(name).value = value;
    }
  }
  if (!query) return;

  const { text, phrases } = queryParts(query);
  status.textContent = "正在搜索…";
  const search = await searchBundles(periods, filters["月份"], text, filters);
  const candidates = search.results;
  let next = 0;
  let shown = 0;
  const showMore = async () => {
    more.hidden = true;
    let found = 0;
    while (found < PAGE_SIZE && next < candidates.length) {
      const batch = await Promise.all(candidates.slice(next, next + BATCH).map((r) => r.data()));
      next += BATCH;
      for (const data of batch) {
        if (!holdsPhrases(data, phrases)) continue;
        list.append(resultItem(data, phrases));
        found++;
      }
    }
    shown += found;
    status.textContent =
      shown === 0
        ? `未找到与“${query}”相关的稿件。`
        : `与“${query}”相关的稿件${next < candidates.length ? "" : `共 ${shown} 篇`}：`;
    more.hidden = next >= candidates.length;
  };
  more.addEventListener("click", () => showMore());
  await showMore();
}

start().catch(() => {
  const status = document.querySelector(".search-status");
  if (status) status.textContent = "站内搜索暂时无法使用，请稍后再试。";
});
