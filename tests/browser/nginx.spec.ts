/**
 * Going live: the generated deploy/nginx.conf in a real nginx, and the Node server behind
 * `npm start`, both serving a copy of the build into which a story is published after the build.
 * One table of addresses and answers (status, body, cache and security headers, revalidation,
 * gzip) is checked against both, so the two cannot drift; then the reader's pages, the preview and
 * offline reading in Chromium, through nginx.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { contentSecurityPolicyHeader, type PageKind } from '../../scripts/contentSecurityPolicy';
import { CACHE_CONTROL, FILE_TYPES, securityHeaders, type CacheKind } from '../../scripts/siteRules';
import { NGINX_PORT, copySite, publishStory, removeSite, startNginx, startNodeServer, type Running, type Site } from './deployServers';
import { expect, test } from './fixtures';
import { STORY_JSON, STORY_PATH, STORY_SLUG, readStoryForOffline, story, storyText } from './pages';
import { openPreview } from './previewParts';

declare global {
  interface Window {
    /** Every Content Security Policy violation the document reported (recorded by an init script). */
    cspViolations?: string[];
  }
}

const PUBLISHED_SLUG = 'iran-talks-published-after-the-build';
const PUBLISHED = {
  slug: PUBLISHED_SLUG,
  headline: 'Iran talks: a story published after the build',
  published: '2025-03-21',
};
const PUBLISHED_PATH = `/articles/${PUBLISHED_SLUG}`;
const PUBLISHED_TEXT = storyText
  .replace(`"slug": "${STORY_SLUG}"`, `"slug": "${PUBLISHED_SLUG}"`)
  .replace(`"headline": ${JSON.stringify(story.headline)}`, `"headline": ${JSON.stringify(PUBLISHED.headline)}`);

// One nginx and one Node server for the file, on fixed ports: its tests run in order in one worker.
test.describe.configure({ mode: 'default' });

let site: Site;
let nginx: Running;
let node: Running;

test.beforeAll(async () => {
  site = copySite();
  publishStory(site, PUBLISHED, PUBLISHED_TEXT);
  // One after the other: should the second fail to start, afterAll still stops the first.
  nginx = await startNginx(site);
  node = await startNodeServer(site);
});

test.afterAll(async () => {
  await Promise.all([nginx?.stop(), node?.stop()]);
  if (site) removeSite(site);
});

const siteFile = (path: string) => readFileSync(join(site.root, path), 'utf8');
const firstFile = (dir: string, prefix: string, extension: string) =>
  `/${dir}/${readdirSync(join(site.root, dir)).find((name) => name.startsWith(prefix) && name.endsWith(extension)) ?? '(none)'}`;
const firstAsset = (extension: string) => firstFile('assets', 'index-', extension);

interface Row {
  readonly what: string;
  readonly path: string | (() => string);
  readonly status: 200 | 404;
  readonly type: string;
  readonly cache: CacheKind;
  /** The file under the site root that is sent (for the body and the .gz beside it). */
  readonly file?: string | (() => string);
  readonly body?: (text: string) => void;
  readonly robots?: string;
  /** The page's kind of policy (scripts/contentSecurityPolicy.ts): the reader's unless said. */
  readonly policy?: PageKind;
}

const notFoundPage = (text: string) => expect(text).toBe(siteFile('404.html'));
const appShell = (text: string) => expect(text).toBe(siteFile('200.html'));
const previewShell = (text: string) => expect(text).toBe(siteFile('preview.html'));
const prerenderedFor = (url: string) => (text: string) => expect(text).toContain(`data-prerendered="${url}"`);
const json = (text: string) => expect(() => JSON.parse(text) as unknown).not.toThrow();

/** The status table of the issue, and the files around it. */
const ROWS: readonly Row[] = [
  { what: 'the front page', path: '/', status: 200, type: 'text/html', cache: 'news', file: '/index.html', body: prerenderedFor('/') },
  { what: 'a prerendered story', path: STORY_PATH, status: 200, type: 'text/html', cache: 'news', file: `/articles/${STORY_SLUG}.html`, body: prerenderedFor(STORY_PATH) },
  { what: 'a story published after the build', path: PUBLISHED_PATH, status: 200, type: 'text/html', cache: 'news', file: '/200.html', body: appShell },
  { what: 'a story that has no file', path: '/articles/no-such-story', status: 404, type: 'text/html', cache: 'notFound', body: notFoundPage },
  { what: 'an unknown address', path: '/no/such/page', status: 404, type: 'text/html', cache: 'notFound', body: notFoundPage },
  { what: 'the not-found page by its file name', path: '/404.html', status: 404, type: 'text/html', cache: 'notFound', body: notFoundPage },
  { what: 'a missing asset', path: '/assets/no-such-file.js', status: 404, type: 'text/html', cache: 'notFound', body: notFoundPage },
  { what: 'build bookkeeping', path: '/.vite/prerender-template.html', status: 404, type: 'text/html', cache: 'notFound', body: notFoundPage },
  {
    what: 'a missing story file',
    path: '/content/articles/no-such-story.json',
    status: 404,
    type: 'application/json',
    cache: 'notFound',
    body: (text) => {
      json(text);
      expect(text).not.toContain('<');
    },
  },
  { what: 'the preview', path: '/preview', status: 200, type: 'text/html', cache: 'preview', file: '/preview.html', body: previewShell, robots: 'noindex', policy: 'preview' },
  { what: 'the preview by its file name', path: '/preview.html', status: 200, type: 'text/html', cache: 'preview', file: '/preview.html', body: previewShell, robots: 'noindex', policy: 'preview' },
  { what: 'a preview pane', path: '/preview/frame', status: 200, type: 'text/html', cache: 'preview', file: '/200.html', body: appShell, robots: 'noindex' },
  { what: 'the app shell', path: '/200.html', status: 200, type: 'text/html', cache: 'news', file: '/200.html', body: appShell },
  { what: 'a story file', path: `/content/articles/${STORY_SLUG}.json`, status: 200, type: 'application/json', cache: 'news', file: `/content/articles/${STORY_SLUG}.json`, body: json },
  { what: 'the published story’s file', path: `/content/articles/${PUBLISHED_SLUG}.json`, status: 200, type: 'application/json', cache: 'news', file: `/content/articles/${PUBLISHED_SLUG}.json`, body: json },
  {
    what: 'the list of stories',
    path: '/content/articles/index.json',
    status: 200,
    type: 'application/json',
    cache: 'news',
    file: '/content/articles/index.json',
    body: (text) => expect(text).toContain(PUBLISHED_SLUG),
  },
  { what: 'the app’s script', path: () => firstAsset('.js'), status: 200, type: 'application/javascript', cache: 'immutable', file: () => firstAsset('.js') },
  { what: 'the app’s styles', path: () => firstAsset('.css'), status: 200, type: 'text/css', cache: 'immutable', file: () => firstAsset('.css') },
  {
    what: 'the preview’s card worker',
    path: () => firstFile('assets/preview', 'previewCard.worker-', '.js'),
    status: 200,
    type: 'application/javascript',
    cache: 'immutable',
    file: () => firstFile('assets/preview', 'previewCard.worker-', '.js'),
    policy: 'preview',
  },
  { what: 'the card layout engine', path: () => firstFile('assets', 'layout-', '.wasm'), status: 200, type: 'application/wasm', cache: 'immutable', file: () => firstFile('assets', 'layout-', '.wasm') },
  { what: 'a card font', path: () => firstFile('assets', 'source-serif-4-latin-700-normal-', '.woff'), status: 200, type: 'font/woff', cache: 'immutable' },
  { what: 'a story’s social card', path: () => firstFile('articles', `${STORY_SLUG}.card-`, '.png'), status: 200, type: 'image/png', cache: 'immutable' },
  { what: 'the service worker', path: '/sw.js', status: 200, type: 'application/javascript', cache: 'revalidate', file: '/sw.js' },
  { what: 'the icon', path: '/favicon.svg', status: 200, type: 'image/svg+xml', cache: 'static', file: '/favicon.svg' },
  { what: 'the tab’s icon', path: '/favicon.png', status: 200, type: 'image/png', cache: 'static', file: '/favicon.png' },
  { what: 'the web app manifest', path: '/manifest.webmanifest', status: 200, type: 'application/manifest+json', cache: 'static', file: '/manifest.webmanifest' },
  { what: 'robots.txt', path: '/robots.txt', status: 200, type: 'text/plain', cache: 'static', file: '/robots.txt' },
];

/** Types sent with a charset (scripts/siteRules.ts, FILE_TYPES). */
const TEXT_TYPES = new Set(Object.values(FILE_TYPES).filter((type) => type.text).map((type) => type.type));

const valueOf = (value: string | (() => string)) => (typeof value === 'string' ? value : value());

function gzipSize(file: string): number | undefined {
  try {
    return statSync(join(site.root, `${file}.gz`)).size;
  } catch {
    return undefined;
  }
}

/** Checks every row against one server: the same table for nginx and for the Node server. */
async function checkStatusTable(request: APIRequestContext, base: string): Promise<void> {
  const security = securityHeaders(undefined);
  for (const row of ROWS) {
    const path = valueOf(row.path);
    const url = `${base}${path}`;
    await test.step(`${row.what} (${path}): ${row.status}`, async () => {
      const response = await request.get(url, { headers: { 'Accept-Encoding': 'identity' } });
      const headers = response.headers();
      expect(response.status(), url).toBe(row.status);
      expect(headers['content-type'], url).toBe(TEXT_TYPES.has(row.type) ? `${row.type}; charset=utf-8` : row.type);
      expect(headers['cache-control'], url).toBe(CACHE_CONTROL[row.cache]);
      const expected = { ...security, 'Content-Security-Policy': contentSecurityPolicyHeader(undefined, { page: row.policy ?? 'reader' }) };
      for (const [name, value] of Object.entries(expected)) expect(headers[name.toLowerCase()], `${name} on ${url}`).toBe(value);
      expect(headers['x-robots-tag'], url).toBe(row.robots);
      expect(headers['content-encoding'], url).toBeUndefined();
      row.body?.(await response.text());

      const head = await request.head(url);
      expect(head.status(), `HEAD ${url}`).toBe(row.status);
      expect(await head.body(), `HEAD ${url}`).toHaveLength(0);

      if (row.status !== 200) return;
      const etag = headers.etag;
      expect(etag ?? headers['last-modified'], `a validator on ${url}`).toBeTruthy();
      const conditional: Record<string, string> = etag ? { 'If-None-Match': etag } : { 'If-Modified-Since': headers['last-modified'] ?? '' };
      const revalidated = await request.get(url, { headers: { ...conditional, 'Accept-Encoding': 'identity' } });
      expect(revalidated.status(), `revalidating ${url}`).toBe(304);
      expect(revalidated.headers()['cache-control'], `revalidating ${url}`).toBe(CACHE_CONTROL[row.cache]);

      const file = row.file === undefined ? undefined : valueOf(row.file);
      const size = file === undefined ? undefined : gzipSize(file);
      if (size === undefined) return;
      const gzipped = await request.get(url, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gzipped.headers()['content-encoding'], `gzip for ${url}`).toBe('gzip');
      // The .gz written beside the file, sent as is.
      expect(gzipped.headers()['content-length'], `gzip for ${url}`).toBe(String(size));
      expect(gzipped.headers().vary, `gzip for ${url}`).toBe('Accept-Encoding');
      row.body?.(await gzipped.text());
    });
  }
}

test('nginx, with the generated deploy/nginx.conf, answers the status table with its cache and security headers', async ({ request }) => {
  await checkStatusTable(request, nginx.url);
});

test('the Node server (npm start) answers the same table the same way', async ({ request }) => {
  await checkStatusTable(request, node.url);
});

/** Records CSP violations in every document of the page (frames too), from before its first script. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
}

async function expectNoCspViolations(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    expect(await frame.evaluate(() => window.cspViolations ?? []), `CSP violations in ${frame.url()}`).toEqual([]);
  }
}

test.describe('in Chromium, through nginx', () => {
  test.use({ baseURL: `http://127.0.0.1:${NGINX_PORT}` });

  test('the front page lists a story published after the build, which reads; a story, the not-found pages and the preview', async ({
    page,
    health,
  }) => {
    await watchCsp(page);

    await test.step('the front page, with the story published after the build', async () => {
      expect((await page.goto('/'))?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: 'Latest stories' })).toBeVisible();
      await expect(page.getByRole('link', { name: PUBLISHED.headline })).toBeVisible();
      await expectNoCspViolations(page);
    });

    await test.step('the story published after the build, from the front page and by its address', async () => {
      await page.getByRole('link', { name: PUBLISHED.headline }).click();
      await expect(page.getByRole('heading', { level: 1, name: PUBLISHED.headline })).toBeVisible();
      expect((await page.goto(PUBLISHED_PATH))?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: PUBLISHED.headline })).toBeVisible();
      await expect(page.getByText(story.body[0]?.text ?? '(missing)', { exact: true })).toBeVisible();
      await expectNoCspViolations(page);
    });

    await test.step('a prerendered story', async () => {
      expect((await page.goto(STORY_PATH))?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
      await expectNoCspViolations(page);
    });

    await test.step('the not-found page, served at an unknown address with 404', async () => {
      health.expectFailedLoads(/\/no\/such\/page$/);
      expect((await page.goto('/no/such/page'))?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
      await expectNoCspViolations(page);
    });

    await test.step('a story with no file: 404, and the story’s own not-found page', async () => {
      health.expectFailedLoads(/\/articles\/no-such-story$/, /\/content\/articles\/no-such-story\.json$/);
      expect((await page.goto('/articles/no-such-story'))?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Story not found' })).toBeVisible();
      await expectNoCspViolations(page);
    });

    await test.step('the editors’ preview, with its panes framed from the same site, and the draft’s card drawn under its policy', async () => {
      await openPreview(page);
      // The worker runs under its own script's policy (the preview's, for WebAssembly): a card drawn proves it.
      const card = page.getByRole('region', { name: 'Social card' }).getByRole('img');
      await expect(card).toBeVisible();
      expect(await card.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight])).toEqual([1200, 630]);
      await expectNoCspViolations(page);
    });
  });

  test.describe('with the service worker', () => {
    test.use({ serviceWorkers: 'allow' });

    test('a story read once reads again offline', async ({ page, context, health }) => {
      await watchCsp(page);
      await readStoryForOffline(page);
      await expectNoCspViolations(page);

      await context.setOffline(true);
      health.expectFailedLoads(STORY_JSON, /\/articles\/[a-z0-9-]+(?:\?.*)?$/);
      const paragraphs = [story.body[0], story.body.at(-1)].map((block) => block?.text ?? '(missing)');
      // Within its minute of freshness (Cache-Control) the browser's own cache may answer the reload…
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
      for (const text of paragraphs) await expect(page.getByText(text, { exact: true })).toBeVisible();
      // …so an address no cache has seen makes sure the worker answers: its shell, which reads the saved story.
      await page.goto(`${STORY_PATH}?opened=offline`);
      await expect(page.locator('#root')).not.toHaveAttribute('data-prerendered');
      await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
      for (const text of paragraphs) await expect(page.getByText(text, { exact: true })).toBeVisible();
      await expectNoCspViolations(page);
    });
  });
});
