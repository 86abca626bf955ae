/**
 * The `test` every browser spec uses. It watches the page for as long as the test runs and fails
 * the test on any uncaught exception or console error, so no spec has to remember to.
 *
 * The only console errors a test may declare are the browser's own "Failed to load resource"
 * lines for requests the test itself makes fail (a routed abort or 500, a story that is not in
 * the feed), and only for the URLs it names.
 */
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { INTERACTIVE_ATTRIBUTE } from '../../src/app/prerenderedState';

export interface PageHealth {
  /** The test makes these requests fail on purpose; the browser's log line for them is expected. */
  expectFailedLoads(...urls: readonly RegExp[]): void;
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber, columnNumber } = message.location();
  const where = url ? ` (at ${url}:${lineNumber}:${columnNumber})` : '';
  return `console.error: ${message.text()}${where}`;
}

/**
 * A prerendered page is on screen before its app has started (the inline boot script, src/boot.js,
 * starts it once the page is painted), and its buttons answer only once the app has hydrated it. After each
 * navigation, wait for that (the root's data-interactive), or for the app's script to fail to
 * load (a test that blocks it), so that no test clicks a control the app does not yet drive.
 * Pages that are not prerendered draw nothing before the app runs, and need no wait.
 */
export async function untilInteractive(page: Page): Promise<void> {
  await page
    .evaluate(
      (interactive) =>
        new Promise<void>((resolve) => {
          const root = document.getElementById('root');
          if (!root || !document.querySelector('script[data-app]') || root.hasAttribute(interactive)) {
            resolve();
            return;
          }
          new MutationObserver(() => {
            if (root.hasAttribute(interactive)) resolve();
          }).observe(root, { attributes: true, attributeFilter: [interactive] });
          window.addEventListener('error', (event) => {
            if (event.target instanceof HTMLScriptElement) resolve();
          }, true);
          // Never wait for ever: a test's own assertions then say what is wrong.
          setTimeout(resolve, 15_000);
        }),
      INTERACTIVE_ATTRIBUTE,
    )
    // The page navigated again meanwhile: the next navigation waits for itself.
    .catch(() => undefined);
}

export const test = base.extend<{ health: PageHealth }>({
  page: async ({ page }, provide) => {
    const goto = page.goto.bind(page);
    const reload = page.reload.bind(page);
    page.goto = async (...args) => {
      const response = await goto(...args);
      await untilInteractive(page);
      return response;
    };
    page.reload = async (...args) => {
      const response = await reload(...args);
      await untilInteractive(page);
      return response;
    };
    await provide(page);
  },

  health: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];

      page.on('pageerror', (error) => {
        problems.push(`uncaught exception: ${error.stack ?? error.message}`);
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const isExpectedFailedLoad =
          message.text().startsWith('Failed to load resource') &&
          allowed.some((pattern) => pattern.test(message.location().url));
        if (!isExpectedFailedLoad) problems.push(describeConsole(message));
      });

      await use({
        expectFailedLoads: (...urls) => {
          allowed.push(...urls);
        },
      });

      expect(problems, `the page logged errors:\n${problems.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
