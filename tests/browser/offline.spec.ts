/**
 * Offline reading: a story read once opens again with no network, says that it is a saved copy,
 * and becomes the fresh story again when the network is back.
 */
import { decodedPicture } from './checks';
import { expect, test } from './fixtures';
import { STORY_JSON, openWithServiceWorker, readStoryForOffline, story } from './pages';

test.use({ serviceWorkers: 'allow' });

test('a story read once can be read again offline, marked as a saved copy, and refreshes when back online', async ({
  page,
  context,
  health,
}) => {
  await readStoryForOffline(page);

  await context.setOffline(true);
  // While offline the browser logs the failed requests for the page and the story's data.
  health.expectFailedLoads(STORY_JSON, /\/articles\/[a-z0-9-]+$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /copy of the story saved on/ })).toBeVisible();
  // The story's first and last paragraphs (neither repeats the standfirst nor holds a link).
  for (const block of [story.body[0], story.body.at(-1)]) {
    await expect(page.getByText(block?.text ?? '(missing)', { exact: true })).toBeVisible();
  }

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByRole('status').filter({ hasText: /copy of the story saved on/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
});

test('a page never visited, opened offline, gets the app shell and a clear message, not a browser error', async ({
  page,
  context,
  health,
}) => {
  await openWithServiceWorker(page, '/');
  await context.setOffline(true);
  health.expectFailedLoads(/\/content\/articles\/[a-z0-9-]+\.json$/, /\/articles\/[a-z0-9-]+$/);
  await page.goto('/articles/a-story-never-read');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/offline/i);
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('the editors’ preview, opened once online, opens offline under its own policy and draws the draft’s social card', async ({
  page,
  context,
  health,
}) => {
  await openWithServiceWorker(page, '/preview');
  // Opened again under the service worker, which keeps the page and the code the card needs.
  await page.reload();
  const card = page.getByRole('region', { name: 'Social card' }).getByRole('img');
  await expect(card).toBeVisible();

  await context.setOffline(true);
  health.expectFailedLoads(/\/preview$/);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(card).toBeVisible();
  const src = await card.getAttribute('src');
  expect(src).toMatch(/^blob:/);
  expect((await decodedPicture(page, src ?? '')).variance).toBeGreaterThan(500);
});
