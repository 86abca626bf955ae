/**
 * Every page at every width, in light and dark: axe finds nothing, nothing is drawn over anything
 * else, nothing scrolls sideways (also at 320 px), and (through the fixture) nothing throws or
 * logs an error. Each run leaves a full-page screenshot of each in
 * test-results/screenshots/<page>-<width>-<scheme>.jpg.
 *
 * One test per page loads it once and checks it at each width (the viewport resized, as a reader
 * turning a tablet or widening a window does) and in both schemes (the same media emulation
 * either way): a page load per combination tripled the time. The layout at each width as first
 * loaded is checked in layout.spec.ts. The checks are soft, so that one run reports every
 * failing width and scheme.
 */
import { expectNoAxeViolations, expectNoSidewaysScroll, overlappingContent, saveScreenshot } from './checks';
import { expect, test } from './fixtures';
import { openPage, PAGES, SCHEMES, WIDTHS } from './pages';

const NARROWEST = { width: 320, height: 640 };

for (const pageCase of PAGES) {
  test.describe(`${pageCase.id} page`, () => {
    test.use({ viewport: WIDTHS[0], colorScheme: 'light' });

    test(`at ${WIDTHS.map((viewport) => viewport.width).join(', ')} px, light and dark: no axe violations, no overlaps, no sideways scrolling (nor at ${NARROWEST.width} px)`, async ({ page, health }, testInfo) => {
      await openPage(page, health, pageCase);
      for (const viewport of WIDTHS) {
        await page.setViewportSize(viewport);
        for (const colorScheme of SCHEMES) {
          await test.step(`${viewport.width} px, ${colorScheme}`, async () => {
            await page.emulateMedia({ colorScheme });
            expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
            await saveScreenshot(page, testInfo, `${pageCase.id}-${viewport.width}-${colorScheme}`);
            await expectNoSidewaysScroll(page);
            expect.soft(await overlappingContent(page, page.locator('body')), 'text or controls drawn over one another').toEqual([]);
            await expectNoAxeViolations(page);
          });
        }
      }
      await test.step(`${NARROWEST.width} px`, async () => {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.setViewportSize(NARROWEST);
        await saveScreenshot(page, testInfo, `${pageCase.id}-${NARROWEST.width}-light`);
        await expectNoSidewaysScroll(page);
      });
    });
  });
}
