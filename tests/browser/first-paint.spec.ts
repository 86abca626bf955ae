/**
 * What a reader sees before the app starts: a shared filter link (?person=…) is narrowed from the
 * first paint by the inline boot script (src/boot.js) and the rules the build puts in the page's
 * head, with no flash of the full list and no layout shift when the app takes over; without JavaScript the page says the
 * list is not narrowed; and what is below the first screen is left out of the first layout.
 */
import { INTERACTIVE_ATTRIBUTE } from '../../src/app/prerenderedState';
import { expect, test } from './fixtures';
import { recordFirstPaint } from './firstPaintProbe';
import { STORY_PATH, story } from './pages';
import { timeline, timelineEvents, timelineSummary } from './storyParts';

const DERMER = 'ron-dermer';
const dermersEvents = (story.timeline ?? []).filter((event) => event.people?.includes(DERMER));
const total = story.timeline?.length ?? 0;
const dermerSummary = `Showing ${dermersEvents.length} of ${total} events, those with Ron Dermer.`;

test('a shared filter link shows the narrowed timeline and its status line at the first paint, before the app starts', async ({ page }) => {
  expect(dermersEvents.length).toBeGreaterThan(0);
  expect(dermersEvents.length).toBeLessThan(total);
  // Recorded when the browser reports the first contentful paint: what that frame showed.
  await page.addInitScript(recordFirstPaint, INTERACTIVE_ATTRIBUTE);

  await page.goto(`${STORY_PATH}?person=${DERMER}`);
  const firstPaint = await page.evaluate(() => window.__firstPaint);
  expect(firstPaint, 'the first contentful paint was observed').toBeDefined();
  expect(firstPaint?.parsed, 'the timeline was in the first paint').toBe(true);
  expect(firstPaint?.interactive, 'the app had not started at the first paint').toBe(false);
  expect(firstPaint?.visibleEvents).toBe(dermersEvents.length);
  expect(firstPaint?.statusLines).toEqual([dermerSummary]);

  // The app takes over the same list, the same status line, and nothing moves.
  await expect(page.locator('#root')).toHaveAttribute(INTERACTIVE_ATTRIBUTE, '');
  await expect(timelineSummary(page)).toHaveText(dermerSummary);
  await expect(timelineEvents(page)).toHaveCount(dermersEvents.length);
  await expect(page.locator('html')).not.toHaveAttribute('data-person');
  expect(await page.evaluate(() => window.__layoutShift)).toBe(0);
});

test('a page opened without a filter shows every event and its own status line at the first paint', async ({ page }) => {
  await page.goto(STORY_PATH);
  await expect(timelineEvents(page)).toHaveCount(total);
  await expect(timelineSummary(page)).toHaveText(`${total} related events, oldest first.`);
  await expect(timeline(page).locator('[data-filter-for]:visible')).toHaveCount(0);
});

test('with JavaScript off, a filter link lists every event, and the page says that it does', async ({ browser, baseURL }) => {
  // A context of its own: the suite's page waits for the app after each navigation.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const page = await plain.newPage();
    await page.goto(`${STORY_PATH}?person=${DERMER}`);
    await expect(timelineEvents(page)).toHaveCount(total);
    const note = await timeline(page)
      .locator('[data-filter-live]')
      .evaluate((line) => getComputedStyle(line, '::after').content);
    expect(note).toContain('Without JavaScript, every event is listed');
  } finally {
    await plain.close();
  }
});

test('the timeline and the body past the first screen are left out of the first layout until they come near', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(STORY_PATH);
  const heading = timeline(page).getByRole('heading', { level: 2 });
  const section = page.locator('#timeline');
  expect(await section.evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('auto');
  // Skipped: in the page, but neither laid out nor painted while it is far below the first screen.
  expect(await heading.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
  const lastText = story.body.at(-1)?.text ?? '';
  const lastBlock = page.locator('#main article').getByText(lastText, { exact: true });
  expect(await lastBlock.evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('auto');

  await heading.evaluate((element) => element.scrollIntoView());
  await expect.poll(() => heading.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
});

test('below 1024 px the key people, after the body, are left out of the first layout until they come near; beside it at 1280 px, never', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(STORY_PATH);
  const people = page.getByRole('complementary', { name: 'Key people' });
  const heading = people.getByRole('heading', { level: 2 });
  expect(await people.evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('auto');
  expect(await heading.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(false);
  await heading.evaluate((element) => element.scrollIntoView());
  await expect.poll(() => heading.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);

  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await people.evaluate((element) => getComputedStyle(element).contentVisibility)).toBe('visible');
});
