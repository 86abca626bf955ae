/**
 * The story's layout, by geometry: on a desktop the key people stand beside the body; on a tablet
 * or phone the story starts on the first screen, under a one-line strip of the key people whose
 * cards follow the body; the timeline follows the body at every width. The prerendered page lays
 * out as the app does. And with the text at 200%, the parts still do not overlap, the strip stays
 * a strip, and nothing scrolls sideways.
 */
import { boxOf, describeBox, expectNoSidewaysScroll, overlappingContent, overlaps, saveScreenshot, type Box } from './checks';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openPage, pageCase, SCHEMES, story, WIDTHS } from './pages';
import { bodyBox, firstParagraph, headline, keyPeople, peopleStrip, standfirst, timeline } from './storyParts';

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
        await expect(peopleStrip(page)).toBeHidden();
      } else {
        const strip = await boxOf(peopleStrip(page));
        expect(strip.bottom, `the strip of key people above the body: strip ${describeBox(strip)}, ${boxes}`).toBeLessThanOrEqual(body.top + SLACK);
        expect(people.top, `the key people's cards after the body: ${boxes}`).toBeGreaterThanOrEqual(body.bottom - SLACK);
        expect(Math.abs(people.left - body.left), `key people and body share a left edge: ${boxes}`).toBeLessThanOrEqual(SLACK);
        expect(events.top, `timeline after the key people: ${boxes}`).toBeGreaterThanOrEqual(people.bottom - SLACK);
      }
      expect(events.top, `timeline after the body: ${boxes}`).toBeGreaterThanOrEqual(body.bottom - SLACK);
    });
  });
}

/**
 * Phones and tablets a third of our readers use, and the first screen each shows: the story's first
 * paragraph starts on it (at 320 × 568, within 1.2 screens).
 */
const FIRST_SCREENS = [
  { width: 320, height: 568, screens: 1.2 },
  { width: 360, height: 740, screens: 1 },
  { width: 414, height: 896, screens: 1 },
  { width: 600, height: 960, screens: 1 },
  { width: 768, height: 1024, screens: 1 },
  { width: 834, height: 1194, screens: 1 },
] as const;

/** The strip is one line of names: at 360 px no taller than this. */
const STRIP_MAX_AT_360 = 120;

for (const scheme of SCHEMES) {
  test(`the story starts on the first screen of every phone and tablet, ${scheme}`, async ({ page, health }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPage(page, health, pageCase('article'));
    // One load, resized through the devices: a viewport's first screen is its height from the top.
    for (const { width, height, screens } of FIRST_SCREENS) {
      await test.step(`${width} × ${height}`, async () => {
        await page.setViewportSize({ width, height });
        const paragraph = await boxOf(firstParagraph(page));
        const strip = await boxOf(peopleStrip(page));
        expect.soft(paragraph.top, `the first paragraph starts within ${screens} screen(s) of ${height} px`).toBeLessThan(height * screens);
        if (width === 360) expect.soft(strip.bottom - strip.top, 'the strip’s height at 360 px').toBeLessThanOrEqual(STRIP_MAX_AT_360);
        expect.soft(strip.bottom, 'the strip above the story').toBeLessThanOrEqual(paragraph.top + SLACK);
        await expectNoSidewaysScroll(page);
      });
    }
  });
}

test('a name in the strip takes a phone reader to that person’s card, and its filter, in one tap', async ({ page, health }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openPage(page, health, pageCase('article'));
  const person = story.people?.find((candidate) => candidate.id === 'ron-dermer');
  expect(person, 'the story has Ron Dermer among its key people').toBeDefined();
  const name = person?.name ?? '';
  await peopleStrip(page).getByRole('link', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#person-${person?.id ?? ''}$`));
  const card = keyPeople(page).getByRole('heading', { level: 3, name, exact: true });
  await expect(card).toBeInViewport();
  await expect(keyPeople(page).getByRole('link', { name: new RegExp(`^Show ${name}’s \\d+ events? in the timeline$`) })).toBeInViewport();
});

test('the prerendered story lays out as the app does, at 360 and 768 px', async ({ page, health, browser }) => {
  // The page as it arrives, before (here: without) its app; then the app's page, hydrated.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const prerendered = await plain.newPage();
  await openPage(page, health, pageCase('article'));
  await prerendered.goto(pageCase('article').path);
  try {
    for (const viewport of [{ width: 360, height: 740 }, { width: 768, height: 1024 }]) {
      await page.setViewportSize(viewport);
      await prerendered.setViewportSize(viewport);
      const parts = (on: Page) =>
        Promise.all([headline(on), standfirst(on), peopleStrip(on), firstParagraph(on), keyPeople(on), timeline(on)].map(boxOf));
      expect(await parts(prerendered), `the parts' boxes at ${viewport.width} px`).toEqual(await parts(page));
    }
  } finally {
    await plain.close();
  }
});

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
      if (width < 1024) {
        const strip = await boxOf(peopleStrip(page));
        expect(strip.bottom - strip.top, 'the strip at 200% text: at most a third of the screen').toBeLessThanOrEqual(800 / 3);
      }
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
