/**
 * The keyboard alone: the first Tab reaches the skip link, every control is in the Tab order with
 * a visible focus ring, and each kind of control does its job with Enter (or, for the theme's
 * radio group, the arrow keys).
 */
import { expectVisibleFocusRing, sweepFocus, tabTo } from './checks';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPage, pageCase, PAGES, restoreStory, story, STORY_PATH } from './pages';
import { headline, keyPeople, storyArticle, timeline, timelineEvents, timelineSummary } from './storyParts';

const DERMER_FILTER = /^Show Ron Dermer’s \d+ events? in the timeline$/;

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * What each page's own control does with Enter, checked after its Tab sweep in the same page (a
 * page load per check doubled this file's time). The theme's arrow keys and "Copy link" with
 * Enter are in comforts.spec.ts; the article page's filters have a test of their own below.
 */
const AFTER_SWEEP: Record<string, ((page: Page) => Promise<void>) | undefined> = {
  front: async (page) => {
    const link = page.getByRole('link', { name: story.headline });
    await tabTo(page, link);
    await expectVisibleFocusRing(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(STORY_PATH);
    await expect(headline(page)).toBeVisible();
    await expect(page.getByRole('main')).toBeFocused();
  },
  'not-found-path': goBackToTheFrontPage,
  'not-found-story': goBackToTheFrontPage,
};

async function goBackToTheFrontPage(page: Page): Promise<void> {
  const back = page.getByRole('main').getByRole('link', { name: 'Go to the front page' });
  await tabTo(page, back);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest stories' })).toBeVisible();
}

/** On an error page, "Try again" loads the story with Enter once the story can be had. */
async function tryAgainWithEnter(page: Page): Promise<void> {
  const retry = page.getByRole('button', { name: 'Try again' });
  await tabTo(page, retry);
  await expectVisibleFocusRing(page);
  await restoreStory(page);
  await page.keyboard.press('Enter');
  await expect(headline(page)).toBeVisible();
  await expect(timeline(page)).toBeVisible();
}

for (const visited of PAGES) {
  const after = visited.failure !== undefined ? tryAgainWithEnter : AFTER_SWEEP[visited.id];
  const also = visited.failure !== undefined ? ', and “Try again” works with Enter' : after ? ', and its way on works with Enter' : '';
  test(`on the ${visited.id} page, Tab starts at the skip link and reaches every control, each with a focus ring${also}`, async ({ page, health }) => {
    await openPage(page, health, visited);
    const { stops, reached, withoutRing } = await sweepFocus(page);
    expect(stops.length, 'the page has controls').toBeGreaterThan(0);
    expect(stops[reached[0] ?? -1], 'the first Tab reaches').toBe('a "Skip to main content"');
    expect(withoutRing, 'controls that show no focus ring').toEqual([]);
    const missed = stops.filter((_, index) => !reached.includes(index));
    expect(missed, 'controls that Tab never reached').toEqual([]);

    // The skip link, reached first, takes the reader past the masthead.
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await skip.focus();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    if (after) await test.step('its way on, with Enter', () => after(page));
  });
}

test('a person’s filter narrows the timeline with Enter; the chosen card and the timeline each reset it', async ({ page, health }) => {
  await openPage(page, health, pageCase('article'));
  const total = await timelineEvents(page).count();
  const filter = keyPeople(page).getByRole('link', { name: DERMER_FILTER });
  await tabTo(page, filter);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`${STORY_PATH}?person=ron-dermer`);
  await expect(timelineSummary(page)).toHaveText(/^Showing \d+ of \d+ events, those with Ron Dermer\.$/);
  // The reader is taken to the timeline that just changed.
  await expect(timeline(page).getByRole('heading', { level: 2 })).toBeFocused();
  expect(await timelineEvents(page).count()).toBeLessThan(total);

  // The chosen person's card offers the way back (focused directly: Tab order is checked above).
  const cardReset = keyPeople(page).getByRole('link', { name: 'Show all events' });
  await cardReset.focus();
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(STORY_PATH);
  await expect(timelineEvents(page)).toHaveCount(total);
  await expect(keyPeople(page).getByRole('link', { name: DERMER_FILTER })).toBeVisible();

  // And so does the timeline itself.
  await keyPeople(page).getByRole('link', { name: DERMER_FILTER }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${STORY_PATH}?person=ron-dermer`);
  const reset = timeline(page).getByRole('link', { name: 'Show all events' });
  await tabTo(page, reset);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(STORY_PATH);
  await expect(timelineEvents(page)).toHaveCount(total);
});

test('a name in the body takes the reader to that person’s card with Enter', async ({ page, health }) => {
  await openPage(page, health, pageCase('article'));
  const firstPerson = story.people?.[0];
  expect(firstPerson, 'the story has key people').toBeDefined();
  const name = firstPerson?.name ?? '';
  const mention = storyArticle(page).getByRole('paragraph').getByRole('link', { name, exact: true }).first();
  await tabTo(page, mention);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#person-${firstPerson?.id ?? ''}$`));
  await expect(keyPeople(page).getByRole('heading', { level: 3, name, exact: true })).toBeInViewport();
});
