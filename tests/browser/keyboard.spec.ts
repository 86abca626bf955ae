/**
 * The keyboard alone: the first Tab reaches the skip link, every control is in the Tab order with
 * a visible focus ring, and each kind of control does its job with Enter (or, for the theme's
 * radio group, the arrow keys).
 */
import { expectVisibleFocusRing, sweepFocus, tabTo } from './checks';
import { expect, test } from './fixtures';
import { openPage, pageCase, PAGES, restoreStory, story, STORY_PATH } from './pages';
import { headline, keyPeople, storyArticle, timeline, timelineEvents, timelineSummary } from './storyParts';

const DERMER_FILTER = /^Show Ron Dermer’s \d+ events? in the timeline$/;

test.use({ viewport: { width: 1280, height: 800 } });

for (const visited of PAGES) {
  test(`on the ${visited.id} page, Tab starts at the skip link and reaches every control, each with a focus ring`, async ({ page, health }) => {
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
  });
}

test('a story link on the front page opens the story with Enter', async ({ page, health }) => {
  await openPage(page, health, pageCase('front'));
  const link = page.getByRole('link', { name: story.headline });
  await tabTo(page, link);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(STORY_PATH);
  await expect(headline(page)).toBeVisible();
  await expect(page.getByRole('main')).toBeFocused();
});

test('a person’s filter narrows the timeline with Enter, and the timeline’s reset shows all events again', async ({ page, health }) => {
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

  const reset = timeline(page).getByRole('link', { name: 'Show all events' });
  await tabTo(page, reset);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(STORY_PATH);
  await expect(timelineEvents(page)).toHaveCount(total);
});

test('the chosen person’s card resets the filter with Enter', async ({ page, health }) => {
  await openPage(page, health, pageCase('article'), '?person=ron-dermer');
  const total = story.timeline?.length ?? 0;
  const reset = keyPeople(page).getByRole('link', { name: 'Show all events' });
  await tabTo(page, reset);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(STORY_PATH);
  await expect(timelineEvents(page)).toHaveCount(total);
  await expect(keyPeople(page).getByRole('link', { name: DERMER_FILTER })).toBeVisible();
});

for (const notFound of [pageCase('not-found-path'), pageCase('not-found-story')]) {
  test(`the ${notFound.id} page’s way back works with Enter`, async ({ page, health }) => {
    await openPage(page, health, notFound);
    const back = page.getByRole('main').getByRole('link', { name: 'Go to the front page' });
    await tabTo(page, back);
    await expectVisibleFocusRing(page);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Latest stories' })).toBeVisible();
  });
}

for (const failed of PAGES.filter((candidate) => candidate.failure !== undefined)) {
  test(`“Try again” on the ${failed.id} page loads the story with Enter once it can`, async ({ page, health }) => {
    await openPage(page, health, failed);
    const retry = page.getByRole('button', { name: 'Try again' });
    await tabTo(page, retry);
    await expectVisibleFocusRing(page);
    await restoreStory(page);
    await page.keyboard.press('Enter');
    await expect(headline(page)).toBeVisible();
    await expect(timeline(page)).toBeVisible();
  });
}

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

test('the theme control is one Tab stop, and the arrow keys choose a theme', async ({ page, health }) => {
  await openPage(page, health, pageCase('front'));
  const theme = page.getByRole('group', { name: 'Theme' });
  const checked = theme.getByRole('radio', { checked: true });
  await tabTo(page, checked);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('ArrowRight');
  await expect(theme.getByRole('radio', { checked: true })).toBeFocused();
  await expect(theme.getByRole('radio', { checked: true })).not.toHaveAccessibleName('System');
});

test('“Copy link” copies the story’s address with Enter and says so', async ({ page, context, health, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page, health, pageCase('article'));
  const copy = page.getByRole('button', { name: 'Copy link to this story' });
  await tabTo(page, copy);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL ?? ''}${STORY_PATH}`);
});
