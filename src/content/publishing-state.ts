/**
 * Publishing states. Where an article stands at the build clock decides where it appears:
 *   draft      `draft: true`: only in the preview, with a banner
 *   scheduled  `date` after the build clock (embargo): only in the preview, with a banner
 *   expired    `expires` at or before the build clock: its URL shows a 已下线 notice, nothing lists it
 *   live       everything else: pages, lists, feeds, sitemaps, search
 */
import type { DateTime } from "luxon";
import type { NewsTime } from "./newsroom-time.ts";

export type PublishingState = "live" | "draft" | "scheduled" | "expired";

/** A moment: a Luxon DateTime, or epoch milliseconds where no DateTime is at hand (the build cache). */
export type Moment = DateTime | number;

const millis = (moment: Moment) => (typeof moment === "number" ? moment : moment.toMillis());

/** `publishingState({ date: tomorrow }, now) === "scheduled"`; a draft stays a draft whatever its dates. */
export function publishingState(
  fm: { draft?: boolean; date: Moment; expires?: Moment },
  now: DateTime,
): PublishingState {
  if (fm.draft) return "draft";
  if (millis(fm.date) > now.toMillis()) return "scheduled";
  if (fm.expires !== undefined && millis(fm.expires) <= now.toMillis()) return "expired";
  return "live";
}

/** The moments after which a rebuild changes the site by itself: embargoes lifting, articles expiring. */
export interface Schedule {
  /** The earliest `date` of a scheduled (not draft) article. */
  nextEmbargo?: NewsTime;
  /** The earliest `expires` of a live article. */
  nextExpiry?: NewsTime;
}

/** The earliest instant of each kind; `nextRebuild(schedule)` is the earlier of the two. */
export function schedule(
  items: { state: PublishingState; published: NewsTime; expires?: NewsTime }[],
): Schedule {
  const earliest = (times: (NewsTime | undefined)[]) =>
    times.reduce<NewsTime | undefined>(
      (min, t) => (t && (!min || t.epochMs < min.epochMs) ? t : min),
      undefined,
    );
  return {
    nextEmbargo: earliest(items.filter((a) => a.state === "scheduled").map((a) => a.published)),
    nextExpiry: earliest(items.filter((a) => a.state === "live").map((a) => a.expires)),
  };
}

/** The next time the site should be rebuilt, if any. */
export function nextRebuild(s: Schedule): NewsTime | undefined {
  const times = [s.nextEmbargo, s.nextExpiry].filter((t): t is NewsTime => t !== undefined);
  return times.sort((a, b) => a.epochMs - b.epochMs)[0];
}
