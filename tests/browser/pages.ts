/**
 * The pages the suite visits: the front page, the story, the two not-found pages and the four
 * ways a story can fail to load, each with how to reach it and how to tell that it has loaded.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Article } from '../../src/content/schema';
import { expect, type PageHealth } from './fixtures';

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

const storyText = readFileSync(new URL(`../../public/content/articles/${STORY_SLUG}.json`, import.meta.url), 'utf8');
/** The real content file the app ships; the bad inputs below are made from it. */
export const story = JSON.parse(storyText) as Article;

export const WIDTHS = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
] as const;
export const SCHEMES = ['light', 'dark'] as const;

export type StoryFailure = 'network' | 'server' | 'invalid' | 'version';

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

/** Makes every request for the late story fail in the given way, until `restoreStory` is called. */
export async function failStory(page: Page, failure: StoryFailure): Promise<void> {
  await page.route(LATE_JSON, async (route) => {
    switch (failure) {
      case 'network':
        return route.abort('internetdisconnected');
      case 'server':
        return route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' });
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

/** The feed recovers: from now on the late story is served, whole and valid. */
export async function restoreStory(page: Page): Promise<void> {
  await page.unroute(LATE_JSON);
  await page.route(LATE_JSON, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...story, slug: LATE_SLUG }) }),
  );
}

/** Network and server failures are retried with backoff; these cases need the clock moved on. */
function retried(failure: StoryFailure | undefined): boolean {
  return failure === 'network' || failure === 'server';
}

export function pageHeading(page: Page, pageCase: PageCase): Locator {
  return page.getByRole('heading', { level: 1, name: pageCase.heading, exact: true });
}

/**
 * Waits for a heading that only appears after the app's retries with backoff have run out. The
 * page's clock is fake (installed before the page loaded) but keeps running; each round jumps
 * it past the next backoff delay instead of sleeping through it.
 */
export async function waitThroughRetries(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    await page.clock.fastForward(10_000);
    await expect(target).toBeVisible({ timeout: 250 });
  }).toPass({ timeout: 20_000, intervals: [50, 100, 250] });
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
