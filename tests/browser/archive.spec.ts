/**
 * The archive's pages and a story's lead picture in a real browser. The build writes the list
 * pages of the content it ships (one story: each list fits on its latest page); the numbered pages
 * of a larger archive and the test pictures are answered by tests/browser/server.ts from
 * tests/fixtures/lists and tests/fixtures/images, through the single-page fallback.
 */
import { boxOf, expectNoAxeViolations, expectNoSidewaysScroll, expectVisibleFocusRing, saveScreenshot, tabTo } from './checks';
import { expect, test } from './fixtures';
import { SCHEMES } from './pages';

// Pages the real build does not have (its one story fits on each list's latest page): the fixture lists answer them.
const LIST_PAGES = ['/tag/iran/page/2', '/page/2', '/section/world/page/1'] as const;
const SIDEWAYS_WIDTHS = [320, 768, 1920] as const;

for (const scheme of SCHEMES) {
  test(`archive pages are axe-clean and never scroll sideways, ${scheme}`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of LIST_PAGES) {
      await test.step(path, async () => {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto(path);
        await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
        await expectNoAxeViolations(page);
        for (const width of SIDEWAYS_WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await expectNoSidewaysScroll(page);
        }
        await saveScreenshot(page, testInfo, `archive${path.replace(/\//g, '-')}-${scheme}`);
      });
    }
  });
}

test('a story’s section and topics lead to their prerendered pages, which list it', async ({ page }) => {
  await page.goto('/articles/us-israel-high-level-talks-iran-white-house');
  await page.getByRole('link', { name: 'World', exact: true }).click();
  await expect(page).toHaveURL(/\/section\/world$/);
  await expect(page.getByRole('heading', { level: 1, name: /World/ })).toBeVisible();
  const story = page.getByRole('link', { name: 'US, Israel To Hold High-Level Talks On Iran At White House Next Week' });
  await expect(story).toBeVisible();
  // The topic's page as the build wrote it, opened directly: prerendered, then hydrated without a change.
  await page.goto('/tag/nuclear-programme');
  await expect(page.locator('#root[data-prerendered="/tag/nuclear-programme"]')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: /Nuclear programme/ })).toBeVisible();
  await expect(story).toBeVisible();
});

test('a keyboard reader reaches "Older stories" and follows it', async ({ page, health }) => {
  // Focus on a teaser prefetches its story, and the fixture lists name stories that do not exist.
  health.expectFailedLoads(/\/content\/articles\/archive-story-\d+\.json$/);
  await page.goto('/page/2');
  const older = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Older stories' });
  await tabTo(page, older, 120);
  await expectVisibleFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Page 1 of 3')).toBeVisible();
  await expect(page).toHaveURL(/\/page\/1$/);
});

const ALT = 'A drawn horizon: a dark band of land under an orange evening sky';
const FIRST_WORDS = 'The United States and Israel will hold high-level talks';

test('a lead picture keeps its box, loads, and leaves the first paragraph on a 360 × 740 phone’s first screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/articles/story-with-image');
  const image = page.getByRole('img', { name: ALT });
  const paragraph = page.getByRole('paragraph').filter({ hasText: FIRST_WORDS }).first();
  await expect(image).toBeVisible();
  const box = await boxOf(image);
  expect(Math.abs(box.bottom - box.top - ((box.right - box.left) * 675) / 1200), 'the picture’s box has its shape').toBeLessThanOrEqual(1);
  expect((await boxOf(paragraph)).top, 'the first paragraph starts on the first screen').toBeLessThan(740);
  expect(box.top, 'on a phone the picture follows the first paragraph').toBeGreaterThan((await boxOf(paragraph)).bottom);
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, 'story-with-image-360', false);

  await page.setViewportSize({ width: 1280, height: 900 });
  expect((await boxOf(image)).bottom, 'on a wide screen the picture opens the body').toBeLessThanOrEqual((await boxOf(paragraph)).top);
  await expectNoSidewaysScroll(page);
  await saveScreenshot(page, testInfo, 'story-with-image-1280', false);
});
