/**
 * The network failing under a story the browser has to fetch (the late story, which the build
 * did not prerender): the connection lost, reset or refused, the server's 500 and 503, an answer
 * that never comes (the app's 10 s limit ends it), and a transfer the test server cuts short
 * (tests/browser/server.ts). Each is retried by the app, then shows its own title and message
 * in the site's frame, and "Try again" shows the story once the network is back. A fault that
 * clears after one or two tries is mended by the app's own retries with no error ever shown; a
 * slow answer within the limit shows the loading skeleton, then the story; and a story that is
 * not there (404) or is not valid is asked for once, never again by itself.
 *
 * Time is moved with page.clock (installed before the page loads), never slept through.
 */
import type { Page } from '@playwright/test';
import { expectSiteFrame, tabTo } from './checks';
import { expect, test } from './fixtures';
import {
  failStory,
  LATE_JSON,
  LATE_PATH,
  recordRequests,
  restoreStory,
  serveLateStory,
  story,
  waitThroughRetries,
  type StoryFailure,
} from './pages';
import { headline, timeline } from './storyParts';

/** The first try and the app's three retries. */
const TRIES = 4;

/** Longer than every backoff between tries (1, 2 and 4 s), so that a retry would have been made. */
const PAST_ALL_BACKOFFS = 10_000;

const OFFLINE = {
  title: 'You seem to be offline',
  alert: 'We couldn’t reach the newsroom to load this story. Check your connection and try again.',
};
const serverError = (status: number) => ({
  title: 'Something went wrong on our side',
  alert: `The newsroom answered with an error (${status}). We couldn’t load this story; please try again.`,
});

interface Fault {
  readonly failure: StoryFailure;
  readonly what: string;
  readonly title: string;
  readonly alert: string;
}

const FAULTS: readonly Fault[] = [
  { failure: 'network', what: 'the connection lost (net::ERR_INTERNET_DISCONNECTED)', ...OFFLINE },
  { failure: 'connection-reset', what: 'the connection reset (net::ERR_CONNECTION_RESET)', ...OFFLINE },
  { failure: 'connection-refused', what: 'the connection refused (net::ERR_CONNECTION_REFUSED)', ...OFFLINE },
  { failure: 'server', what: 'a server error (500)', ...serverError(500) },
  { failure: 'unavailable', what: 'the server unavailable (503)', ...serverError(503) },
  {
    failure: 'hang',
    what: 'no answer within the 10 s limit',
    title: 'This is taking too long',
    alert: 'The newsroom took too long to send this story. Check your connection and try again.',
  },
  // Status 200 and the headers arrive, then the body stops half way (Chromium logs
  // net::ERR_CONTENT_LENGTH_MISMATCH): fetch resolves and reading the text fails. That is the
  // network's doing, not the content's, so it is retried and told as the network; read as
  // content, it would say "This can’t be shown" and never be retried.
  { failure: 'cut-short', what: 'a transfer cut short half way', ...OFFLINE },
];

/** The texts of every page heading and alert the page ever shows, however briefly. */
async function watchMessages(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__messagesSeen', { value: seen });
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('h1, [role="alert"]')) {
        const text = `${element.tagName === 'H1' ? 'heading' : 'alert'}: ${element.textContent ?? ''}`;
        if (!seen.includes(text)) seen.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __messagesSeen: string[] }).__messagesSeen);
}

/** A promise and the function that settles it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/**
 * A slow response the test controls: the late story is answered only once `release` is called.
 * `asked` settles when the page has asked for it (and so started its ten-second limit).
 */
async function delayStory(page: Page): Promise<{ asked: Promise<void>; release: () => void }> {
  const asked = signal();
  const released = signal();
  await page.route(LATE_JSON, async (route) => {
    asked.fire();
    await released.promise;
    await serveLateStory(route);
  });
  return { asked: asked.promise, release: released.fire };
}

async function expectStory(page: Page): Promise<void> {
  await expect(headline(page)).toBeVisible();
  await expect(timeline(page)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
}

for (const [index, fault] of FAULTS.entries()) {
  // Half the faults are mended with the keyboard, half with a click.
  const how = index % 2 === 0 ? 'Enter' : 'a click';
  test(`${fault.what}: “${fault.title}” after ${TRIES} tries, then “Try again” (${how}) shows the story once the network is back`, async ({ page, health }) => {
    health.expectFailedLoads(LATE_JSON);
    const requests = recordRequests(page, LATE_JSON);
    await page.clock.install();
    await failStory(page, fault.failure);
    await page.goto(LATE_PATH);

    const title = page.getByRole('heading', { level: 1, name: fault.title, exact: true });
    await waitThroughRetries(page, title);
    await expect(page.getByRole('alert')).toHaveText(fault.alert);
    await expectSiteFrame(page);
    expect(requests, 'requests for the story').toHaveLength(TRIES);

    await restoreStory(page);
    const retry = page.getByRole('button', { name: 'Try again' });
    if (how === 'Enter') {
      await tabTo(page, retry);
      await page.keyboard.press('Enter');
    } else {
      await retry.click();
    }
    await expectStory(page);
    expect(requests, 'requests for the story').toHaveLength(TRIES + 1);
  });
}

test('a slow answer within the limit shows the loading skeleton, then the story, and no error', async ({ page }) => {
  const messagesSeen = await watchMessages(page);
  const requests = recordRequests(page, LATE_JSON);
  await page.clock.install();
  const answer = await delayStory(page);
  await page.goto(LATE_PATH);
  await answer.asked;

  const loading = page.getByRole('status').filter({ hasText: 'Loading the story…' });
  await expect(loading).toBeAttached();
  await expect(page.locator('[aria-busy="true"]')).toBeVisible();
  // Nine seconds on, still within the ten-second limit: still loading, no message.
  await page.clock.fastForward(9_000);
  await expect(loading).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);

  answer.release();
  await expectStory(page);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  expect(requests, 'requests for the story').toHaveLength(1);
  expect(await messagesSeen()).toEqual([`heading: ${story.headline}`]);
});

const CLEARING: readonly { failure: StoryFailure; what: string; times: number }[] = [
  { failure: 'network', what: 'the connection lost once', times: 1 },
  { failure: 'unavailable', what: 'the server unavailable (503) twice', times: 2 },
];

for (const { failure, what, times } of CLEARING) {
  test(`${what}, then back: the app’s own retries show the story, and no error is ever shown`, async ({ page, health }) => {
    health.expectFailedLoads(LATE_JSON);
    const messagesSeen = await watchMessages(page);
    const requests = recordRequests(page, LATE_JSON);
    await page.clock.install();
    await failStory(page, failure, { times });
    await page.goto(LATE_PATH);

    await waitThroughRetries(page, headline(page));
    await expectStory(page);
    expect(requests, 'requests for the story').toHaveLength(times + 1);
    expect(await messagesSeen()).toEqual([`heading: ${story.headline}`]);
  });
}

const NOT_RETRIED: readonly { what: string; failure?: StoryFailure; title: string }[] = [
  { what: 'a story not in the feed (404)', title: 'Story not found' },
  { what: 'a story that is not valid JSON', failure: 'invalid', title: 'This can’t be shown' },
];

for (const { what, failure, title } of NOT_RETRIED) {
  test(`${what} is asked for once: “${title}”, and no retry however long the reader waits`, async ({ page, health }) => {
    health.expectFailedLoads(LATE_JSON);
    const requests = recordRequests(page, LATE_JSON);
    await page.clock.install();
    if (failure) await failStory(page, failure);
    await page.goto(LATE_PATH);

    const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
    await expect(heading).toBeVisible();
    await page.clock.fastForward(PAST_ALL_BACKOFFS);
    await page.clock.fastForward(PAST_ALL_BACKOFFS);
    await expect(heading).toBeVisible();
    await expectSiteFrame(page);
    expect(requests, 'requests for the story').toHaveLength(1);
  });
}
