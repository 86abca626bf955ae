/**
 * A developing story: while a story is open, the page checks for a newer version (a 304 with no
 * body when there is none, and nothing on screen moves); a newer version is announced and shown
 * only when the reader asks, keeping their place, with what changed; a failed check changes
 * nothing. Corrections are shown openly, week dates read and sort as weeks, and the upcoming
 * badge follows the reader's clock. Time is driven with page.clock: no sleeps.
 */
import { readFileSync } from 'node:fs';
import type { Page, Request } from '@playwright/test';
import type { Article } from '../../src/content/schema';
import { UPDATE_CHECK_MS } from '../../src/features/article/updateChecks';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './checks';
import { expect, test } from './fixtures';
import { LATE_JSON, LATE_PATH, LATE_SLUG, STORY_JSON, STORY_PATH, story } from './pages';
import { storyArticle, timeline, timelineEvent, timelineEvents } from './storyParts';

const TALKS = 'U.S.-Israel talks on Iran at the White House';

/** Counts every change to the story's DOM (and to the update dock after it) from now on. */
async function watchForChanges(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const main = document.getElementById('main');
    if (!main) throw new Error('no main element');
    new MutationObserver((records) => {
      for (const record of records) seen.push(`${record.type} on ${(record.target as Element).nodeName ?? 'text'}`);
    }).observe(main, { subtree: true, childList: true, attributes: true, characterData: true });
    (window as unknown as { changesSeen: string[] }).changesSeen = seen;
  });
  return () => page.evaluate(() => (window as unknown as { changesSeen: string[] }).changesSeen);
}

/**
 * The status each request matching `url` got on the wire, in order. Playwright reports what the
 * page was handed, which for a revalidated copy is the cached 200; the DevTools protocol's raw
 * response says what the server sent.
 */
async function wireStatuses(page: Page, url: RegExp): Promise<() => number[]> {
  const ours: string[] = [];
  const statuses = new Map<string, number>();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => {
    if (url.test(event.request.url)) ours.push(event.requestId);
  });
  // The raw response's event may come before or after the request's: matched by id when read.
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    statuses.set(event.requestId, event.statusCode);
  });
  return () => ours.flatMap((id) => statuses.get(id) ?? []);
}

/**
 * Runs the clock on to the next check, and waits for its request to be answered. The app times
 * its next check from the moment it has taken in the last answer (TanStack Query sets its interval
 * again on each update of the query), which can be just after the test has seen that answer on the
 * wire: the interval that runs out is then the old one, whose check joins the fetch still being
 * read and asks nothing. One more interval brings the check. Either way exactly one request is
 * made, as a check while another is in flight joins it.
 */
async function nextCheck(page: Page) {
  const requested = page.waitForRequest(STORY_JSON);
  const answered = page.waitForResponse(STORY_JSON);
  await page.clock.fastForward(UPDATE_CHECK_MS);
  const made = await Promise.race([requested.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000))]);
  if (!made) await page.clock.fastForward(UPDATE_CHECK_MS);
  const response = await answered;
  // Its body read to the end, so that the browser's cache holds the copy the next check revalidates.
  await response.finished();
  return response;
}

/** What a request cost on the wire: request and response headers and the response body. */
async function bytesOf(request: Request): Promise<number> {
  const sizes = await request.sizes();
  return sizes.requestHeadersSize + sizes.requestBodySize + sizes.responseHeadersSize + sizes.responseBodySize;
}

/** The real story a few hours on (tests/fixtures/articles/story-developing.json; see the fixtures' README). */
const developing = JSON.parse(readFileSync(new URL('../fixtures/articles/story-developing.json', import.meta.url), 'utf8')) as Article;

test.describe('checking for a newer version', () => {
  test('an unchanged story costs a 304 per check, and nothing on screen changes', async ({ page }) => {
    const wire = await wireStatuses(page, STORY_JSON);
    await page.clock.install();
    await page.goto(STORY_PATH);
    await expect(storyArticle(page)).toBeVisible();
    const changes = await watchForChanges(page);

    await test.step('the first check fetches the story once (the page came with it, prerendered)', async () => {
      await nextCheck(page);
      await expect.poll(wire).toEqual([200]);
    });

    await test.step('each check after that is a conditional request answered 304, with no body', async () => {
      for (const check of [2, 3]) {
        const response = await nextCheck(page);
        // Chromium hands the page its cached copy (status 200); on the wire the server said 304.
        await expect.poll(wire).toEqual([200, ...Array<number>(check - 1).fill(304)]);
        expect(await response.request().headerValue('if-none-match')).toBeTruthy();
        const sizes = await response.request().sizes();
        expect(sizes.responseBodySize).toBe(0);
        console.log(`an unchanged check cost ${await bytesOf(response.request())} bytes on the wire (headers only)`);
      }
    });

    await test.step('nothing was drawn again: no mutation, no notice, the same title', async () => {
      expect(await changes()).toEqual([]);
      await expect(page.getByRole('button', { name: 'Show the update' })).toHaveCount(0);
      expect(await page.title()).not.toMatch(/^\(Updated\)/);
    });
  });

  test('a newer version is announced, shown on request where the reader is reading, with what changed', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    const next = developing;
    let serveUpdate = false;
    await page.route(STORY_JSON, (route) => (serveUpdate ? route.fulfill({ json: { ...next, slug: story.slug } }) : route.continue()));
    await page.clock.install();
    await page.goto(STORY_PATH);

    // The reader is half way down the story: the seventh paragraph at the top of the screen.
    const reading = storyArticle(page).getByText(story.body[6]?.text ?? '', { exact: true });
    await reading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    const changes = await watchForChanges(page);
    const readingTop = async () => (await reading.boundingBox())?.y ?? Number.NaN;
    const topBefore = await readingTop();

    await test.step('the update is held aside: the text stays, a notice and the title say so', async () => {
      serveUpdate = true;
      await nextCheck(page);
      const notice = page.getByRole('status').filter({ hasText: 'This story was updated at 16:05 GMT.' });
      await expect(notice).toBeVisible();
      await expect(page).toHaveTitle(/^\(Updated\) /);
      // The story on screen is the one the reader had: no paragraph was added or moved.
      await expect(storyArticle(page).getByText(next.body[0]?.text ?? '')).toHaveCount(0);
      expect(Math.abs((await readingTop()) - topBefore)).toBeLessThanOrEqual(2);
      expect((await changes()).every((change) => !change.endsWith('ARTICLE'))).toBe(true);
      await expectNoSidewaysScroll(page);
    });

    await test.step('"Show the update" swaps it in, and the paragraph being read stays where it was', async () => {
      await page.getByRole('button', { name: 'Show the update' }).click();
      await expect(storyArticle(page).getByText(next.body[0]?.text ?? '')).toHaveCount(1);
      expect(Math.abs((await readingTop()) - topBefore)).toBeLessThanOrEqual(2);
      await expect(page.getByText('What changed', { exact: true })).toBeFocused();
      await expect(page).toHaveTitle(/^(?!\(Updated\))/);
    });

    await test.step('the new and reworded paragraphs are marked, and the earlier wording is there on request', async () => {
      const added = storyArticle(page).getByText('New', { exact: true });
      await expect(added).toHaveCount(1);
      const reworded = storyArticle(page).getByText('Updated', { exact: true });
      await expect(reworded).toHaveCount(1);
      await storyArticle(page).getByText('Earlier wording').click();
      await expect(storyArticle(page).getByText(story.body[3]?.text ?? '', { exact: true })).toBeVisible();
    });

    await test.step('"What changed" lists the paragraphs, people, events and the new time', async () => {
      await page.getByText('What changed', { exact: true }).click();
      const list = page.getByRole('region', { name: 'The changes' });
      await expect(list).toBeVisible();
      await expect(list).toContainText('Updated 20 March 2025, 16:05 GMT');
      await expect(list.getByRole('listitem')).toHaveText([
        /^Paragraph added: “The White House confirmed the meeting/,
        /^Paragraph updated: “The two teams are expected/,
        'Person added: Karoline Leavitt',
        'Timeline event added: The White House confirms the talks',
        /^Correction added: An earlier version of this story misspelled/,
      ]);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
    });
  });

  test('a check that fails changes nothing, and none is made offline', async ({ page, context, health }) => {
    health.expectFailedLoads(STORY_JSON);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (STORY_JSON.test(request.url())) requests.push(request.url());
    });
    await page.route(STORY_JSON, (route) => route.abort('failed'));
    await page.clock.install();
    await page.goto(STORY_PATH);
    const changes = await watchForChanges(page);

    await test.step('a failed check: the story stays, with no error and no notice', async () => {
      let failures = 0;
      page.on('requestfailed', (request) => {
        if (STORY_JSON.test(request.url())) failures++;
      });
      await page.clock.fastForward(UPDATE_CHECK_MS);
      // The check and its three retries (each timer is set once the last try has failed) all fail.
      await expect
        .poll(async () => {
          await page.clock.fastForward(10_000);
          return failures;
        })
        .toBe(4);
      await expect(storyArticle(page)).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.getByText(/couldn’t check for a newer version/)).toHaveCount(0);
      expect(await changes()).toEqual([]);
    });

    await test.step('offline, no check is made at all', async () => {
      await context.setOffline(true);
      const before = requests.length;
      await page.clock.fastForward(UPDATE_CHECK_MS * 2);
      expect(requests.length).toBe(before);
      await expect(page.getByRole('button', { name: 'Show the update' })).toHaveCount(0);
    });
  });
});

test.describe('corrections and dates', () => {
  test('corrections are shown at the end of the story, and the dateline says when it was updated', async ({ page }) => {
    await page.goto('/articles/story-corrected');
    const corrections = page.getByRole('region', { name: 'Corrections' });
    await expect(corrections.getByRole('listitem')).toHaveText([
      /^20 March 2025, 18:30 GMT An earlier version of this story said the talks would take place at the Pentagon/,
      /^21 March 2025, 09:10 GMT An earlier version of this story misspelled/,
    ]);
    await expect(page.getByText('Updated 21 March 2025, 09:10 GMT')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });

  test('the front page marks a corrected story', async ({ page }) => {
    await page.route(/\/content\/articles\/index\.json$/, async (route) => {
      const response = await route.fetch();
      const index = (await response.json()) as { articles: { slug: string; corrected?: string }[] };
      await route.fulfill({
        response,
        json: { ...index, articles: index.articles.map((entry) => (entry.slug === story.slug ? { ...entry, corrected: '2025-03-21T09:10:00Z' } : entry)) },
      });
    });
    await page.goto('/');
    const teaser = page.getByRole('article').filter({ has: page.getByRole('link', { name: story.headline }) });
    await expect(teaser.getByText('Corrected', { exact: true })).toBeVisible();
  });

  test('a week reads as its Monday and sorts there', async ({ page }) => {
    const events = (story.timeline ?? []).map((event) => {
      if (event.id !== 'white-house-talks') return event;
      // Shown as its date, not the editors' "Early next week".
      return { ...event, dateLabel: undefined };
    });
    const late: Article = {
      ...story,
      slug: LATE_SLUG,
      timeline: [
        ...events,
        { id: 'tuesday-after', date: '2025-03-25', title: 'A Tuesday in that week' },
        { id: 'sunday-before', date: '2025-03-23', title: 'The Sunday before' },
      ],
    };
    await page.route(LATE_JSON, (route) => route.fulfill({ json: late }));
    await page.clock.install({ time: new Date('2025-03-21T12:00:00Z') });
    await page.goto(LATE_PATH);
    await expect(timelineEvent(page, TALKS).getByRole('time')).toHaveText('Week of 24 March 2025');
    await expect(timelineEvent(page, TALKS).getByRole('time')).toHaveAttribute('datetime', '2025-W13');
    const titles = await timelineEvents(page).getByRole('heading', { level: 3 }).allTextContents();
    expect(titles.slice(-3)).toEqual(['The Sunday before', TALKS, 'A Tuesday in that week']);
  });
});

test.describe('the upcoming badge follows the reader’s clock', () => {
  test('before the talks’ week: "Upcoming", as prerendered', async ({ page }) => {
    await page.clock.install({ time: new Date('2025-03-21T12:00:00Z') });
    const response = await page.goto(STORY_PATH);
    expect(await response?.text()).toContain('>Upcoming<');
    await expect(timelineEvent(page, TALKS).getByText('Upcoming', { exact: true })).toBeVisible();
  });

  test('after it: "Expected, as of 20 March 2025", once the page runs, with no mismatch', async ({ page }) => {
    await page.clock.install({ time: new Date('2025-04-02T12:00:00Z') });
    await page.goto(STORY_PATH);
    await expect(timelineEvent(page, TALKS).getByText('Expected, as of 20 March 2025', { exact: true })).toBeVisible();
    await expect(timeline(page).getByText('Upcoming', { exact: true })).toHaveCount(0);
  });
});
