import { endKey, parsePartialDate, type PartialDate } from '../../content/dates';
import type { Article, TimelineEvent } from '../../content/schema';

export type TimelineEntry =
  | { readonly kind: 'event'; readonly event: TimelineEvent; readonly date: PartialDate; readonly upcoming: boolean }
  | { readonly kind: 'story'; readonly date: PartialDate };

/** Events in date order (ties keep the editors' order), with "this story" placed among them. */
export function buildTimeline(article: Article): TimelineEntry[] {
  const published = parsePartialDate(article.published);
  const events: TimelineEntry[] = [];
  for (const event of article.timeline ?? []) {
    const date = parsePartialDate(event.date);
    if (!date) continue;
    const upcoming = event.status ? event.status === 'upcoming' : published !== null && date.sortKey >= endKey(published);
    events.push({ kind: 'event', event, date, upcoming });
  }
  events.sort((a, b) => a.date.sortKey - b.date.sortKey);
  if (!published) return events;
  // The story follows everything that happened up to its own day, and precedes what is ahead.
  const storyEnd = endKey(published);
  const at = events.findIndex((entry) => (entry.kind === 'event' && entry.upcoming) || entry.date.sortKey >= storyEnd);
  const story: TimelineEntry = { kind: 'story', date: published };
  return at === -1 ? [...events, story] : [...events.slice(0, at), story, ...events.slice(at)];
}

/** Whether a timeline narrowed to a person (or to no one: the whole list) shows an entry. The story always shows. */
export const shownFor = (entry: TimelineEntry, personId: string | undefined): boolean =>
  entry.kind === 'story' || personId === undefined || !!entry.event.people?.includes(personId);

/** Each story's events per person, counted once: the key people ask for every person on every render. */
const eventCounts = new WeakMap<Article, ReadonlyMap<string, number>>();

export function countEventsFor(article: Article, personId: string): number {
  let counts = eventCounts.get(article);
  if (counts === undefined) {
    const tally = new Map<string, number>();
    for (const event of article.timeline ?? []) {
      for (const id of new Set(event.people ?? [])) tally.set(id, (tally.get(id) ?? 0) + 1);
    }
    counts = tally;
    eventCounts.set(article, counts);
  }
  return counts.get(personId) ?? 0;
}
