/**
 * The `test` every browser spec uses. It watches the page for as long as the test runs and fails
 * the test on any uncaught exception or console error, so no spec has to remember to.
 *
 * The only console errors a test may declare are the browser's own "Failed to load resource"
 * lines for requests the test itself makes fail (a routed abort or 500, a story that is not in
 * the feed), and only for the URLs it names.
 */
import { test as base, expect, type ConsoleMessage } from '@playwright/test';

export interface PageHealth {
  /** The test makes these requests fail on purpose; the browser's log line for them is expected. */
  expectFailedLoads(...urls: readonly RegExp[]): void;
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber, columnNumber } = message.location();
  const where = url ? ` (at ${url}:${lineNumber}:${columnNumber})` : '';
  return `console.error: ${message.text()}${where}`;
}

export const test = base.extend<{ health: PageHealth }>({
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
