/**
 * The feed and the sitemaps with every hostile payload in every field: each file stays well-formed
 * XML with the same elements, and every value reads back exactly as written, as text (a feed
 * reader parsing the HTML-typed Atom content finds no element made from story text).
 */
import { describe, expect, it } from 'vitest';
import { bylineNames } from '../../../scripts/prerender/credits';
import { atomFeed } from '../../../scripts/prerender/feeds';
import { newsSitemap, sitemapFiles } from '../../../scripts/prerender/sitemaps';
import { parseArticleText } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import { SITE_NAME } from '../../../src/ui/site';
import { TEXT_PAYLOADS, amidWords, headlineOf, hostileSlug, hostileStory } from '../../fixtures/hostile/payloads';
import { child, children, htmlDocument, parseXml, text } from '../support/siteXml';

const ORIGIN = 'https://dispatch.example';
const SITE = { origin: ORIGIN, siteName: SITE_NAME, now: new Date('2025-03-21T06:00:00Z') };

function parsed(value: unknown): Article {
  const result = parseArticleText(JSON.stringify(value));
  if (!result.ok) throw new Error(`the story does not parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const CASES = TEXT_PAYLOADS.map((payload) => [payload.id, payload] as const);

describe(`the Atom feed with each of ${TEXT_PAYLOADS.length} payloads in every field`, () => {
  it.each(CASES)('%s: well-formed, every value read back as text', (_, payload) => {
    const p = payload.text;
    const feed = child(parseXml(atomFeed([parsed(hostileStory(payload))], SITE)), 'feed');
    const [entry, ...others] = children(feed, 'entry');
    expect(others).toEqual([]);
    const shown = (name: string) => htmlDocument(text(entry, name));

    expect(shown('title').body.textContent).toBe(headlineOf(payload));
    expect(shown('summary').body.textContent).toBe(p);
    expect(text(entry, 'id')).toBe(`${ORIGIN}/articles/${hostileSlug(payload)}`);
    // Plain-text elements go through xml-js, which reads a written "&amp;" as "&" before escaping
    // (its guard against double escaping): the one change to text it makes. The markup stays text.
    const asWritten = (name: string) => name.replace(/&amp;/g, '&');
    expect(children(entry, 'author').map((author) => text(author, 'name'))).toEqual([...bylineNames(p), `${p}, via ${p}`].map(asWritten));

    const content = shown('content');
    // Only the elements the feed makes: the text made none.
    expect([...content.body.querySelectorAll('*')].map((element) => element.localName)).toEqual(['p', 'h2', 'blockquote', 'p', 'p', 'p', 'p', 'em']);
    expect([...content.body.children].map((element) => element.textContent)).toEqual([p, p, `${p}— ${p}`, amidWords(p), p]);
  });
});

describe(`the sitemaps with each of ${TEXT_PAYLOADS.length} payloads as the headline`, () => {
  it.each(CASES)('%s: well-formed, the news title read back exactly', async (_, payload) => {
    const story = parsed(hostileStory(payload));
    const news = child(parseXml(await newsSitemap([story], SITE)), 'urlset');
    const [url] = children(news, 'url');
    expect(text(child(url, 'news:news'), 'news:title')).toBe(headlineOf(payload));
    expect(text(url, 'loc')).toBe(`${ORIGIN}/articles/${hostileSlug(payload)}`);

    const [sitemap] = await sitemapFiles([story], SITE);
    expect(children(child(parseXml(sitemap?.text ?? ''), 'urlset'), 'url')).toHaveLength(2);
  });
});
