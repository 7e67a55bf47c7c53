/**
 * Site data: the one file of site-wide facts (`content/site.yaml`): site name, base URL, list and
 * sitemap sizes, the publisher's logo, channels, moved addresses (redirects) and the footer licence
 * block. Validated here so that a typo fails the build instead of a page.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { ContentError, type Problem } from "./problems.ts";
import { controlCharacter } from "./control-character.ts";
import { readYaml } from "../util/read-yaml.ts";
import { hiddenCharacter } from "../util/messages/fields.ts";
import { yamlMalformed } from "../util/messages/files.ts";
import {
  cannotReadSite,
  channelNamesRepeat,
  channelSlugsRepeat,
  redirectFromRepeats,
  SITE_EXPECTED,
  siteMissing,
  siteWrong,
  unknownSetting,
} from "../util/messages/site.ts";
import { got, quote, type Text } from "../util/messages/text.ts";
import { nearest } from "../util/nearest.ts";
import { issueText, refineText } from "./issue-text.ts";

/**
 * Site-wide text is printed into every page and feed: no invisible control character
 * (src/content/control-character.ts).
 */
const text = z
  .string()
  .trim()
  .min(1)
  .check((ctx) => {
    const found = controlCharacter(ctx.value);
    if (found) ctx.issues.push({ code: "custom", input: ctx.value, ...refineText(hiddenCharacter(found)) });
  });

export const channelSchema = z.object({
  name: text,
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/),
});

/** A path on this site: `/news/2021-11/22/content_12345.htm`, printable ASCII, no spaces. */
const sitePath = z.string().regex(/^\/[\x21-\x7e]*$/);

/** A permanent (301) redirect written to the CDN's `_redirects` file. */
export const redirectSchema = z.object({ from: sitePath, to: z.union([sitePath, z.url()]) });

export const siteSchema = z
  .object({
    name: text,
    publisher: text,
    baseUrl: z.url().transform((url) => url.replace(/\/+$/, "")),
    language: text,
    pageSize: z.int().positive().default(20),
    /** URLs per sitemap file: the protocol allows 50,000; a smaller number splits sooner. */
    sitemapSize: z.int().positive().max(50000).default(50000),
    /** The publisher's logo, for JSON-LD and as the share image of pages without a photo. */
    logo: z.object({
      url: z.string().regex(/^\/[^/]/),
      width: z.int().positive(),
      height: z.int().positive(),
    }),
    channels: z
      .array(channelSchema)
      .min(1)
      .refine((list) => new Set(list.map((c) => c.slug)).size === list.length, refineText(channelSlugsRepeat))
      .refine(
        (list) => new Set(list.map((c) => c.name)).size === list.length,
        refineText(channelNamesRepeat),
      ),
    redirects: z
      .array(redirectSchema)
      .default([])
      .refine(
        (list) => new Set(list.map((r) => r.from)).size === list.length,
        refineText(redirectFromRepeats),
      ),
    licence: z.object({
      supervisor: text,
      operator: text,
      newsApproval: text,
      icpLicence: text,
      icpFiling: text,
      icpFilingUrl: z.url(),
      policeFiling: text,
      policeFilingUrl: z.url(),
      copyright: text,
    }),
    /** The web editor's git host (Decap CMS backend): where `/admin/` commits, through pull requests. */
    cms: z
      .object({
        backend: z.enum(["github", "gitlab", "gitea", "bitbucket"]),
        repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/),
        branch: text.default("main"),
      })
      .optional(),
    /** Limits `npm run check` warns about. */
    check: z.object({ titleMaxLength: z.int().positive().default(36) }).prefault({}),
  })
  // A misspelt setting would otherwise be dropped without a word.
  .strict();

export type Site = z.infer<typeof siteSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Redirect = z.infer<typeof redirectSchema>;

/** Site data is short; the limits only stop YAML built to exhaust memory (src/util/read-yaml.ts). */
const SITE_YAML_LIMITS = { maxLength: 1024 * 1024, maxAliases: 100, maxDepth: 10 };

/** What each setting expects, by its key (the last name in its path); other keys are groups. */
const KIND_OF: Record<string, keyof typeof SITE_EXPECTED> = {
  baseUrl: "url",
  icpFilingUrl: "url",
  policeFilingUrl: "url",
  pageSize: "count",
  width: "count",
  height: "count",
  titleMaxLength: "count",
  sitemapSize: "sitemapSize",
  url: "sitePath",
  from: "sitePath",
  to: "pathOrUrl",
  slug: "slug",
  backend: "backend",
  repo: "repo",
  channels: "channels",
  redirects: "redirects",
  logo: "group",
  licence: "group",
  cms: "group",
  check: "group",
};

function expectedAt(at: PropertyKey[]): Text {
  const key = [...at].reverse().find((part) => typeof part === "string");
  if (key === undefined) return SITE_EXPECTED.other;
  return SITE_EXPECTED[KIND_OF[key] ?? "text"];
}

/** One problem per zod issue, in the catalog's words; an unknown key suggests the nearest setting. */
function siteProblems(issue: z.core.$ZodIssue, data: unknown): { at: PropertyKey[]; message: Text }[] {
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      at: [...issue.path, key],
      message: unknownSetting(nearest(key, Object.keys(siteSchema.shape))),
    }));
  const value = issue.path.reduce<unknown>(
    (parent, key) => (parent as Record<PropertyKey, unknown> | undefined)?.[key],
    data,
  );
  const own = issueText(issue);
  // A rule over a whole list (unique slugs) says what is wrong without quoting the list.
  if (own) return [{ at: issue.path, message: Array.isArray(value) ? own : got(quote(value), own) }];
  const expected = expectedAt(issue.path);
  const message = value === undefined ? siteMissing(expected) : siteWrong(quote(value), expected);
  return [{ at: issue.path, message }];
}

/**
 * Reads and validates `<contentDir>/site.yaml`; throws a ContentError with one problem per mistake
 * (`content/site.yaml:12:5: channels.1.slug: …`), as for articles.
 */
export async function loadSite(contentDir: string): Promise<Site> {
  const file = path.relative(process.cwd(), path.join(contentDir, "site.yaml"));
  const fail = (problems: Omit<Problem, "file" | "severity">[]): never => {
    throw new ContentError(problems.map((p) => ({ file, severity: "error", ...p })));
  };
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) =>
    fail([{ message: cannotReadSite(error.code ?? error.message) }]),
  );
  const yaml = readYaml(text, SITE_YAML_LIMITS);
  if (!yaml.ok) return fail([{ line: yaml.line, column: yaml.column, message: yamlMalformed(yaml.reason) }]);
  const result = siteSchema.safeParse(yaml.data);
  if (!result.success) {
    fail(
      result.error.issues.flatMap((issue) =>
        siteProblems(issue, yaml.data).map(({ at, message }) => ({
          ...yaml.positionOf(at),
          field: at.map(String).join(".") || undefined,
          message,
        })),
      ),
    );
  }
  positions.set(result.data!, (at) => ({ file, ...yaml.positionOf(at) }));
  return result.data!;
}

type SitePosition = { file: string; line?: number; column?: number };
const positions = new WeakMap<Site, (path: PropertyKey[]) => SitePosition>();

/**
 * Where a value of loaded site data stands: `sitePosition(site, ["redirects", 0, "from"])` →
 * site.yaml, line 20.
 */
export function sitePosition(site: Site, at: PropertyKey[]): SitePosition {
  return positions.get(site)?.(at) ?? { file: "content/site.yaml" };
}

/** Finds a channel by its Chinese name or its slug: `findChannel(site, "本地要闻")?.slug === "bendi"`. */
export function findChannel(site: Site, nameOrSlug: string): Channel | undefined {
  return site.channels.find((c) => c.name === nameOrSlug || c.slug === nameOrSlug);
}
