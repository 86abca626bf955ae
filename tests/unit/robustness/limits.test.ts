// @vitest-environment node
/**
 * Stories at the limits, through everything that runs before a story is drawn: the parser, the
 * mention linker and the timeline model. Times are printed for the report; the only bounds
 * asserted are generous ones (a loaded two-core machine), there to catch a freeze, not to bench.
 */
import { describe, expect, it } from 'vitest';
import { bigStory } from '../../../scripts/benchStory';
import { parseArticleText } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import { linkFirstMentions } from '../../../src/features/article/mentions';
import { buildTimeline, countEventsFor, shownFor } from '../../../src/features/article/timelineModel';

const FREEZE_MS = 20_000;

function timed<T>(what: string, run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  console.log(`${what}: ${ms.toFixed(0)} ms`);
  return { value, ms };
}

function parsedWhole(text: string): Article {
  const result = parseArticleText(text);
  if (!result.ok) throw new Error(`does not parse: ${JSON.stringify(result.errors.slice(0, 3))}`);
  expect(result.warnings).toEqual([]);
  return result.value;
}

describe('stories at the limits', () => {
  it('10,000 events, 3,000 people and 10,000 paragraphs (about 3.4 MB): parsed, linked and ordered', () => {
    const text = JSON.stringify(bigStory(10_000, 3_000, 10_000));
    const megabytes = (Buffer.byteLength(text) / 1_000_000).toFixed(1);
    const parse = timed(`parse a ${megabytes} MB story of 10,000 events, 3,000 people, 10,000 paragraphs`, () => parsedWhole(text));
    const article = parse.value;
    expect([article.timeline?.length, article.people?.length, article.body.length]).toEqual([10_000, 3_000, 10_000]);

    const mentions = timed('link first mentions of 3,000 people', () => linkFirstMentions(article.body, article.people ?? []));
    const timeline = timed('order 10,000 events', () => buildTimeline(article));
    const filtered = timed('filter the timeline to one person', () => timeline.value.filter((entry) => shownFor(entry, 'person-7')));
    const counts = timed('count each of 3,000 people’s events', () => (article.people ?? []).map((person) => countEventsFor(article, person.id)));

    expect(timeline.value).toHaveLength(10_001);
    expect(filtered.value.length).toBeGreaterThan(1);
    expect(counts.value.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(10_000);
    for (const step of [parse, mentions, timeline, filtered, counts]) expect(step.ms).toBeLessThan(FREEZE_MS);
  }, 120_000);

  it('one paragraph of five million characters, and 20,000 tags', () => {
    const story = { ...bigStory(10, 5, 1), tags: Array.from({ length: 20_000 }, (_, i) => `tag ${i}`) };
    story.body = [{ type: 'paragraph', text: `${'Words and words. '.repeat(294_118)}`.slice(0, 5_000_000) }];
    const text = JSON.stringify(story);
    const parse = timed(`parse a ${(Buffer.byteLength(text) / 1_000_000).toFixed(1)} MB story with a 5,000,000-character paragraph`, () => parsedWhole(text));
    expect(parse.value.body[0]?.text).toHaveLength(5_000_000);
    const mentions = timed('link mentions in it', () => linkFirstMentions(parse.value.body, parse.value.people ?? []));
    expect(mentions.value[0]?.join('')).toHaveLength(5_000_000);
    for (const step of [parse, mentions]) expect(step.ms).toBeLessThan(FREEZE_MS);
  }, 120_000);
});
