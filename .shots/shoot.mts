import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const story = readFileSync('public/content/articles/us-israel-high-level-talks-iran-white-house.json', 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [360, 768, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    await page.goto('http://127.0.0.1:4300/preview');
    await page.evaluate((text) => localStorage.setItem('dispatch.preview.draft', JSON.stringify({ text, savedAt: new Date().toISOString() })), story);
    await page.reload();
    const social = page.getByRole('region', { name: 'Social card' });
    await social.getByRole('img').waitFor({ state: 'visible', timeout: 60000 });
    await page.getByRole('heading', { name: 'Where the story travels' }).scrollIntoViewIfNeeded();
    const travel = page.locator('section', { has: page.getByRole('heading', { name: 'Where the story travels' }) });
    await travel.screenshot({ path: `.shots/travel-${width}-${scheme}.png` });
    await page.close();
  }
}
await browser.close();
