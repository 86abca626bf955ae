/**
 * The browser half of `npm run bench` (scripts/bench.ts runs it after Lighthouse): the files named
 * `*.bench.ts` in tests/browser, which time things on this machine's clock and print the figures
 * (a 1 MB draft in the preview, a story of several megabytes in the reader). They are not in the
 * test run: a noisy two-core clock must not fail a build. Serves the build in BENCH_DIST (or dist).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/browser/chromium';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DIST = resolve(process.env.BENCH_DIST ?? 'dist');

if (!existsSync(resolve(DIST, 'index.html'))) {
  throw new Error(`No production build in ${DIST}. Run \`npm run bench\`, which builds first.`);
}

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.bench.ts',
  outputDir: 'bench-results',
  // One at a time: each measures the machine, and two would measure each other.
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 300_000,
  expect: { timeout: 60_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    serviceWorkers: 'block',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'off',
    video: 'off',
  },
  webServer: {
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
