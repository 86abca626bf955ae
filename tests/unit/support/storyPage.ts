/** Opening a story through the whole app, and finding its parts as a reader would. */
import type { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { serveFeed, type FakeFeed } from './fakeFeed';
import { REAL_STORY_SLUG, realStory } from './fixtures';
import { renderApp, type RenderAppOptions } from './renderApp';

export const REAL_STORY = realStory();
export const REAL_HEADLINE = REAL_STORY.headline;
export const REAL_STORY_PATH = `/articles/${REAL_STORY_SLUG}`;

interface OpenStoryOptions {
  /** The headline to wait for: the real story's unless told otherwise. */
  readonly headline?: string | RegExp;
  /** The fake feed to serve from: a fresh one unless told otherwise. */
  readonly feed?: FakeFeed;
  readonly client?: QueryClient;
  readonly onCaughtError?: RenderAppOptions['onCaughtError'];
}

/** Opens `path` (the real story unless told otherwise) and waits for its headline. */
export async function openStory(
  path = REAL_STORY_PATH,
  { headline = REAL_HEADLINE, feed = serveFeed(), ...options }: OpenStoryOptions = {},
) {
  const app = renderApp(path, options);
  await screen.findByRole('heading', { level: 1, name: headline });
  return { ...app, feed };
}

export const keyPeople = (): HTMLElement => screen.getByRole('complementary', { name: 'Key people' });
export const peopleStrip = (): HTMLElement => screen.getByRole('navigation', { name: 'People in this story' });
export const timeline = (): HTMLElement => screen.getByRole('region', { name: /^Timeline/ });

/** The timeline as the reader sees it: each event's title, and "This story" where the story falls. */
export function timelineEntries(): string[] {
  return within(timeline())
    .getAllByRole('listitem')
    .map((item) => within(item).queryByRole('heading', { level: 3 })?.textContent ?? within(item).getByText('This story').textContent ?? '');
}

/** The titles of the real story's events, by id ("This story" stands for itself). */
export function titlesOf(ids: readonly string[]): string[] {
  return ids.map((id) => (id === 'This story' ? id : (REAL_STORY.timeline?.find((event) => event.id === id)?.title ?? `no event ${id}`)));
}

/** One event of the timeline, by its title. */
export function timelineEvent(title: string): HTMLElement {
  const item = within(timeline()).getByRole('heading', { level: 3, name: title }).closest('li');
  if (!item) throw new Error(`the event "${title}" is not in a list item`);
  return item;
}

/** The line under the headline that starts with the dateline's place. */
export function datelineOf(place: string): HTMLElement {
  const line = screen.getByText(place).closest('p');
  if (!line) throw new Error(`the dateline "${place}" is not in a paragraph`);
  return line;
}

/** The real story's events in the order the reader must see them. */
export const REAL_TIMELINE_ORDER = [
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
  'This story',
  'white-house-talks',
] as const;
