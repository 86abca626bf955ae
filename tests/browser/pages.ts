/**
 * The pages the suite visits: the front page, the story, the two not-found pages and the four
 * ways a story can fail to load, each with how to reach it and how to tell that it has loaded;
 * the ways the late story's request can be made to fail; and moving between pages in the app.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page, Route } from '@playwright/test';
import type { Article } from '../../src/content/schema';
import { expect, type PageHealth } from './fixtures';
import { CUT_SHORT_PATH } from './server';

export const STORY_SLUG = 'us-israel-high-level-talks-iran-white-house';
export const STORY_PATH = `/articles/${STORY_SLUG}`;
/** Every request for the story's JSON, whatever the content base's origin. */
export const STORY_JSON = new RegExp(`/content/articles/${STORY_SLUG}\\.json(?:\\?.*)?$`);

/**
 * A story published after the build: the build prerenders the stories it knows with their data,
 * so a failed fetch is met on a story the site learns of later (served through the single-page
 * fallback, fetched by the browser). The error states use it; its content is the real story's.
 */
export const LATE_SLUG = 'iran-talks-follow-up';
export const LATE_PATH = `/articles/${LATE_SLUG}`;
export const LATE_JSON = new RegExp(`/content/articles/${LATE_SLUG}\\.json(?:\\?.*)?$`);

/** The real content file the app ships, as written; the bad inputs here and the fixture files are made from it. */
export const storyText = readFileSync(new URL(`../../public/content/articles/${STORY_SLUG}.json`, import.meta.url), 'utf8');
/** The real story, parsed. */
export const story = JSON.parse(storyText) as Article;

export const WIDTHS = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
export const SCHEMES = ['light', 'dark'] as const;

/**
 * How a request for the late story fails: the connection lost, reset or refused; the server's
 * 500 or 503; no answer at all ('hang': the app's own time limit ends it); a transfer the test
 * server cuts short; or an answer that is not a story the reader can show.
 */
export type StoryFailure =
  | 'network'
  | 'connection-reset'
  | 'connection-refused'
  | 'server'
  | 'unavailable'
  | 'hang'
  | 'cut-short'
  | 'invalid'
  | 'version';

export interface PageCase {
  /** Short and file-name safe: used in test titles and screenshot names. */
  readonly id: string;
  readonly path: string;
  /** The page's one `h1` once it has loaded. */
  readonly heading: string | RegExp;
  /** For error states: the text of the alert that explains the failure. */
  readonly alert?: RegExp;
  readonly failure?: StoryFailure;
  /** Requests the browser will log as failed, on purpose. */
  readonly failedLoads?: readonly RegExp[];
}

export const PAGES: readonly PageCase[] = [
  { id: 'front', path: '/', heading: 'Latest stories' },
  { id: 'article', path: STORY_PATH, heading: story.headline },
  { id: 'not-found-path', path: '/no/such/page', heading: 'Page not found' },
  {
    id: 'not-found-story',
    path: '/articles/no-such-story',
    heading: 'Story not found',
    failedLoads: [/\/content\/articles\/no-such-story\.json$/],
  },
  {
    id: 'error-network',
    path: LATE_PATH,
    failure: 'network',
    heading: 'You seem to be offline',
    alert: /couldn’t reach the newsroom to load this story/,
    failedLoads: [LATE_JSON],
  },
  {
    id: 'error-server',
    path: LATE_PATH,
    failure: 'server',
    heading: 'Something went wrong on our side',
    alert: /answered with an error \(500\)/,
    failedLoads: [LATE_JSON],
  },
  {
    id: 'error-invalid',
    path: LATE_PATH,
    failure: 'invalid',
    heading: 'This can’t be shown',
    alert: /This story can’t be shown/,
  },
  {
    id: 'error-version',
    path: LATE_PATH,
    failure: 'version',
    heading: 'This can’t be shown',
    alert: /schema version 2 is not supported/,
  },
];

export function pageCase(id: string): PageCase {
  const found = PAGES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No page case "${id}"`);
  return found;
}

/** Answers a request for the late story with the story, whole and valid. */
export function serveLateStory(route: Route): Promise<void> {
  return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...story, slug: LATE_SLUG }) });
}

/**
 * Makes requests for the late story fail in the given way: every one until `restoreStory` is
 * called, or only the first `times`, after which the story is served (a fault that clears).
 */
export async function failStory(page: Page, failure: StoryFailure, { times = Infinity }: { times?: number } = {}): Promise<void> {
  let failed = 0;
  await page.route(LATE_JSON, async (route) => {
    if (failed >= times) return serveLateStory(route);
    failed += 1;
    switch (failure) {
      case 'network':
        return route.abort('internetdisconnected');
      case 'connection-reset':
        return route.abort('connectionreset');
      case 'connection-refused':
        return route.abort('connectionrefused');
      case 'server':
        return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
      case 'unavailable':
        return route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' });
      case 'hang':
        // Never answered: the request stays open until the page gives up on it.
        return;
      case 'cut-short':
        // On to the test server, which sends half the story and drops the connection.
        return route.continue({ url: new URL(CUT_SHORT_PATH, route.request().url()).href });
      case 'invalid':
        // The real file cut off half way: truncated JSON.
        return route.fulfill({ status: 200, contentType: 'application/json', body: storyText.slice(0, storyText.length / 2) });
      case 'version':
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ ...story, slug: LATE_SLUG, schemaVersion: 2 }),
        });
    }
  });
}

/**
 * The feed recovers: from now on the late story is served, whole and valid. The newest route runs
 * first and answers, so the failing one is never reached again. It is not removed first: between an
 * unroute and the new route, a request for the story would reach the real server, which has no such
 * story. A full run once logged that 404 on the error-version page, whose "Try again" then found no
 * story; which request the app made in that gap is not known.
 */
export async function restoreStory(page: Page): Promise<void> {
  await page.route(LATE_JSON, serveLateStory);
}

/** Network, server and time-limit failures are retried with backoff; these cases need the clock moved on. */
function retried(failure: StoryFailure | undefined): boolean {
  return failure !== undefined && failure !== 'invalid' && failure !== 'version';
}

export function pageHeading(page: Page, pageCase: PageCase): Locator {
  return page.getByRole('heading', { level: 1, name: pageCase.heading, exact: true });
}

/**
 * Waits for a heading that only appears after the app's retries with backoff have run out (or,
 * for a fault that clears, after the retry that works). The page's clock is fake (installed
 * before the page loaded) but keeps running; each round jumps it past the next backoff delay, or
 * a hanging request's time limit, instead of sleeping through it. Short rounds: a try answered
 * by a route takes a few milliseconds, and there are up to four tries to get through.
 */
export async function waitThroughRetries(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    await page.clock.fastForward(10_000);
    await expect(target).toBeVisible({ timeout: 100 });
  }).toPass({ timeout: 20_000, intervals: [25, 50, 100] });
}

/** Opens a page case, with its failure routed, and waits until the page has finished loading. */
export async function openPage(page: Page, health: PageHealth, pageCase: PageCase, search = ''): Promise<void> {
  health.expectFailedLoads(...(pageCase.failedLoads ?? []));
  if (pageCase.failure) await failStory(page, pageCase.failure);
  if (retried(pageCase.failure)) await page.clock.install();
  await page.goto(pageCase.path + search);
  const heading = pageHeading(page, pageCase);
  if (retried(pageCase.failure)) await waitThroughRetries(page, heading);
  await expect(heading).toBeVisible();
  if (pageCase.alert) await expect(page.getByRole('alert')).toHaveText(pageCase.alert);
  if (pageCase.failure) await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // Whatever the page shows, it has stopped loading: no skeleton or busy region is left.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** The URLs of the requests the page makes that match `pattern`, recorded as they are made. */
export function recordRequests(page: Page, pattern: RegExp): readonly string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (pattern.test(request.url())) urls.push(request.url());
  });
  return urls;
}

/** Goes to `path` inside the app, as a link would: no new page load. */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Items in groups of `size`, each group read in one page: a fresh page per item would take far longer. */
export function groupsOf<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, index * size + size));
}

/** Opens `path` and waits until the service worker it installs is active. */
export async function openWithServiceWorker(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/**
 * Reads the story once with the service worker in charge, so that the worker keeps a copy of its
 * data for offline reading: the first load installs the worker, the reload goes through it, and the
 * story's JSON is then in the worker's cache.
 */
export async function readStoryForOffline(page: Page): Promise<void> {
  await openWithServiceWorker(page, STORY_PATH);
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible();
  await page.reload();
  await expect
    .poll(() => page.evaluate(async (url) => Boolean(await caches.match(url)), new URL(`/content/articles/${STORY_SLUG}.json`, page.url()).href))
    .toBe(true);
}
