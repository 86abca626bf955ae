/** The story page's parts, found by role, name and the real content's text. */
import type { Locator, Page } from '@playwright/test';
import { boxOf, union, type Box } from './checks';
import { story } from './pages';

export function storyArticle(page: Page): Locator {
  return page.getByRole('article', { name: story.headline });
}

export function keyPeople(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Key people' });
}

/** The one-line strip of the key people's names at the top of a story on a phone or tablet. */
export function peopleStrip(page: Page): Locator {
  return page.getByRole('navigation', { name: 'People in this story' });
}

export function timeline(page: Page): Locator {
  return page.getByRole('region', { name: /^Timeline/ });
}

export function headline(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: story.headline });
}

export function standfirst(page: Page): Locator {
  return storyArticle(page).getByRole('paragraph').filter({ hasText: story.standfirst ?? '' }).first();
}

function bodyBlock(page: Page, index: number): Locator {
  const block = story.body.at(index);
  if (!block) throw new Error(`The story has no body block ${index}`);
  return storyArticle(page).getByRole('paragraph').filter({ hasText: block.text });
}

/** The story's first paragraph: where the reader starts reading. */
export function firstParagraph(page: Page): Locator {
  return bodyBlock(page, 0);
}

/** The body's box: from its first block to its last. */
export async function bodyBox(page: Page): Promise<Box> {
  return union(await boxOf(bodyBlock(page, 0)), await boxOf(bodyBlock(page, -1)));
}

/** The events listed in the timeline (its list items with an event title; not the "this story" marker). */
export function timelineEvents(page: Page): Locator {
  return timeline(page).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
}

/** The timeline's live summary of what it lists ("Showing 1 of 14 events, those with …"). */
export function timelineSummary(page: Page): Locator {
  return timeline(page).getByRole('status').filter({ hasText: /\bevents?\b/ });
}

/** One event of the timeline, by its title. */
export function timelineEvent(page: Page, title: string): Locator {
  return timelineEvents(page).filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });
}

/** The names on the key people's cards, in order. */
export function cardNames(page: Page): Locator {
  return keyPeople(page).getByRole('heading', { level: 3 });
}
