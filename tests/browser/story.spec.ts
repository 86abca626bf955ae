/**
 * The story's dates read the same in every time zone, and the person filter lives in the URL.
 */
import { expect, test } from './fixtures';
import { openPage, pageCase, story } from './pages';
import { storyArticle, timeline, timelineEvents, timelineSummary } from './storyParts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How a date the content writes as "2018", "2019-07" or "2018-05-08" reads on the page, at its
 * own precision and never moved by a time zone. (Written out here rather than taken from the
 * app, so that the test is a second opinion.)
 */
function asWritten(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) throw new Error(`The test reads dates without a time only, not "${date}"`);
  const [, year, month, day] = match;
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (monthName === undefined) return `${year}`;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

for (const timezoneId of ['America/Los_Angeles', 'UTC', 'Asia/Tehran']) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test('the dateline and the timeline show the dates as written', async ({ page, health }) => {
      await openPage(page, health, pageCase('article'));
      // The browser really is in that zone.
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

      const published = storyArticle(page).getByRole('time').first();
      await expect(published).toHaveText('20 March 2025');
      await expect(published).toHaveAttribute('datetime', story.published);
      await expect(storyArticle(page).getByText(story.dateline, { exact: true })).toBeVisible();

      const thisStory = timeline(page).getByRole('listitem').filter({ hasText: 'This story' });
      await expect(thisStory.getByRole('time')).toHaveText('20 March 2025');
      const events = story.timeline ?? [];
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) {
        const item = timelineEvents(page).filter({ has: page.getByRole('heading', { level: 3, name: event.title, exact: true }) });
        await expect(item.getByRole('time').first(), event.title).toHaveText(event.dateLabel ?? asWritten(event.date));
      }
    });
  });
}

test('the person filter, chosen in the URL, lists only that person’s events and survives a reload', async ({ page, health }) => {
  const dermersEvents = (story.timeline ?? []).filter((event) => event.people?.includes('ron-dermer'));
  expect(dermersEvents.length, 'the story has events with Ron Dermer').toBeGreaterThan(0);
  expect(dermersEvents.length, 'and events without him').toBeLessThan(story.timeline?.length ?? 0);

  await openPage(page, health, pageCase('article'), '?person=ron-dermer');
  for (const attempt of ['first load', 'after a reload']) {
    await test.step(attempt, async () => {
      await expect(timelineSummary(page)).toHaveText(
        `Showing ${dermersEvents.length} of ${story.timeline?.length ?? 0} events, those with Ron Dermer.`,
      );
      const events = timelineEvents(page);
      await expect(events.getByRole('heading', { level: 3 })).toHaveText(dermersEvents.map((event) => event.title));
      for (const event of await events.all()) {
        await expect(event.getByRole('link', { name: 'Ron Dermer', exact: true })).toBeVisible();
      }
    });
    if (attempt === 'first load') {
      await page.reload();
      await expect(page).toHaveURL(/\?person=ron-dermer$/);
    }
  }
});
