/**
 * A small newsroom for the fronts, feeds and metadata tests: six articles over two channels, two
 * months and shared authors and tags, page size 2 and sitemap files of 4 URLs so that every list
 * paginates and the sitemap splits. Build clock NOW puts two articles in the news sitemap.
 */
import { article } from "./fixture-site.ts";
import { siteYaml } from "./articles.ts";

export const NOW = "2021-11-23 09:00";

export const DISCOVERY_FILES = {
  "site.yaml": siteYaml({ pageSize: 2, sitemapSize: 4 }),
  "articles/bendi/peony.md": article(
    {
      title: "牡丹节开幕",
      kicker: "花开盛世",
      summary: "第三十五届牡丹节开幕。",
      author: ["李明", "王芳"],
      date: "2021-11-22 09:27",
      updated: "2021-11-22 15:00",
      tags: ["牡丹", "文旅"],
    },
    "本报讯 牡丹节今天开幕，[详情](/bendi/) 见本报。",
  ),
  // A vertical tab pasted into a body must not break the feeds (XML forbids it).
  "articles/bendi/garden.md": article(
    { title: "曹州牡丹园扩建", date: "2021-11-21 08:00", tags: ["牡丹"] },
    "本报讯 牡丹园\u000B扩建工程开工。",
  ),
  "articles/bendi/bridge.md": article({
    title: "新大桥通车",
    date: "2021-11-20 10:00",
    author: "赵磊",
    tags: ["交通"],
  }),
  "articles/bendi/old.md": article({ title: "十月旧闻", date: "2021-10-05 10:00", author: "赵磊" }),
  "articles/tiyu/match.md": article({
    title: "菏泽队夺冠",
    section: "体育",
    date: "2021-11-22 20:00",
    tags: ["牡丹"],
  }),
  "articles/tiyu/run.md": article({ title: "马拉松开跑", section: "体育", date: "2021-11-01 07:00" }),
};
