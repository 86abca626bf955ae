/**
 * Corrections, from the contract to every place a story is published: the parser (a bad item is
 * left out with a warning at its path), the lists' index entry ("Corrected"), the JSON-LD
 * (schema.org CorrectionComment) and the Atom entry.
 */
import type { CorrectionComment } from 'schema-dts';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../../scripts/prerender/feeds';
import { newsArticleJsonLd } from '../../../scripts/prerender/head';
import { entryOf } from '../../../scripts/site/archive';
import { latestCorrection } from '../../../src/content/corrections';
import { parseArticleText, parseIndex } from '../../../src/content/parse';
import { SITE_NAME } from '../../../src/ui/site';
import { fixtureStory, fixtureText, realStory } from '../support/fixtures';
import { child, children, htmlDocument, parseXml, text } from '../support/siteXml';

const ORIGIN = 'https://dispatch.example';
const CORRECTED = 'articles/story-corrected.json';
const PENTAGON = 'An earlier version of this story said the talks would take place at the Pentagon; they will be at the White House.';
const MISSPELLED = 'An earlier version of this story misspelled the name of Israel’s national security adviser.';

describe('the parser', () => {
  it('keeps each good correction as written', () => {
    expect(fixtureStory(CORRECTED).corrections).toEqual([
      { date: '2025-03-21T09:10:00Z', text: MISSPELLED },
      { date: '2025-03-20T18:30:00Z', text: PENTAGON },
    ]);
  });

  it('leaves out a correction with no date, with a warning at its JSON path', () => {
    const result = parseArticleText(fixtureText(CORRECTED), { slug: 'story-corrected' });
    expect(result.ok && result.warnings).toEqual([
      { path: '$.corrections[2].date', message: '$.corrections[2] is left out: date is missing' },
    ]);
  });

  it.each([
    [{ date: '2025-03-21', text: 'A date without a time.' }, '$.corrections[0].date', /must be a date-time with a zone/],
    [{ date: '2025-02-30T10:00:00Z', text: 'Not a real day.' }, '$.corrections[0].date', /not a real date-time/],
    [{ date: '2025-03-21T10:00:00Z', text: '   ' }, '$.corrections[0].text', /must not be empty/],
    [{ date: '2025-03-21T10:00:00Z', text: 42 }, '$.corrections[0].text', /must be text/],
  ])('leaves out %j with a warning at %s', (correction, path, message) => {
    const draft = { ...realStory(), corrections: [correction] };
    const result = parseArticleText(JSON.stringify(draft));
    expect(result.ok && result.value.corrections).toEqual([]);
    expect(result.ok && result.warnings).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it('leaves out a corrections field that is not a list, and keeps the story', () => {
    const result = parseArticleText(JSON.stringify({ ...realStory(), corrections: 'none' }));
    expect(result.ok && result.value.corrections).toBeUndefined();
    expect(result.ok && result.warnings.map((warning) => warning.path)).toEqual(['$.corrections']);
  });
});

describe('the index entry', () => {
  it('carries the date-time of the latest correction, whatever order they are written in', () => {
    expect(entryOf(fixtureStory(CORRECTED)).corrected).toBe('2025-03-21T09:10:00Z');
  });

  it('orders corrections by the instant they mean, not as written', () => {
    const story = { ...realStory(), corrections: [{ date: '2025-03-21T10:00:00+03:30', text: 'Earlier, from Tehran.' }, { date: '2025-03-21T07:00:00Z', text: 'Later.' }] };
    expect(latestCorrection(story)).toBe('2025-03-21T07:00:00Z');
  });

  it('has no `corrected` for a story never corrected', () => {
    expect(entryOf(realStory())).not.toHaveProperty('corrected');
  });

  it('is read back by the lists’ parser, and a bad `corrected` is left out', () => {
    const good = parseIndex({ articles: [entryOf(fixtureStory(CORRECTED))] });
    expect(good.ok && good.value.articles[0]?.corrected).toBe('2025-03-21T09:10:00Z');
    const bad = parseIndex({ articles: [{ ...entryOf(realStory()), corrected: 'yesterday' }] });
    expect(bad.ok && bad.value.articles[0]).not.toHaveProperty('corrected');
    expect(bad.ok && bad.warnings.map((warning) => warning.path)).toEqual(['$.articles[0].corrected']);
  });
});

describe('the JSON-LD', () => {
  it('names each correction as a schema.org CorrectionComment, oldest first', () => {
    const jsonLd = newsArticleJsonLd(fixtureStory(CORRECTED), ORIGIN, SITE_NAME);
    const expected: CorrectionComment[] = [
      { '@type': 'CorrectionComment', text: PENTAGON, datePublished: '2025-03-20T18:30:00Z' },
      { '@type': 'CorrectionComment', text: MISSPELLED, datePublished: '2025-03-21T09:10:00Z' },
    ];
    expect(jsonLd.correction).toEqual(expected);
  });

  it('says nothing of corrections for a story never corrected', () => {
    expect(newsArticleJsonLd(realStory(), ORIGIN, SITE_NAME)).not.toHaveProperty('correction', expect.anything());
  });
});

describe('the Atom entry', () => {
  const contentOf = (file?: string) => {
    const story = file ? fixtureStory(file) : realStory();
    const feed = child(parseXml(atomFeed([story], { origin: ORIGIN, siteName: SITE_NAME, now: new Date('2025-03-21T10:00:00Z') })), 'feed');
    const [entry] = children(feed, 'entry');
    return htmlDocument(text(entry, 'content'));
  };

  it('ends with the corrections, each with the time it was made, oldest first', () => {
    const doc = contentOf(CORRECTED);
    expect(doc.querySelector('h2')?.textContent).toBe('Corrections');
    expect([...doc.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      `20 March 2025, 18:30 GMT: ${PENTAGON}`,
      `21 March 2025, 09:10 GMT: ${MISSPELLED}`,
    ]);
    expect([...doc.querySelectorAll('li time')].map((time) => time.getAttribute('datetime'))).toEqual(['2025-03-20T18:30:00Z', '2025-03-21T09:10:00Z']);
  });

  it('has no Corrections heading for a story never corrected', () => {
    expect(contentOf().querySelector('h2')).toBeNull();
  });
});
