import { endKey, parsePartialDate, type PartialDate } from '../../content/dates';
import type { Article, TimelineEvent } from '../../content/schema';

export type TimelineEntry =
  | { readonly kind: 'event'; readonly event: TimelineEvent; readonly date: PartialDate; readonly upcoming: boolean }
  | { readonly kind: 'story'; readonly date: PartialDate };

/** Events in date order (ties keep the editors' order), with "this story" placed among them. */
export function buildTimeline(article: Article, personId?: string): TimelineEntry[] {
  const published = parsePartialDate(article.published);
  const events: TimelineEntry[] = [];
  for (const event of article.timeline ?? []) {
    const date = parsePartialDate(event.date);
    if (!date) continue;
    if (personId !== undefined && !(event.people ?? []).includes(personId)) continue;
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

export function countEventsFor(article: Article, personId: string): number {
  return (article.timeline ?? []).filter((event) => (event.people ?? []).includes(personId)).length;
}
