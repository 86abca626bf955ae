import { chromium } from 'playwright-core';
import { contentSecurityPolicyHeader } from '../scripts/contentSecurityPolicy';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const replace of [false, true]) {
  const context = await browser.newContext();
  const logs: string[] = [];
  if (replace) {
    await context.route(/\/assets\/preview\/previewCard\.worker-.*\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': contentSecurityPolicyHeader(undefined) } });
    });
  }
  const page = await context.newPage();
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text().slice(0, 200)}`));
  await page.goto('http://127.0.0.1:4310/preview');
  const status = page.getByRole('region', { name: 'Social card' }).getByRole('status');
  await status.filter({ hasText: /build will make|could not be drawn/ }).waitFor({ timeout: 60000 });
  console.log(replace ? 'worker under the reader policy:' : 'worker under the preview policy:', await status.textContent());
  console.log(logs.filter((l) => !l.startsWith('log')).join('\n'));
  await context.close();
}
await browser.close();
