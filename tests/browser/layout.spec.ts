/**
 * The story's layout, by geometry: on a desktop the key people stand beside the body; on a tablet
 * or phone they come before it in one column; the timeline follows the body at every width. And
 * with the text at 200%, the parts still do not overlap and nothing scrolls sideways.
 */
import { boxOf, describeBox, expectNoSidewaysScroll, overlappingContent, overlaps, saveScreenshot, type Box } from './checks';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPage, pageCase, WIDTHS } from './pages';
import { bodyBox, headline, keyPeople, standfirst, timeline } from './storyParts';

/** Sub-pixel rounding and borders: edges this close count as the same. */
const SLACK = 2;

function verticallyOverlap(a: Box, b: Box): boolean {
  return a.top < b.bottom && b.top < a.bottom;
}

for (const viewport of WIDTHS) {
  test.describe(`the story at ${viewport.width}px`, () => {
    test.use({ viewport });

    test('places the key people and the timeline as the layout says', async ({ page, health }) => {
      await openPage(page, health, pageCase('article'));
      const people = await boxOf(keyPeople(page));
      const body = await bodyBox(page);
      const events = await boxOf(timeline(page));
      const boxes = `key people ${describeBox(people)}, body ${describeBox(body)}, timeline ${describeBox(events)}`;

      if (viewport.width >= 1024) {
        expect(people.left, `key people to the right of the body: ${boxes}`).toBeGreaterThanOrEqual(body.right - SLACK);
        expect(verticallyOverlap(people, body), `key people beside the body, not above or below it: ${boxes}`).toBe(true);
      } else {
        expect(people.bottom, `key people above the body: ${boxes}`).toBeLessThanOrEqual(body.top + SLACK);
        expect(Math.abs(people.left - body.left), `key people and body share a left edge: ${boxes}`).toBeLessThanOrEqual(SLACK);
      }
      expect(events.top, `timeline after the body: ${boxes}`).toBeGreaterThanOrEqual(body.bottom - SLACK);
    });
  });
}

/** Sets the root font size to 200%, as a reader's text-size setting does, and waits for it to apply. */
async function zoomText(page: Page): Promise<void> {
  const height = () => headline(page).evaluate((element) => element.getBoundingClientRect().height);
  const before = await height();
  await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  // The text really is larger: the headline grows.
  await expect.poll(height).toBeGreaterThan(before * 1.5);
}

for (const width of [360, 1280]) {
  test.describe(`the story at ${width}px with text at 200%`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('has no overlapping parts, draws nothing over anything else, and does not scroll sideways', async ({ page, health }, testInfo) => {
      await openPage(page, health, pageCase('article'));
      await zoomText(page);
      await saveScreenshot(page, testInfo, `article-${width}-zoom200`);

      await expectNoSidewaysScroll(page);
      const parts: Record<string, Box> = {
        headline: await boxOf(headline(page)),
        standfirst: await boxOf(standfirst(page)),
        'key people': await boxOf(keyPeople(page)),
        body: await bodyBox(page),
      };
      const names = Object.keys(parts);
      const clashes: string[] = [];
      for (const [i, a] of names.entries()) {
        for (const b of names.slice(i + 1)) {
          const boxA = parts[a];
          const boxB = parts[b];
          if (boxA && boxB && overlaps(boxA, boxB)) clashes.push(`${a} ${describeBox(boxA)} overlaps ${b} ${describeBox(boxB)}`);
        }
      }
      expect(clashes).toEqual([]);
      // Nor, within them, is any text or control drawn over another.
      expect(await overlappingContent(page, page.locator('body'))).toEqual([]);
    });
  });
}
