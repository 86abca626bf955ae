/**
 * Every page at every width, in light and dark: axe finds nothing, nothing scrolls sideways, and
 * (through the fixture) nothing throws or logs an error. Each run leaves a full-page screenshot
 * in test-results/screenshots/<page>-<width>-<scheme>.png.
 */
import { expectNoAxeViolations, expectNoSidewaysScroll, overlappingContent, saveScreenshot } from './checks';
import { expect, test } from './fixtures';
import { openPage, PAGES, SCHEMES, WIDTHS } from './pages';

for (const pageCase of PAGES) {
  test.describe(`${pageCase.id} page`, () => {
    for (const viewport of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        test.describe(`at ${viewport.width}px, ${colorScheme}`, () => {
          test.use({ viewport, colorScheme });

          test('has no axe violations and does not scroll sideways', async ({ page, health }, testInfo) => {
            await openPage(page, health, pageCase);
            await saveScreenshot(page, testInfo, `${pageCase.id}-${viewport.width}-${colorScheme}`);
            await expectNoSidewaysScroll(page);
            expect(await overlappingContent(page, page.locator('body')), 'text or controls drawn over one another').toEqual([]);
            await expectNoAxeViolations(page);
          });
        });
      }
    }

    test.describe('at 320px', () => {
      test.use({ viewport: { width: 320, height: 640 } });

      test('does not scroll sideways', async ({ page, health }, testInfo) => {
        await openPage(page, health, pageCase);
        await saveScreenshot(page, testInfo, `${pageCase.id}-320-light`);
        await expectNoSidewaysScroll(page);
      });
    });
  });
}
