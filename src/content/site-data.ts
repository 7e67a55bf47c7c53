/**
 * Site data: the one file of site-wide facts (`content/site.yaml`): site name, base URL, list and
 * sitemap sizes, the publisher's logo, channels, moved addresses (redirects) and the footer licence
 * block. Validated here so that a typo fails the build instead of a page.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { load } from "js-yaml";
import { z } from "zod";

const text = z.string().trim().min(1);

export const channelSchema = z.object({
  name: text,
  slug: z.string().regex(/^[a-z][a-z0-9-]*$/, "expected lowercase ASCII letters, digits and hyphens"),
});

/** A path on this site: `/news/2021-11/22/content_12345.htm`, printable ASCII, no spaces. */
const sitePath = z.string().regex(/^\/[\x21-\x7e]*$/, "expected a path starting with / (ASCII, no spaces)");

/** A permanent (301) redirect written to the CDN's `_redirects` file. */
export const redirectSchema = z.object({ from: sitePath, to: z.union([sitePath, z.url()]) });

export const siteSchema = z.object({
  name: text,
  publisher: text,
  baseUrl: z.url().transform((url) => url.replace(/\/+$/, "")),
  language: text,
  pageSize: z.int().positive().default(20),
  /** URLs per sitemap file: the protocol allows 50,000; a smaller number splits sooner. */
  sitemapSize: z.int().positive().max(50000).default(50000),
  /** The publisher's logo, for JSON-LD and as the share image of pages without a photo. */
  logo: z.object({
    url: z.string().regex(/^\/[^/]/, "expected a site path such as /images/logo.png"),
    width: z.int().positive(),
    height: z.int().positive(),
  }),
  channels: z
    .array(channelSchema)
    .min(1)
    .refine((list) => new Set(list.map((c) => c.slug)).size === list.length, "channel slugs must be unique")
    .refine((list) => new Set(list.map((c) => c.name)).size === list.length, "channel names must be unique"),
  redirects: z
    .array(redirectSchema)
    .default([])
    .refine((list) => new Set(list.map((r) => r.from)).size === list.length, "each `from` may appear once"),
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
      repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, "expected owner/name"),
      branch: text.default("main"),
    })
    .optional(),
  /** Limits `npm run check` warns about. */
  check: z.object({ titleMaxLength: z.int().positive().default(36) }).prefault({}),
});

export type Site = z.infer<typeof siteSchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Redirect = z.infer<typeof redirectSchema>;

/** Reads and validates `<contentDir>/site.yaml`; throws one message listing every problem. */
export async function loadSite(contentDir: string): Promise<Site> {
  const file = path.join(contentDir, "site.yaml");
  const result = siteSchema.safeParse(load(await readFile(file, "utf8")));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${file}: ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`site data is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Finds a channel by its Chinese name or its slug: `findChannel(site, "本地要闻")?.slug === "bendi"`. */
export function findChannel(site: Site, nameOrSlug: string): Channel | undefined {
  return site.channels.find((c) => c.name === nameOrSlug || c.slug === nameOrSlug);
}
