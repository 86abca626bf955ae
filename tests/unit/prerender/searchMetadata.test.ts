/**
 * The search metadata of every kind of page the build prerenders, read back from the <head> as a
 * crawler reads it: the JSON-LD against what schema.org and Google's article guidance require of
 * each page type, the robots hints, and the feed link. head.ts builds the JSON-LD typed with
 * schema-dts, so `tsc` has already checked every property name and value type; this checks the
 * values, for the real content and for every fixture story that parses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewsArticle, WithContext } from 'schema-dts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bylineNames } from '../../../scripts/prerender/credits';
import { articleHead, frontPageHead, newsArticleJsonLd, plainHead } from '../../../scripts/prerender/head';
import { parseArticleText, parseIndex, parseJsonText } from '../../../src/content/parse';
import type { Article, ArticleIndex } from '../../../src/content/schema';
import { SITE_NAME } from '../../../src/ui/site';
import { fixtureText, realStory } from '../support/fixtures';
import { ROOT } from '../support/paths';

const ORIGIN = 'https://dispatch.example';

type Json = { [key: string]: unknown };

function headDocument(head: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body></body></html>`, 'text/html');
}

function jsonLdOf(doc: Document): Json[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? 'null') as Json);
}

/** The JSON-LD as a page carries it: serialized, so that absent (undefined) properties are gone. */
const ldOf = (article: Article): Json => JSON.parse(JSON.stringify(newsArticleJsonLd(article, ORIGIN, SITE_NAME))) as Json;

const metaContent = (doc: Document, key: string) =>
  doc.head.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';
const absoluteUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/[^/]/.test(value);
/** ISO 8601 as schema.org's Date and DateTime read it: a date, or a date-time with its zone. */
const isoDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(value);

/** What Google's article guidance and schema.org ask of a NewsArticle, as a list of what is wrong. */
function newsArticleProblems(ld: Json, article: Article, canonical: string | null): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(ld['@context'] === 'https://schema.org', '@context');
  check(ld['@type'] === 'NewsArticle', '@type');
  check(ld.headline === article.headline, 'headline');
  check(isoDate(ld.datePublished) && ld.datePublished === article.published, 'datePublished, as written');
  check(isoDate(ld.dateModified) && ld.dateModified === (article.updated ?? article.published), 'dateModified');
  const authors = asList(ld.author);
  check(authors.length > 0, 'author');
  for (const author of authors) check(isObject(author) && ['Person', 'Organization'].includes(String(author['@type'])) && nonEmpty(author.name), `author ${JSON.stringify(author)}`);
  const publisher = ld.publisher;
  check(isObject(publisher) && publisher['@type'] === 'Organization' && publisher.name === SITE_NAME && publisher.url === `${ORIGIN}/`, 'publisher');
  const logo = isObject(publisher) ? publisher.logo : undefined;
  check(isObject(logo) && logo['@type'] === 'ImageObject' && absoluteUrl(logo.url), 'publisher.logo');
  const page = ld.mainEntityOfPage;
  check(isObject(page) && page['@type'] === 'WebPage' && page['@id'] === canonical, 'mainEntityOfPage is the canonical URL');
  const images = asList(ld.image);
  check(images.length === (article.image ? 1 : 0), 'image when the story has one');
  for (const image of images) check(isObject(image) && image['@type'] === 'ImageObject' && absoluteUrl(image.url), 'image URL');
  const about = asList(ld.about);
  check(JSON.stringify(about.map((person) => (isObject(person) ? [person['@type'], person.name] : null))) === JSON.stringify((article.people ?? []).map((person) => ['Person', person.name])), 'about: the people');
  return problems;
}

/** Every story the build would prerender: the real content's, and each fixture story that parses. */
function storiesToCheck(): [string, Article][] {
  const index = JSON.parse(readFileSync(join(ROOT, 'public/content/articles/index.json'), 'utf8')) as { articles: { slug: string }[] };
  const real = index.articles.map(({ slug }) => [`public/content/articles/${slug}.json`, readFileSync(join(ROOT, 'public/content/articles', `${slug}.json`), 'utf8')] as const);
  const fixtures = readdirSync(join(ROOT, 'tests/fixtures/articles')).map((name) => [`tests/fixtures/articles/${name}`, fixtureText(`articles/${name}`)] as const);
  return [...real, ...fixtures].flatMap(([file, text]) => {
    const parsed = parseArticleText(text);
    return parsed.ok ? [[file, parsed.value] as [string, Article]] : [];
  });
}

const STORIES = storiesToCheck();

describe('story pages', () => {
  it('builds its JSON-LD as a schema-dts NewsArticle (checked by tsc)', () => {
    expectTypeOf(newsArticleJsonLd).returns.toEqualTypeOf<WithContext<NewsArticle>>();
    expect(STORIES.length).toBeGreaterThan(10);
  });

  it.each(STORIES)('%s: a complete NewsArticle, large previews allowed, the feed named', (_, article) => {
    const doc = headDocument(articleHead(article, ORIGIN, SITE_NAME));
    const canonical = doc.head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
    expect(canonical).toBe(`${ORIGIN}/articles/${article.slug}`);
    const [ld, ...others] = jsonLdOf(doc);
    expect(others).toEqual([]);
    expect(newsArticleProblems(ld ?? {}, article, canonical)).toEqual([]);
    expect(metaContent(doc, 'robots')).toBe('max-image-preview:large');
    expect(metaContent(doc, 'article:published_time')).toBe(article.published);
    const feed = doc.head.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    expect(feed?.getAttribute('href')).toBe('/feed.xml');
    expect(feed?.getAttribute('title')).toBe(SITE_NAME);
  });

  it('keeps a date-only story date-only: no time is invented', () => {
    const story = realStory();
    expect(story.published).toBe('2025-03-20');
    const doc = headDocument(articleHead(story, ORIGIN, SITE_NAME));
    const [ld] = jsonLdOf(doc);
    expect([ld?.datePublished, ld?.dateModified, metaContent(doc, 'article:published_time')]).toEqual(['2025-03-20', '2025-03-20', '2025-03-20']);
    expect(doc.head.innerHTML).not.toMatch(/2025-03-20T/);
  });

  it('credits a syndicated story: the agency wrote it, this site publishes it, based on the outlet’s story', () => {
    const ld = ldOf(realStory());
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Reuters' }]);
    expect(ld.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Reuters' });
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: SITE_NAME, url: `${ORIGIN}/`, logo: { '@type': 'ImageObject', url: `${ORIGIN}/favicon.svg` } });
    expect(ld.isBasedOn).toEqual({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'NDTV' }, author: { '@type': 'Organization', name: 'Reuters' } });
    expect(ld.creditText).toBe('Reuters, via NDTV');
  });

  it('makes each writer of a byline a Person author', () => {
    const ld = ldOf({ ...realStory(), byline: 'Steve Holland, Humeyra Pamuk and Parisa Hafezi' });
    expect(ld.author).toEqual(['Steve Holland', 'Humeyra Pamuk', 'Parisa Hafezi'].map((name) => ({ '@type': 'Person', name })));
    expect(ld.creditText).toBe('By Steve Holland, Humeyra Pamuk and Parisa Hafezi · Reuters, via NDTV');
  });

  it('credits the site as author when a story names no writer and no source', () => {
    const ld = ldOf({ ...realStory(), source: undefined });
    expect(ld.author).toEqual([ld.publisher]);
    expect(ld.isBasedOn).toBeUndefined();
  });

  it('names a lead picture by absolute URL with its size', () => {
    const story: Article = { ...realStory(), image: { src: '/images/white-house.jpg', alt: 'The White House', width: 1600, height: 900 } };
    const ld = ldOf(story);
    expect(ld.image).toEqual([{ '@type': 'ImageObject', url: `${ORIGIN}/images/white-house.jpg`, width: '1600', height: '900' }]);
  });
});

describe('bylineNames()', () => {
  it.each([
    ['Steve Holland', ['Steve Holland']],
    ['By Steve Holland and Humeyra Pamuk', ['Steve Holland', 'Humeyra Pamuk']],
    ['by A. Writer, B. Writer, and C. Writer', ['A. Writer', 'B. Writer', 'C. Writer']],
    ['Tom & Jerry Smith', ['Tom', 'Jerry Smith']],
    ['Andrea Shalal', ['Andrea Shalal']],
    ['  Alexandra Sanders ', ['Alexandra Sanders']],
  ])('%j names %j', (byline, names) => {
    expect(bylineNames(byline)).toEqual(names);
  });
});

describe('the front page', () => {
  const index = (file: string): ArticleIndex => {
    const json = parseJsonText(readFileSync(join(ROOT, file), 'utf8'));
    const parsed = json.ok ? parseIndex(json.value) : json;
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    return parsed.value;
  };

  it.each(['public/content/articles/index.json', 'tests/fixtures/index/several-stories.json'])('%s: an ItemList of every story, large previews allowed, the feed named', (file) => {
    const list = index(file);
    const doc = headDocument(frontPageHead(list, ORIGIN, SITE_NAME));
    const [ld, ...others] = jsonLdOf(doc);
    expect(others).toEqual([]);
    expect(ld).toMatchObject({ '@context': 'https://schema.org', '@type': 'ItemList' });
    expect(ld?.itemListElement).toEqual(
      list.articles.map((entry, n) => ({ '@type': 'ListItem', position: n + 1, url: `${ORIGIN}/articles/${entry.slug}`, name: entry.headline })),
    );
    expect(metaContent(doc, 'robots')).toBe('max-image-preview:large');
    expect(doc.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe('/feed.xml');
  });
});

describe('the not-found page and the fallback shell', () => {
  it('are not indexed, carry no JSON-LD and no preview hint, and still name the feed', () => {
    const doc = headDocument(plainHead(`Page not found | ${SITE_NAME}`, SITE_NAME));
    expect(metaContent(doc, 'robots')).toBe('noindex');
    expect(doc.head.querySelectorAll('meta[name="robots"]')).toHaveLength(1);
    expect(jsonLdOf(doc)).toEqual([]);
    expect(doc.head.querySelector('link[rel="alternate"][type="application/atom+xml"]')?.getAttribute('href')).toBe('/feed.xml');
  });
});
