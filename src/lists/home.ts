/**
 * The homepage as a news portal: a 头条 lead story with its photo across the top, a strip of photo
 * stories (图片新闻) from lead photos, then each channel in the site's order with its top story (a
 * thumbnail when it has a photo), a short list and 更多. Everything comes from the newest articles, so
 * the page changes only when one of the lists it shows changes.
 */
import type { Article } from "../content/article.ts";
import type { Channel, Site } from "../content/site-data.ts";
import { newestByChannel } from "../content/newest-by-channel.ts";

/** Articles per channel on the homepage: the top story and the list under it. */
export const HOME_PER_CHANNEL = 6;
/** The lead story is the newest article with a photo among this many newest (else the newest). */
export const LEAD_WINDOW = 10;
/** Photo stories in the strip under the lead. */
export const PHOTO_LIMIT = 8;

export interface HomeSection {
  channel: Channel;
  /** The channel front, for the 更多 link. */
  url: string;
  top?: Article;
  rest: Article[];
}

export interface HomePage {
  /** 头条: shown across the top, with its photo when it has one. */
  lead?: Article;
  /** 图片新闻: the newest other articles with a lead photo, newest first. */
  photos: Article[];
  /** One section per channel, empty channels included. */
  sections: HomeSection[];
}

/** `articles` newest first; one section per channel, empty channels included. */
export function homeSections(articles: Article[], site: Site): HomeSection[] {
  const newest = newestByChannel(articles, site.channels, HOME_PER_CHANNEL);
  return site.channels.map((channel) => {
    const [top, ...rest] = newest.get(channel.slug)!;
    return { channel, url: `/${channel.slug}/`, top, rest };
  });
}

/** `articles` newest first. Stops reading once it has found PHOTO_LIMIT photo stories. */
export function homePage(articles: Article[], site: Site): HomePage {
  const lead = articles.slice(0, LEAD_WINDOW).find((a) => a.image) ?? articles[0];
  const photos: Article[] = [];
  for (const article of articles) {
    if (photos.length === PHOTO_LIMIT) break;
    if (article.image && article !== lead) photos.push(article);
  }
  return { lead, photos, sections: homeSections(articles, site) };
}
