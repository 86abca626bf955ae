/**
 * A story at the limits, in the real build: several megabytes of JSON (long paragraphs), with
 * thousands of events and a thousand people (scripts/benchStory.ts), served at a slug the build
 * never saw. It must render whole and stay usable: the person filter answers, and the page is not
 * frozen. Times are measured and printed (and attached to the report); the only bounds asserted
 * are generous ones, there to catch a freeze rather than to benchmark a busy two-core machine.
 * (The parser, mention linker and timeline model are held to a story three times this size in
 * tests/unit/robustness/limits.test.ts.)
 */
import type { Page } from '@playwright/test';
import { bigStory } from '../../scripts/benchStory';
import { expect, test } from './fixtures';

test.use({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });

const EVENTS = 3_000;
const PEOPLE = 1_000;
const PARAGRAPHS = 600;
/** Each paragraph about 5,000 characters: the body alone is some three megabytes. */
const PARAGRAPH_REPEATS = 34;
const generated = bigStory(EVENTS, PEOPLE, PARAGRAPHS);
const story = { ...generated, body: generated.body.map((block) => ({ ...block, text: Array.from({ length: PARAGRAPH_REPEATS }, () => block.text).join(' ') })) };
const storyText = JSON.stringify(story);
const PATH = `/articles/${story.slug}`;

/** A bound no healthy page comes near, even on a loaded machine; a frozen one passes it. */
const FROZEN_MS = 120_000;

interface Timings {
  /** From navigation start until the whole story is on the page. */
  rendered: number;
  /** The main thread's longest task, and all its blocking time (the part of each task over 50 ms), until then. */
  longestTask: number;
  blocking: number;
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    Object.defineProperty(window, '__longTasks', { value: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function longTasks(page: Page): Promise<{ longest: number; blocking: number }> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks?: number[] }).__longTasks ?? [];
    return { longest: Math.max(0, ...tasks), blocking: tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0) };
  });
}

/** How long the main thread takes to answer now: a frozen page answers late. */
async function answerDelay(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const asked = performance.now();
    setTimeout(() => resolve(performance.now() - asked), 0);
  }));
}

const ms = (n: number) => `${Math.round(n)} ms`;

test(`a ${(storyText.length / 1_000_000).toFixed(1)} MB story of ${EVENTS.toLocaleString('en')} events, ${PEOPLE.toLocaleString('en')} people and ${PARAGRAPHS.toLocaleString('en')} paragraphs renders, and its person filter answers`, async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await watchLongTasks(page);
  await page.route(`**/content/articles/${story.slug}.json`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: storyText }));

  await page.goto(PATH);
  await expect(page.getByRole('heading', { level: 1, name: story.headline })).toBeVisible({ timeout: FROZEN_MS });
  const timeline = page.locator('#timeline ol > li');
  await expect(timeline).toHaveCount(EVENTS + 1, { timeout: FROZEN_MS });
  await expect(page.locator('[id^="person-person-"]')).toHaveCount(PEOPLE);
  await expect(page.locator('article p')).not.toHaveCount(0);
  const rendered = await page.evaluate(() => performance.now());
  const { longest, blocking } = await longTasks(page);
  const timings: Timings = { rendered, longestTask: longest, blocking };
  const idleDelay = await answerDelay(page);

  // The filter: one person's events, and back to all of them.
  const person = story.people[7];
  if (!person) throw new Error('the big story has no person 7');
  const expected = story.timeline.filter((event) => event.people.includes(person.id)).length;
  const card = page.locator(`#person-${person.id}`);
  await card.scrollIntoViewIfNeeded();
  let started = Date.now();
  await card.getByRole('link', { name: `Show ${person.name}’s ${expected} events in the timeline` }).click();
  await expect(page.locator('#timeline p[role="status"]')).toHaveText(`Showing ${expected} of ${EVENTS} events, those with ${person.name}.`, { timeout: FROZEN_MS });
  await expect(timeline).toHaveCount(expected + 1, { timeout: FROZEN_MS });
  const filtered = Date.now() - started;
  const filteredDelay = await answerDelay(page);

  started = Date.now();
  await page.locator('#timeline').getByRole('link', { name: 'Show all events' }).click();
  await expect(timeline).toHaveCount(EVENTS + 1, { timeout: FROZEN_MS });
  const unfiltered = Date.now() - started;

  // Reading on: the page scrolls to its end and answers there.
  started = Date.now();
  await page.keyboard.press('End');
  const scrolledDelay = await answerDelay(page);
  const scrolled = Date.now() - started;

  const report = [
    `story: ${(storyText.length / 1_000_000).toFixed(1)} MB; ${EVENTS} events, ${PEOPLE} people, ${PARAGRAPHS} paragraphs`,
    `rendered whole ${ms(timings.rendered)} after navigation; longest main-thread task ${ms(timings.longestTask)}, total blocking time ${ms(timings.blocking)}`,
    `main thread answered in ${ms(idleDelay)} once rendered`,
    `person filter: ${ms(filtered)} to show ${expected} events (then answered in ${ms(filteredDelay)}); ${ms(unfiltered)} to show all again`,
    `End key to the foot of the page: ${ms(scrolled)} (answered in ${ms(scrolledDelay)})`,
  ].join('\n  ');
  console.log(`limits:\n  ${report}`);
  testInfo.annotations.push({ type: 'limits', description: report });

  for (const duration of [timings.rendered, filtered, unfiltered, scrolled]) expect(duration).toBeLessThan(FROZEN_MS);
  for (const delay of [idleDelay, filteredDelay, scrolledDelay]) expect(delay).toBeLessThan(5_000);
});
