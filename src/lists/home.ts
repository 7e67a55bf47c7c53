/**
 * The homepage: for each channel in the site's order, its latest articles: a top story (shown with its
 * kicker and summary) and a short list, with a link to the channel front.
 */
import type { Article } from "../content/article.ts";
import type { Channel, Site } from "../content/site-data.ts";
import { groupBy } from "../util/group-by.ts";

/** Articles per channel on the homepage: the top story and the list under it. */
export const HOME_PER_CHANNEL = 8;

export interface HomeSection {
  channel: Channel;
  /** The channel front, for the 更多 link. */
  url: string;
  top?: Article;
  rest: Article[];
}

/** `articles` newest first; one section per channel, empty channels included. */
export function homeSections(articles: Article[], site: Site): HomeSection[] {
  const byChannel = groupBy(articles, (a) => [a.channel.slug]);
  return site.channels.map((channel) => {
    const [top, ...rest] = (byChannel.get(channel.slug) ?? []).slice(0, HOME_PER_CHANNEL);
    return { channel, url: `/${channel.slug}/`, top, rest };
  });
}
