/**
 * Validated front matter + body → the enriched Article. Each step is small and pure except the
 * body and lead image, which read image files. The publishing state comes from the caller, which
 * holds the build clock.
 */
import { DateTime } from "luxon";
import type { Channel, Site } from "./site-data.ts";
import { findChannel } from "./site-data.ts";
import type { ImageOptions } from "../images/responsive-image.ts";
import { htmlToText, measureText } from "./reading-time.ts";
import { withBody, type Article, type LeadImage } from "./article.ts";
import { articleUrl, slugFromFileName } from "./article-url.ts";
import type { SourceFile } from "./front-matter.ts";
import { toNewsTime, type NewsTime } from "./newsroom-time.ts";
import type { PublishingState } from "./publishing-state.ts";
import type { Problem } from "./problems.ts";
import { renderBody, resolveImage } from "./render-body.ts";
import type { ArticleFrontMatter } from "./schema.ts";
import { normaliseAlias } from "./alias-path.ts";

const DESCRIPTION_LENGTH = 120;

// Chinese punctuation (CJK symbols, full-width forms, curly quotes): no space follows it in print.
const SPACE_AFTER_CJK_PUNCTUATION = /([\u3000-\u303f\uff00-\uffef“”‘’…—])\s+/gu;

/**
 * The start of the body's text, cut at a sentence end where one falls near the limit. Paragraphs
 * join without the space their line break became after Chinese punctuation:
 * `describe("第一段。\n\n第二段。")` is `第一段。第二段。`.
 */
export function describe(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim().replace(SPACE_AFTER_CJK_PUNCTUATION, "$1");
  // Counted in characters: a rare name character (𠮷, outside the BMP) is never cut in half.
  const characters = [...flat];
  if (characters.length <= DESCRIPTION_LENGTH) return flat;
  const cut = characters.slice(0, DESCRIPTION_LENGTH).join("");
  const end = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf("！"), cut.lastIndexOf("？"));
  return end > DESCRIPTION_LENGTH / 2 ? cut.slice(0, end + 1) : `${cut}…`;
}

async function leadImage(
  fm: ArticleFrontMatter,
  source: SourceFile,
  options: ImageOptions,
): Promise<LeadImage | Problem | undefined> {
  if (!fm.image) return undefined;
  const resolved = await resolveImage(fm.image, options);
  if (!("src" in resolved)) {
    const position = source.keyPositions.get("image");
    return { file: source.file, ...position, field: "image", message: resolved, severity: "error" };
  }
  return { ...resolved, alt: fm.image_alt ?? "", caption: fm.image_caption };
}

export type Enriched = { ok: true; article: Article } | { ok: false; problems: Problem[] };

/** Where an article lives, from front matter alone (no rendering): the checker uses it too. */
export interface ArticleAddress {
  channel: Channel;
  published: NewsTime;
  slug: string;
  url: string;
}

export function articleAddress(file: string, fm: ArticleFrontMatter, site: Site): ArticleAddress {
  const channel = findChannel(site, fm.section)!;
  const published = toNewsTime(fm.date);
  const slug = fm.slug ?? slugFromFileName(file);
  return { channel, published, slug, url: articleUrl(channel.slug, published.day, slug) };
}

/** `updated` or the last correction, whichever is later: corrections change the article too. */
export function lastModified(fm: ArticleFrontMatter): NewsTime | undefined {
  const times = [fm.updated, ...(fm.corrections ?? []).map((c) => c.time)].filter(
    (t): t is NonNullable<typeof t> => t !== undefined,
  );
  return times.length > 0 ? toNewsTime(DateTime.max(...times)!) : undefined;
}

/** `digest`: the SHA-256 of the file's bytes (sourceDigest), which stands for the body in its JSON. */
export async function enrichArticle(
  source: SourceFile,
  fm: ArticleFrontMatter,
  site: Site,
  options: ImageOptions,
  { state, digest }: { state: PublishingState; digest: string },
): Promise<Enriched> {
  const [body, image] = await Promise.all([
    renderBody(source.body, source, options),
    leadImage(fm, source, options),
  ]);
  const problems = [...body.problems, ...(image && "message" in image ? [image] : [])];
  if (problems.length > 0) return { ok: false, problems };

  const { channel, published, slug, url } = articleAddress(source.file, fm, site);
  const text = htmlToText(body.html);
  const lead = image as LeadImage | undefined;
  const article: Omit<Article, "html"> = {
    file: source.file,
    id: fm.id === undefined ? undefined : String(fm.id),
    slug,
    url,
    channel,
    title: fm.title,
    kicker: fm.kicker,
    subtitle: fm.subtitle,
    authors: typeof fm.author === "string" ? [fm.author] : fm.author,
    source: fm.source,
    editor: fm.editor,
    summary: fm.summary,
    description: fm.summary ?? describe(text),
    tags: [...new Set((fm.tags ?? []).map((tag) => tag.normalize("NFC")))],
    aliases: (fm.aliases ?? []).map((alias) => {
      const normal = normaliseAlias(alias);
      return "url" in normal ? normal.url : alias;
    }),
    published,
    updated: lastModified(fm),
    expires: fm.expires ? toNewsTime(fm.expires) : undefined,
    corrections: (fm.corrections ?? [])
      .map((c) => ({ time: toNewsTime(c.time), text: c.text }))
      .sort((a, b) => a.time.epochMs - b.time.epochMs),
    state,
    image: lead,
    imageFiles: [lead, ...body.images].flatMap((img) => img?.variants.map((v) => v.file) ?? []),
    digest,
    length: measureText(text),
  };
  return { ok: true, article: withBody(article, body.html) };
}
