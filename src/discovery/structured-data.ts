/**
 * JSON-LD for search engines: `NewsArticle` on article pages, `BreadcrumbList` built from the same
 * crumbs as the visible breadcrumb, and `WebSite` with a `SearchAction` on the homepage. Values are
 * plain objects; `jsonLd` serialises one safely for a `<script type="application/ld+json">`.
 */
import type { Article } from "../content/article.ts";
import type { Site } from "../content/site-data.ts";
import { absoluteUrl } from "../util/absolute-url.ts";
import { authorUrl } from "../content/name-key.ts";

/** A breadcrumb step as `templates/partials/breadcrumb.njk` takes it; the last one has no url. */
export interface Crumb {
  name: string;
  url?: string;
}

type Thing = Record<string, unknown>;

/** The publisher block shared by every NewsArticle. */
export function publisherLd(site: Site): Thing {
  return {
    "@type": "NewsMediaOrganization",
    name: site.publisher,
    url: `${site.baseUrl}/`,
    logo: {
      "@type": "ImageObject",
      url: absoluteUrl(site.logo.url, site.baseUrl),
      width: site.logo.width,
      height: site.logo.height,
    },
  };
}

/** The image search engines show for a page: the article's lead photo, else the site logo. */
export function shareImage(article: Article | undefined, site: Site): string {
  return absoluteUrl(article?.image?.src ?? site.logo.url, site.baseUrl);
}

/** Google asks for NewsArticle images of at least 50,000 pixels (width × height). */
export const MIN_LD_IMAGE_PIXELS = 50_000;

/**
 * The NewsArticle's `image`: the lead photo's largest variant with its size, or nothing: the 600×60
 * logo (36,000 pixels) is no article image, and a too-small photo would be refused.
 */
function articleImageLd(article: Article, site: Site): Thing[] | undefined {
  const image = article.image;
  if (!image || image.width * image.height < MIN_LD_IMAGE_PIXELS) return undefined;
  return [
    {
      "@type": "ImageObject",
      url: absoluteUrl(image.src, site.baseUrl),
      width: image.width,
      height: image.height,
    },
  ];
}

/** `newsArticleLd(article, site)["@type"] === "NewsArticle"`, dates with +08:00. */
export function newsArticleLd(article: Article, site: Site): Thing {
  const url = absoluteUrl(article.url, site.baseUrl);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description,
    datePublished: article.published.iso,
    dateModified: (article.updated ?? article.published).iso,
    author: article.authors.map((name) => ({
      "@type": "Person",
      name,
      url: absoluteUrl(authorUrl(name), site.baseUrl),
    })),
    publisher: publisherLd(site),
    image: articleImageLd(article, site),
    articleSection: article.channel.name,
    keywords: article.tags.length > 0 ? article.tags.join(",") : undefined,
    inLanguage: site.language,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
  };
}

/** The visible breadcrumb as a BreadcrumbList; the current page (no url) gets `pageUrl`. */
export function breadcrumbLd(crumbs: Crumb[], pageUrl: string, site: Site): Thing {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.url ?? pageUrl, site.baseUrl),
    })),
  };
}

/** The homepage's WebSite, whose SearchAction points at `/search/?q=`. */
export function webSiteLd(site: Site): Thing {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name: site.name,
    url: `${site.baseUrl}/`,
    inLanguage: site.language,
    publisher: publisherLd(site),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${site.baseUrl}/search/?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

/**
 * `{{ thing | jsonLd | safe }}`: JSON that cannot close its `<script>` element (`<` is escaped as
 * `\u003c`), so a headline such as `</script>` stays text.
 */
export function jsonLd(thing: Thing): string {
  return JSON.stringify(thing).replace(/</g, "\\u003c");
}
