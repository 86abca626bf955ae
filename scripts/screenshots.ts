/**
 * Screenshots of a page at the three widths we judge layouts at, light and dark, for a person
 * to look at: `npm run screenshots -- /articles/some-slug` against a running `npm run preview`.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
const paths = process.argv.slice(2);
const widths = [360, 768, 1280];
const outDir = 'test-results/screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const path of paths.length ? paths : ['/']) {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(base + path);
      await page.waitForLoadState('networkidle');
      const name = `${path.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${width}-${scheme}.png`;
      await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      console.log(`${outDir}/${name}`);
      await page.close();
    }
  }
}
await browser.close();
