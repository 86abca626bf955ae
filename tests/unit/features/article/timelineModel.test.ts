// @vitest-environment node
/** Runs in several time zones (see vite.config.ts): the order must not depend on the reader's clock. */
import { describe, expect, it } from 'vitest';
import { buildTimeline, countEventsFor, shownFor, type TimelineEntry } from '../../../../src/features/article/timelineModel';
import { fixtureStory, realStory } from '../../support/fixtures';

const STORY = 'THIS STORY';

/** Each entry as its event id, or STORY for the story itself; upcoming events end with " (upcoming)". */
function labels(entries: readonly TimelineEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'story' ? STORY : `${entry.event.id}${entry.upcoming ? ' (upcoming)' : ''}`));
}

const REAL_ORDER = [
  'trump-first-term-begins',
  'us-leaves-nuclear-deal',
  'us-reimposes-sanctions',
  'iran-breaches-limits',
  'iran-attacks-israel-april',
  'iran-attacks-israel-october',
  'israel-strikes-iran',
  'trump-returns-to-office',
  'maximum-pressure-reinstated',
  'trump-letter-to-khamenei',
  'khamenei-rejects-bullying',
  'strikes-on-houthis',
  'araqchi-weighs-letter',
  STORY,
  'white-house-talks (upcoming)',
];

describe('buildTimeline', () => {
  it('places the real story after the events up to its own day, before what is upcoming', () => {
    expect(labels(buildTimeline(realStory()))).toEqual(REAL_ORDER);
  });

  it('puts events written in any order into date order', () => {
    const ids = labels(buildTimeline(fixtureStory('articles/story-timeline-unordered.json')));
    expect(ids.filter((id) => !id.startsWith('trump-letter') && !id.startsWith('khamenei-rejects'))).toEqual(
      REAL_ORDER.filter((id) => !id.startsWith('trump-letter') && !id.startsWith('khamenei-rejects')),
    );
  });

  it('keeps the editors’ order for events with the same date', () => {
    const ids = labels(buildTimeline(fixtureStory('articles/story-timeline-unordered.json')));
    // Written (reversed) as khamenei-rejects-bullying, then trump-letter-to-khamenei; both "2025-03".
    expect(ids.filter((id) => id === 'trump-letter-to-khamenei' || id === 'khamenei-rejects-bullying')).toEqual([
      'khamenei-rejects-bullying',
      'trump-letter-to-khamenei',
    ]);
  });

  it('marks an event with no status upcoming when it falls after the day of publication', () => {
    const entries = buildTimeline(fixtureStory('articles/story-timeline-unordered.json'));
    expect(labels(entries).slice(-2)).toEqual([STORY, 'white-house-talks (upcoming)']);
  });

  it('does not mark an event on the day of publication upcoming', () => {
    const entry = buildTimeline(realStory()).find((e) => e.kind === 'event' && e.event.id === 'araqchi-weighs-letter');
    expect(entry).toMatchObject({ upcoming: false });
  });

  it('does not mark an event of the month of publication upcoming', () => {
    const entry = buildTimeline(realStory()).find((e) => e.kind === 'event' && e.event.id === 'trump-letter-to-khamenei');
    expect(entry).toMatchObject({ upcoming: false });
  });

  it('keeps each event’s own precision for display', () => {
    const entry = buildTimeline(realStory()).find((e) => e.kind === 'event' && e.event.id === 'iran-breaches-limits');
    expect(entry?.date).toMatchObject({ iso: '2019-07', precision: 'month' });
  });

  it('places the story by a published date-time at its own offset', () => {
    const entries = buildTimeline(fixtureStory('articles/story-published-with-offset.json'));
    expect(labels(entries).slice(-3)).toEqual(['araqchi-weighs-letter', STORY, 'white-house-talks (upcoming)']);
  });

  it('narrows to one person’s events, keeping the story marker', () => {
    expect(labels(buildTimeline(realStory()).filter((entry) => shownFor(entry, 'ron-dermer')))).toEqual([STORY, 'white-house-talks (upcoming)']);
  });

  it('narrows to another person’s events, in date order', () => {
    expect(labels(buildTimeline(realStory()).filter((entry) => shownFor(entry, 'ali-khamenei')))).toEqual([
      'trump-letter-to-khamenei',
      'khamenei-rejects-bullying',
      STORY,
    ]);
  });

  it('shows only the story for a person in no event', () => {
    expect(labels(buildTimeline(realStory()).filter((entry) => shownFor(entry, 'nobody')))).toEqual([STORY]);
  });
});

describe('countEventsFor', () => {
  it.each([
    ['donald-trump', 9],
    ['ali-khamenei', 2],
    ['abbas-araqchi', 1],
    ['ron-dermer', 1],
    ['tzachi-hanegbi', 1],
  ])('counts %s in %i events', (id, count) => {
    expect(countEventsFor(realStory(), id)).toBe(count);
  });
});
