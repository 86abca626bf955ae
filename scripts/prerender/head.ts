/**
 * What a prerendered page carries in its <head>: title, description, canonical link, the feed
 * link, Open Graph and Twitter card tags, robots hints, and schema.org JSON-LD. Every value comes
 * from content, so every value is escaped for where it goes: attributes, element text, or inert JSON.
 * The JSON-LD is typed with schema-dts, so `tsc` checks it against schema.org's vocabulary.
 */
import type { CorrectionComment, ItemList, NewsArticle, Organization, Person, WithContext } from 'schema-dts';
import { correctionsInOrder } from '../../src/content/corrections';
import type { Article, ArticleIndex } from '../../src/content/schema';
import { serializeForScript } from '../../src/app/prerenderedState';
import { bylineNames, sourceCredit } from './credits';
import { escapeHtml } from './escapeHtml';
import { FEED_PATH, LOGO_PATH, lastModified, siteUrl, storyUrl } from './site';

/** A story's social card (scripts/site/cards.ts), by its path under the site root. */
export interface CardMeta {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** What a page's head says about the site beyond its name. */
export interface HeadOptions {
  /** The story's social card: og:image, twitter:image and an image of the JSON-LD. */
  readonly card?: CardMeta;
  /** The site's account on X (TWITTER_SITE, e.g. `@dispatch`), when it has one. */
  readonly twitterSite?: string;
}

/**
 * The language and region the site writes in: British English, as its dates are written
 * ("20 March 2025", day before month) and its words are spelt ("programme").
 */
export const OG_LOCALE = 'en_GB';

const meta = (attribute: 'name' | 'property', key: string, content: string) =>
  `<meta ${attribute}="${key}" content="${escapeHtml(content)}" />`;

/** Every page names the feed, so a reader's feed finder works from any address, the 404 included. */
const feedLink = (siteName: string) =>
  `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(siteName)}" href="${FEED_PATH}" />`;

/** Indexable pages let search show large pictures; noindex pages say nothing more. */
const LARGE_PREVIEWS = meta('name', 'robots', 'max-image-preview:large');

interface PageHead {
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly siteName: string;
  readonly twitterSite?: string;
  readonly extra?: readonly string[];
}

function commonHead({ title, description, url, siteName, twitterSite, extra = [] }: PageHead): string {
  return [
    `<title>${escapeHtml(title)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    feedLink(siteName),
    LARGE_PREVIEWS,
    meta('property', 'og:site_name', siteName),
    meta('property', 'og:locale', OG_LOCALE),
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    ...(twitterSite ? [meta('name', 'twitter:site', twitterSite)] : []),
    ...extra,
  ].join('\n    ');
}

function absolute(src: string, origin: string): string {
  return src.startsWith('https://') ? src : new URL(src, origin).href;
}

/** This site, as the publisher of every page on it. */
export function publisherOf(origin: string, siteName: string): Organization {
  return {
    '@type': 'Organization',
    name: siteName,
    url: siteUrl('/', origin),
    logo: { '@type': 'ImageObject', url: siteUrl(LOGO_PATH, origin) },
  };
}

/**
 * schema.org NewsArticle for a story, following Google's guidance for articles.
 *
 * Credit: a byline's writers are the Person authors; without one, the source (the agency,
 * "Reuters") is the Organization author, and without either the site is. The source is also the
 * `sourceOrganization` (the organisation the writers worked for). The publisher is always this
 * site: it is the one publishing this page. The outlet that syndicated the story to us ("NDTV")
 * neither wrote it nor publishes this page, so it is named through `isBasedOn`: this page is based
 * on the NewsArticle NDTV published (it is not `sourceOrganization`, which would claim the writers
 * worked for NDTV). `creditText` carries the credit line as the page shows it.
 *
 * Dates are written as the story has them: a date-only `published` stays date-only.
 *
 * Corrections are said openly, as the page says them: each a schema.org CorrectionComment, oldest first.
 */
export function newsArticleJsonLd(article: Article, origin: string, siteName: string, card?: CardMeta): WithContext<NewsArticle> {
  const url = storyUrl(article.slug, origin);
  const publisher = publisherOf(origin, siteName);
  const source = article.source;
  const agency: Organization | undefined = source ? { '@type': 'Organization', name: source.name } : undefined;
  const writers: Person[] = article.byline ? bylineNames(article.byline).map((name) => ({ '@type': 'Person', name })) : [];
  const corrections = correctionsInOrder(article).map(
    (correction): CorrectionComment => ({ '@type': 'CorrectionComment', text: correction.text, datePublished: correction.date }),
  );
  const credit = [article.byline ? `By ${article.byline}` : undefined, source ? sourceCredit(source) : undefined].filter((part) => part !== undefined);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.standfirst ?? article.body[0]?.text ?? article.headline,
    datePublished: article.published,
    dateModified: lastModified(article),
    dateline: article.dateline,
    articleSection: article.section,
    keywords: article.tags?.join(', '),
    author: writers.length > 0 ? writers : [agency ?? publisher],
    publisher,
    sourceOrganization: agency,
    isBasedOn: source?.syndicatedBy
      ? { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: source.syndicatedBy }, ...(agency ? { author: agency } : {}) }
      : undefined,
    creditText: credit.length > 0 ? credit.join(' · ') : undefined,
    // The story's own picture first (it is the story's), then its card, made for sharing.
    image:
      article.image || card
        ? [
            ...(article.image
              ? [{ '@type': 'ImageObject' as const, url: absolute(article.image.src, origin), width: `${article.image.width}`, height: `${article.image.height}` }]
              : []),
            ...(card ? [{ '@type': 'ImageObject' as const, url: siteUrl(`/${card.path}`, origin), width: `${card.width}`, height: `${card.height}`, caption: card.alt }] : []),
          ]
        : undefined,
    correction: corrections.length > 0 ? corrections : undefined,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    isAccessibleForFree: true,
    about: (article.people ?? []).map(
      (person): Person => ({
        '@type': 'Person',
        name: person.name,
        jobTitle: person.role,
        affiliation: person.affiliation ? { '@type': 'Organization', name: person.affiliation } : undefined,
        alternateName: person.nativeName,
      }),
    ),
  };
}

/**
 * The picture a shared story travels with: its card when it has one (made for the networks'
 * 1.91:1 frame, with the headline in it: the headline is its alt text), else its lead picture.
 */
function shareImageTags(article: Article, origin: string, card: CardMeta | undefined): string[] {
  if (card) {
    const url = siteUrl(`/${card.path}`, origin);
    return [
      meta('property', 'og:image', url),
      meta('property', 'og:image:type', 'image/png'),
      meta('property', 'og:image:width', String(card.width)),
      meta('property', 'og:image:height', String(card.height)),
      meta('property', 'og:image:alt', card.alt),
      meta('name', 'twitter:card', 'summary_large_image'),
      meta('name', 'twitter:image', url),
      meta('name', 'twitter:image:alt', card.alt),
    ];
  }
  const image = article.image ? absolute(article.image.src, origin) : undefined;
  return [
    ...(image ? [meta('property', 'og:image', image), meta('property', 'og:image:alt', article.image?.alt ?? '')] : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
  ];
}

export function articleHead(article: Article, origin: string, siteName: string, { card, twitterSite }: HeadOptions = {}): string {
  const url = storyUrl(article.slug, origin);
  const description = article.standfirst ?? article.body[0]?.text ?? article.headline;
  return commonHead({
    title: `${article.headline} | ${siteName}`,
    description,
    url,
    siteName,
    ...(twitterSite ? { twitterSite } : {}),
    extra: [
      meta('property', 'og:type', 'article'),
      // As written: a date-only value stays a date (ISO 8601 allows it), never an invented midnight.
      meta('property', 'article:published_time', article.published),
      ...(article.updated ? [meta('property', 'article:modified_time', article.updated)] : []),
      ...(article.section ? [meta('property', 'article:section', article.section)] : []),
      ...shareImageTags(article, origin, card),
      meta('name', 'twitter:title', article.headline),
      meta('name', 'twitter:description', description),
      `<script type="application/ld+json">${serializeForScript(newsArticleJsonLd(article, origin, siteName, card))}</script>`,
    ],
  });
}

/** The front page's JSON-LD: the stories it lists, in its order. */
export function frontPageJsonLd(index: ArticleIndex, origin: string): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    itemListElement: index.articles.map((entry, position) => ({
      '@type': 'ListItem',
      position: position + 1,
      url: storyUrl(entry.slug, origin),
      name: entry.headline,
    })),
  };
}

export function frontPageHead(index: ArticleIndex, origin: string, siteName: string, { twitterSite }: HeadOptions = {}): string {
  const description = `${siteName}: world news, clearly told.`;
  return commonHead({
    title: siteName,
    description,
    url: siteUrl('/', origin),
    siteName,
    ...(twitterSite ? { twitterSite } : {}),
    extra: [
      meta('property', 'og:type', 'website'),
      meta('name', 'twitter:card', 'summary'),
      meta('name', 'twitter:title', siteName),
      meta('name', 'twitter:description', description),
      `<script type="application/ld+json">${serializeForScript(frontPageJsonLd(index, origin))}</script>`,
    ],
  });
}

/** What a list page's head needs of it: its address and the stories and list it shows. */
interface ListPageHeadInput {
  readonly route: string;
  readonly data: ArticleIndex & {
    readonly list?: { readonly kind: string; readonly title?: string; readonly pages?: number };
    readonly page?: number;
  };
}

/**
 * The head of the front page, of a section's or a tag's page, and of each numbered page of the
 * archive: named for what it lists, canonical at its own address, with the stories it lists as
 * an ItemList.
 */
export function listPageHead({ route, data }: ListPageHeadInput, origin: string, siteName: string, options: HeadOptions = {}): string {
  const { list, page } = data;
  if (route === '/' || !list) return frontPageHead(data, origin, siteName, options);
  const name = list.kind === 'all' ? 'All stories' : list.kind === 'tag' ? `Stories about ${list.title ?? ''}` : (list.title ?? '');
  // A numbered page does not know how many pages follow it (that would change it on every publish).
  const where = page !== undefined ? `${name}, page ${page}` : name;
  const description = page !== undefined ? `${siteName}: ${list.kind === 'all' ? 'the archive' : name}, page ${page}.` : `${siteName}: the latest in ${list.title ?? 'world news'}.`;
  return commonHead({
    title: `${where} | ${siteName}`,
    description,
    url: siteUrl(route, origin),
    siteName,
    ...(options.twitterSite ? { twitterSite: options.twitterSite } : {}),
    extra: [
      meta('property', 'og:type', 'website'),
      meta('name', 'twitter:card', 'summary'),
      meta('name', 'twitter:title', `${where} | ${siteName}`),
      meta('name', 'twitter:description', description),
      `<script type="application/ld+json">${serializeForScript(frontPageJsonLd(data, origin))}</script>`,
    ],
  });
}

/** The not-found page and the fallback shell: never indexed, but they still name the feed. */
export function plainHead(title: string, siteName: string): string {
  return [
    `<title>${escapeHtml(title)}</title>`,
    meta('name', 'description', `${siteName}: world news, clearly told.`),
    '<meta name="robots" content="noindex" />',
    feedLink(siteName),
  ].join('\n    ');
}
