import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/browser/chromium';

// TEST_PORT lets two checkouts run their suites side by side on one machine.
const PORT = Number(process.env.TEST_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

// The suite tests the production build; `npm run test:browser` builds it first. Without one the
// preview server would serve nothing useful, so say so rather than fail every test one by one.
if (!existsSync(new URL('./dist/index.html', import.meta.url))) {
  throw new Error('No production build in dist/. Run `npm run build` (or `npm run test:browser`, which builds first).');
}

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  // Nothing that needs the network, and nothing that opens a browser window afterwards.
  reporter: 'list',
  // Generous: on a busy 2-core machine a page that settles in a second can take several.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    // A service worker answers requests before page.route can see them (and would keep a cache
    // between tests): the suite runs without one; a spec about the offline worker allows it itself.
    serviceWorkers: 'block',
    // Debian's Chromium, never a downloaded build (chromiumPath() throws with a clear message if absent).
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    // The suite's own full-page screenshots go to test-results/screenshots/; these are for failures.
    screenshot: 'only-on-failure',
    trace: 'off',
    video: 'off',
  },
  webServer: {
    // Vite's preview of dist/, plus the fixture story files and a transfer cut short (see the file).
    command: 'npx tsx tests/browser/server.ts',
    env: { TEST_PORT: String(PORT) },
    url: `${BASE_URL}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
