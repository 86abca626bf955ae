/**
 * The Atom feed of the newest stories, built with the `feed` library from parsed stories.
 *
 * The library writes titles, summaries and content as `type="html"` inside CDATA, so every piece
 * of story text is HTML-escaped first: content is text, never HTML, and a headline reading
 * "<b>Iran</b>" must reach a feed reader as those characters. Escaping `>` also means no text can
 * close the CDATA section early ("]]>"), which the library guards against only once per value.
 */
import { Feed } from 'feed';
import type { Article, Block } from '../../src/content/schema';
import { correctionsInOrder } from '../../src/content/corrections';
import { formatDateString } from '../../src/content/dates';
import { escapeHtml } from './escapeHtml';
import { bylineNames, sourceCredit } from './credits';
import { FEED_PATH, instantOf, lastModified, newestFirst, siteUrl, storyUrl, type SiteContext } from './site';

/** How many stories the feed carries: enough for a reader who checks once a day. */
export const FEED_SIZE = 50;

/**
 * Characters XML 1.0 forbids anywhere, even escaped (most C0 controls, lone surrogates, U+FFFE/F).
 * The contract allows any text, so they are dropped here rather than making the whole feed unreadable.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Story text for an HTML-typed Atom element: escaped, then safe for XML. */
function html(text: string): string {
  return escapeHtml(xmlSafe(text));
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${html(block.text)}</p>`;
    case 'heading':
      return `<h2>${html(block.text)}</h2>`;
    case 'quote':
      return `<blockquote><p>${html(block.text)}</p>${block.attribution ? `<p>— ${html(block.attribution)}</p>` : ''}</blockquote>`;
  }
}

/** The corrections, as the page ends with them: a heading, then each with the time it was made. */
function correctionsHtml(article: Article): string[] {
  const corrections = correctionsInOrder(article);
  if (corrections.length === 0) return [];
  const items = corrections.map(
    (correction) => `<li><p><time datetime="${escapeHtml(correction.date)}">${html(formatDateString(correction.date))}</time>: ${html(correction.text)}</p></li>`,
  );
  return ['<h2>Corrections</h2>', `<ul>${items.join('')}</ul>`];
}

/** The whole story as an entry's content: every block, in order, then the syndication note, then any corrections. */
export function entryContent(article: Article): string {
  const note = article.source?.note ? [`<p><em>${html(article.source.note)}</em></p>`] : [];
  return [...article.body.map(blockHtml), ...note, ...correctionsHtml(article)].join('\n');
}

/**
 * The credit as Atom authors: the byline's writers, then the source ("Reuters, via NDTV"); else the
 * site. Names are plain XML text, escaped by the library's writer (xml-js), which first turns a
 * written "&amp;" into "&": a byline holding those five characters loses four; nothing else changes.
 */
function entryAuthors(article: Article, siteName: string): { name: string }[] {
  const people = article.byline ? bylineNames(article.byline) : [];
  const source = article.source ? [sourceCredit(article.source)] : [];
  const names = [...people, ...source];
  return (names.length > 0 ? names : [siteName]).map((name) => ({ name: xmlSafe(name) }));
}

/**
 * The Atom feed of the newest FEED_SIZE stories.
 *
 * An entry's id is the story's canonical URL, built from its slug alone: the slug is the story's
 * id in the contract, so the entry keeps its id when the story is updated (only `updated` moves).
 * Atom requires full date-times; a date-only `published` ("2025-03-20") is written as midnight UTC
 * that day, the first instant it can mean (see README, "Feeds, sitemaps and robots.txt").
 */
export function atomFeed(articles: readonly Article[], site: SiteContext): string {
  const stories = newestFirst(articles).slice(0, FEED_SIZE);
  const home = siteUrl('/', site.origin);
  const changed = stories.map((story) => instantOf(lastModified(story)).getTime());
  const feed = new Feed({
    id: home,
    title: site.siteName,
    description: `${site.siteName}: world news, clearly told.`,
    link: home,
    feed: siteUrl(FEED_PATH, site.origin),
    language: 'en',
    // The newest change among the entries, not the build's clock: rebuilding unchanged content gives the same file.
    updated: changed.length > 0 ? new Date(Math.max(...changed)) : site.now,
    author: { name: site.siteName, link: home },
    generator: false,
  });
  for (const story of stories) {
    const url = storyUrl(story.slug, site.origin);
    feed.addItem({
      id: url,
      link: url,
      title: html(story.headline),
      ...(story.standfirst ? { description: html(story.standfirst) } : {}),
      content: entryContent(story),
      author: entryAuthors(story, site.siteName),
      published: instantOf(story.published),
      date: instantOf(lastModified(story)),
    });
  }
  return feed.atom1();
}
