/**
 * Every page at every width, in light and dark: axe finds nothing, nothing is drawn over anything
 * else, nothing scrolls sideways (also at 320 px), and (through the fixture) nothing throws or
 * logs an error. Each run leaves a full-page screenshot of each in
 * test-results/screenshots/<page>-<width>-<scheme>.jpg.
 *
 * One test per page and width loads the page once and checks it in both schemes: the scheme is
 * the same media emulation either way, and loading each page once per width halves the suite's
 * time. The checks are soft, so that one run reports every failing scheme.
 */
import { expectNoAxeViolations, expectNoSidewaysScroll, overlappingContent, saveScreenshot } from './checks';
import { expect, test } from './fixtures';
import { openPage, PAGES, SCHEMES, WIDTHS } from './pages';

const NARROWEST = { width: 320, height: 640 };

for (const pageCase of PAGES) {
  test.describe(`${pageCase.id} page`, () => {
    for (const viewport of WIDTHS) {
      test.describe(`at ${viewport.width}px`, () => {
        test.use({ viewport, colorScheme: 'light' });

        test('has no axe violations, no overlaps and no sideways scrolling, light and dark', async ({ page, health }, testInfo) => {
          await openPage(page, health, pageCase);
          for (const colorScheme of SCHEMES) {
            await test.step(colorScheme, async () => {
              await page.emulateMedia({ colorScheme });
              expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
              await saveScreenshot(page, testInfo, `${pageCase.id}-${viewport.width}-${colorScheme}`);
              await expectNoSidewaysScroll(page);
              expect.soft(await overlappingContent(page, page.locator('body')), 'text or controls drawn over one another').toEqual([]);
              await expectNoAxeViolations(page);
            });
          }
          if (viewport.width === WIDTHS[0].width) {
            await test.step(`at ${NARROWEST.width}px`, async () => {
              await page.emulateMedia({ colorScheme: 'light' });
              await page.setViewportSize(NARROWEST);
              await saveScreenshot(page, testInfo, `${pageCase.id}-${NARROWEST.width}-light`);
              await expectNoSidewaysScroll(page);
            });
          }
        });
      });
    }
  });
}
