/**
 * The Atom feed, read back with an XML parser: one entry per story (the newest FEED_SIZE), each
 * with its headline, a stable id, its link, its dates, its credit and its whole text, as text.
 */
import { describe, expect, it } from 'vitest';
import { FEED_SIZE, atomFeed } from '../../../scripts/prerender/feeds';
import type { Article } from '../../../src/content/schema';
import { SITE_NAME } from '../../../src/ui/site';
import { fixtureStory, realStory } from '../support/fixtures';
import { attribute, child, children, hourlyStories, htmlDocument, parseXml, storyAt, text, type XmlNode } from '../support/siteXml';

const ORIGIN = 'https://dispatch.example';
const SITE = { origin: ORIGIN, siteName: SITE_NAME, now: new Date('2025-03-21T08:00:00Z') };

function feedOf(articles: readonly Article[]): XmlNode {
  return child(parseXml(atomFeed(articles, SITE)), 'feed');
}

function entryOf(article: Article): XmlNode {
  const [entry, ...others] = children(feedOf([article]), 'entry');
  if (!entry || others.length > 0) throw new Error('expected one entry');
  return entry;
}

/** What a feed reader shows for an HTML-typed element: its text. */
const shown = (node: XmlNode, name: string) => htmlDocument(text(node, name)).body.textContent;

describe('atomFeed()', () => {
  it('describes the site: id, title, its own address and the front page', () => {
    const feed = feedOf([realStory()]);
    expect(attribute(feed, 'xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect(text(feed, 'id')).toBe(`${ORIGIN}/`);
    expect(text(feed, 'title')).toBe(SITE_NAME);
    expect(children(feed, 'link').map((link) => [attribute(link, 'rel'), attribute(link, 'href')])).toEqual([
      ['alternate', `${ORIGIN}/`],
      ['self', `${ORIGIN}/feed.xml`],
    ]);
    // The newest change among the stories, not the clock: an unchanged site gives the same file.
    expect(text(feed, 'updated')).toBe('2025-03-20T00:00:00.000Z');
  });

  it('gives the real story its headline, canonical link, credit and summary', () => {
    const story = realStory();
    const entry = entryOf(story);
    const url = `${ORIGIN}/articles/${story.slug}`;
    expect(shown(entry, 'title')).toBe(story.headline);
    expect(text(entry, 'id')).toBe(url);
    expect(children(entry, 'link').map((link) => attribute(link, 'href'))).toEqual([url]);
    expect(children(entry, 'author').map((author) => text(author, 'name'))).toEqual(['Reuters, via NDTV']);
    expect(shown(entry, 'summary')).toBe(story.standfirst);
  });

  it('carries the whole story as text paragraphs, then the syndication note', () => {
    const story = realStory();
    const content = child(entryOf(story), 'content');
    expect(attribute(content, 'type')).toBe('html');
    const doc = htmlDocument(text(entryOf(story), 'content'));
    const paragraphs = [...doc.body.children].map((element) => [element.localName, element.textContent]);
    expect(paragraphs).toEqual([...story.body.map((block) => ['p', block.text]), ['p', story.source?.note]]);
  });

  it('shows headings and quotes with their attribution', () => {
    const entry = entryOf(fixtureStory('articles/story-mention-edge-cases.json'));
    const doc = htmlDocument(text(entry, 'content'));
    expect(doc.querySelector('h2')?.textContent).toBe('Trump and Khamenei trade words');
    expect([...(doc.querySelector('blockquote')?.children ?? [])].map((p) => p.textContent)).toEqual([
      'We will not be bullied, Ayatollah Ali Khamenei said, and Khamenei meant it.',
      '— State media',
    ]);
  });

  it('keeps markup in a story as the characters written: no element is made from it', () => {
    const story = fixtureStory('articles/story-markup-in-text.json');
    const entry = entryOf(story);
    expect(shown(entry, 'title')).toBe('Talks on <b>Iran</b> & Israel');
    const doc = htmlDocument(text(entry, 'content'));
    expect(doc.querySelectorAll('b, script, img')).toHaveLength(0);
    expect(doc.querySelector('p')?.textContent).toBe(story.body[0]?.text);
  });

  it('names each writer of a byline before the source', () => {
    const entry = entryOf({ ...realStory(), byline: 'By Steve Holland and Humeyra Pamuk' });
    expect(children(entry, 'author').map((author) => text(author, 'name'))).toEqual(['Steve Holland', 'Humeyra Pamuk', 'Reuters, via NDTV']);
  });

  it('credits the site when a story names no writer and no source', () => {
    expect(children(entryOf({ ...realStory(), source: undefined }), 'author').map((author) => text(author, 'name'))).toEqual([SITE_NAME]);
  });

  it('dates a date-only story at midnight UTC that day, in both published and updated', () => {
    const entry = entryOf(realStory());
    expect(text(entry, 'published')).toBe('2025-03-20T00:00:00.000Z');
    expect(text(entry, 'updated')).toBe('2025-03-20T00:00:00.000Z');
  });

  it('dates a story with a time at the same instant, and updated from `updated`', () => {
    // published 2025-03-20T23:30:00-04:00, updated 2025-03-21T09:15:00+03:30
    const entry = entryOf(fixtureStory('articles/story-published-with-offset.json'));
    expect(text(entry, 'published')).toBe('2025-03-21T03:30:00.000Z');
    expect(text(entry, 'updated')).toBe('2025-03-21T05:45:00.000Z');
  });

  it('keeps an entry’s id when the story is updated; only `updated` moves', () => {
    const first = entryOf(storyAt(1, '2025-03-20T10:00:00Z'));
    const later = entryOf(storyAt(1, '2025-03-20T10:00:00Z', '2025-03-22T16:00:00Z'));
    expect(text(later, 'id')).toBe(text(first, 'id'));
    expect(text(later, 'updated')).toBe('2025-03-22T16:00:00.000Z');
    expect(text(later, 'published')).toBe(text(first, 'published'));
  });

  it(`holds the newest ${FEED_SIZE} stories, newest first, whatever order they come in`, () => {
    const stories = hourlyStories(FEED_SIZE + 25);
    const entries = children(feedOf([...stories].reverse()), 'entry');
    expect(entries).toHaveLength(FEED_SIZE);
    expect(entries.map((entry) => text(entry, 'id'))).toEqual(stories.slice(0, FEED_SIZE).map((story) => `${ORIGIN}/articles/${story.slug}`));
    expect(entries.map((entry) => shown(entry, 'title'))).toEqual(stories.slice(0, FEED_SIZE).map((story) => story.headline));
  });

  it('is a valid feed with no entries when there are no stories, dated by the clock', () => {
    const feed = feedOf([]);
    expect(children(feed, 'entry')).toEqual([]);
    expect(text(feed, 'updated')).toBe(SITE.now.toISOString());
  });

  it('drops characters XML cannot hold, keeping the rest of the text', () => {
    const entry = entryOf({ ...realStory(), headline: 'Bell\u0007 and NUL\u0000 and lone \uD800 surrogate', byline: 'Form\u000Cfeed' });
    expect(shown(entry, 'title')).toBe('Bell and NUL and lone  surrogate');
    expect(children(entry, 'author').map((author) => text(author, 'name'))[0]).toBe('Formfeed');
  });
});
