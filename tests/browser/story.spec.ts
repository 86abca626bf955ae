/**
 * The story's dates read the same in every time zone, and the person filter lives in the URL.
 */
import { bigStory } from '../../scripts/benchStory';
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

test.describe('a change of person in a story of 2,000 events', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  /**
   * What a change costs is timed in `npm run bench` (scripts/benchMainThread.ts). Here, what it
   * may touch is counted: from one person to another, only the events of those two people change
   * (their `hidden`), with no event added, removed or rewritten; the other changes on the page are
   * the status line and the two people's cards. Counts, so the margin cannot flake.
   */
  test('touches only the two people’s events, their cards and the status line, and Back undoes it', async ({ page }) => {
    test.setTimeout(120_000);
    const big = bigStory();
    const eventsOf = (id: string) => big.timeline.filter((event) => event.people.includes(id)).map((event) => event.id);
    const [first, second] = [big.people[7], big.people[8]];
    if (!first || !second) throw new Error('the generated story has fewer than 9 people');
    const firstEvents = eventsOf(first.id);
    const secondEvents = eventsOf(second.id);
    await page.route(`**/content/articles/${big.slug}.json`, (route) => route.fulfill({ json: big }));
    await page.goto(`/articles/${big.slug}`);
    const items = page.locator('#timeline-events > li');
    await expect(items).toHaveCount(big.timeline.length + 1, { timeout: 60_000 });
    const shown = page.locator('#timeline-events > li:not([hidden])');
    const status = timelineSummary(page);
    const chooseOn = (person: { id: string }) => page.locator(`#person-${person.id}`).getByRole('link', { name: /^Show .+ events? in the timeline$/ });

    await chooseOn(first).click();
    await expect(status).toHaveText(`Showing ${firstEvents.length} of ${big.timeline.length} events, those with ${first.name}.`);
    await expect(shown).toHaveCount(firstEvents.length + 1);

    // Every change to the page from here, recorded as it happens. An attribute that ends with the
    // value it had is no change (React clears and rewrites a radio's name whenever its component
    // renders: the theme control's, in the page's header, which the router redraws).
    await page.evaluate(() => {
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((batch) => records.push(...batch));
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true, characterData: true });
      Object.assign(window, {
        takeChanges: () => {
          records.push(...observer.takeRecords());
          // An attribute's value before the first write of the batch, against its value now.
          const before = new Map<string, string | null>();
          const taken = records.splice(0);
          const key = (record: MutationRecord) => `${taken.findIndex((other) => other.target === record.target)} ${record.attributeName ?? ''}`;
          for (const record of taken) if (record.type === 'attributes' && !before.has(key(record))) before.set(key(record), record.oldValue);
          const changed = (record: MutationRecord) =>
            record.type !== 'attributes' || !(record.target instanceof Element) || record.target.getAttribute(record.attributeName ?? '') !== before.get(key(record));
          return taken.filter(changed).map((record) => {
            const element = record.target instanceof Element ? record.target : record.target.parentElement;
            return {
              type: record.type,
              attribute: record.attributeName,
              // The event item changed, or the card or status line the change is in.
              item: element?.closest('#timeline-events > li')?.id ?? null,
              place: element?.closest('[id^="person-"], [data-filter-live]')?.id || (element?.closest('[data-filter-live]') ? 'status' : null),
            };
          });
        },
      });
    });
    await chooseOn(second).click();
    await expect(status).toHaveText(`Showing ${secondEvents.length} of ${big.timeline.length} events, those with ${second.name}.`);
    await expect(shown).toHaveCount(secondEvents.length + 1);
    await expect(page).toHaveURL(new RegExp(`\\?person=${second.id}$`));
    await expect(timeline(page).getByRole('heading', { level: 2 })).toBeFocused();

    const changes = await page.evaluate(() => (window as unknown as { takeChanges: () => { type: string; attribute: string | null; item: string | null; place: string | null }[] }).takeChanges());
    const inList = changes.filter((change) => change.item !== null);
    const changed = [...firstEvents, ...secondEvents].filter((id) => !(firstEvents.includes(id) && secondEvents.includes(id)));
    // Each event that appears or goes has its `hidden` set once; nothing else in the list changes.
    expect(inList.every((change) => change.type === 'attributes' && change.attribute === 'hidden')).toBe(true);
    expect(inList.map((change) => change.item).sort()).toEqual([...new Set(changed)].map((id) => `event-${id}`).sort());
    // Outside the list: the two cards and the status line, and nowhere else.
    expect(new Set(changes.filter((change) => change.item === null).map((change) => change.place))).toEqual(
      new Set([`person-${first.id}`, `person-${second.id}`, 'status']),
    );

    // Back: the address and the list of the first person again, as the router reads the history.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`\\?person=${first.id}$`));
    await expect(status).toHaveText(`Showing ${firstEvents.length} of ${big.timeline.length} events, those with ${first.name}.`);
    await expect(shown).toHaveCount(firstEvents.length + 1);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`/articles/${big.slug}$`));
    await expect(shown).toHaveCount(big.timeline.length + 1);
    await page.goForward();
    await expect(shown).toHaveCount(firstEvents.length + 1);
  });
});
