/**
 * Every story file in tests/fixtures/articles, served for real by the test server
 * (tests/browser/server.ts) and opened in the built app at /articles/<file name>: what the reader
 * shows for each row of the contract's bad-input table (/work/shared/content-model.md).
 *
 * A fatal file: the page says "This can’t be shown" with the parser's exact reason, offers
 * "Try again", keeps the masthead and the footer (never a blank page), and asks for the file once
 * (bad content does not mend on a retry; the clock is moved past every backoff to make sure).
 * A readable file: the story shows without what was left out, with the rest in place, and nothing
 * in it runs or points at a javascript: or data: URL. Nothing throws or logs an error (fixtures.ts).
 *
 * The expectations are keyed by file name and checked against the fixture definitions
 * (tests/fixtures/fixtures.ts), so a new fixture without an expectation fails the spec. Rows are
 * read in groups, one page per group: the first by loading its address, the rest by navigating
 * inside the app, which is what keeps the spec fast.
 */
import type { Page } from '@playwright/test';
import { buildFixtures, type FixtureFile } from '../fixtures/fixtures';
import { expectSiteFrame } from './checks';
import { expect, test } from './fixtures';
import { groupsOf, navigateInApp, recordRequests, story, storyText } from './pages';
import { cardNames, keyPeople, storyArticle, timeline, timelineEvent, timelineEvents } from './storyParts';

/** West of UTC, where a date read as UTC midnight would show the day before. */
test.use({ timezoneId: 'America/Los_Angeles' });

interface Fatal {
  readonly shows: 'message';
  /** The alert's whole text. */
  readonly message: string | RegExp;
}

interface Readable {
  readonly shows: 'story';
  readonly headline?: string;
  /** What was left out, and what remains. */
  readonly check?: (page: Page) => Promise<void>;
}

type Expectation = Fatal | Readable;

/** The fixture lead picture's alt text (tests/fixtures/fixtures.ts). */
const LEAD_ALT = 'A drawn horizon: a dark band of land under an orange evening sky';
const cantBeShown = (reason: string): Fatal => ({ shows: 'message', message: `This story can’t be shown: ${reason}.` });

/** The engine's reason after the place, without any of the file's text quoted back (no `"`, no line break). */
const notValidJson = (line: number, column: number): Fatal => ({
  shows: 'message',
  message: new RegExp(`^This story can’t be shown: not valid JSON at line ${line}, column ${column}: [^"\\n]+\\.$`),
});

const VERSION_NOTE = 'this reader understands schema version 1';

const ALL_PEOPLE = (story.people ?? []).map((person) => person.name);
const eventTitle = (id: string): string => story.timeline?.find((event) => event.id === id)?.title ?? `no event ${id}`;
const WHITE_HOUSE_TALKS = eventTitle('white-house-talks');
const SANCTIONS = eventTitle('us-reimposes-sanctions');

async function expectWholeTimeline(page: Page): Promise<void> {
  await expect(timelineEvents(page)).toHaveCount(story.timeline?.length ?? 0);
}

const EXPECTED: Readonly<Record<string, Expectation>> = {
  // Not a story at all.
  'not-json': notValidJson(1, 1),
  'html-page': cantBeShown('this is an HTML page, not JSON'),
  truncated: notValidJson(44, 30),
  'trailing-comma': notValidJson(74, 3),
  empty: cantBeShown('not valid JSON at line 1, column 1: the file is empty'),
  'not-an-object': cantBeShown('a story must be a JSON object, not a list'),
  // The schema version.
  'bad-schema-version-missing': cantBeShown(`schemaVersion is missing; ${VERSION_NOTE}`),
  'bad-schema-version-2': cantBeShown(`schema version 2 is not supported; ${VERSION_NOTE}`),
  'bad-schema-version-not-number': cantBeShown(`schema version "1" is not supported; ${VERSION_NOTE}`),
  // Each required field, missing and mistyped.
  'bad-slug-missing': cantBeShown('slug is missing'),
  'bad-slug-not-text': cantBeShown('slug must be text'),
  'bad-headline-missing': cantBeShown('headline is missing'),
  'bad-headline-not-text': cantBeShown('headline must be text'),
  'bad-dateline-missing': cantBeShown('dateline is missing'),
  'bad-dateline-not-text': cantBeShown('dateline must be text'),
  'bad-published-missing': cantBeShown('published is missing'),
  'bad-published-not-text': cantBeShown('published must be a date written as text'),
  'bad-published-not-a-date': cantBeShown('published is not a real date'),
  'bad-body-missing': cantBeShown('body is missing'),
  'bad-body-not-a-list': cantBeShown('body must be a list, not text'),
  'bad-body-only-invalid-blocks': cantBeShown('body must hold at least one block'),

  // Bad optional items: left out, the rest shown.
  'bad-person-no-name': {
    shows: 'story',
    check: async (page) => {
      await expect(cardNames(page)).toHaveText(['Donald Trump', 'Abbas Araqchi', 'Ron Dermer', 'Tzachi Hanegbi']);
      // The paragraph that names him stays; no link (card or timeline) leads to him.
      await expect(storyArticle(page).getByText(/^Trump said he sent the letter to Ayatollah Ali Khamenei, /)).toBeVisible();
      await expect(page.getByRole('link', { name: /Khamenei/ })).toHaveCount(0);
      await expectWholeTimeline(page);
    },
  },
  'bad-event-impossible-date': {
    shows: 'story',
    check: async (page) => {
      await expect(timelineEvents(page)).toHaveCount((story.timeline?.length ?? 0) - 1);
      await expect(timeline(page).getByRole('heading', { name: eventTitle('iran-breaches-limits') })).toHaveCount(0);
    },
  },
  'bad-block-unknown-type': {
    shows: 'story',
    check: async (page) => {
      await expect(page.getByText('Video: the White House briefing')).toHaveCount(0);
      for (const [index, block] of story.body.entries()) {
        if (index !== 3) await expect(storyArticle(page).getByText(block.text, { exact: true }).first(), `body block ${index}`).toBeVisible();
      }
    },
  },
  'bad-image-javascript-url': {
    shows: 'story',
    check: async (page) => {
      await expect(storyArticle(page).getByRole('img')).toHaveCount(0);
      await expect(cardNames(page)).toHaveText(ALL_PEOPLE);
    },
  },
  'bad-image-renditions': {
    shows: 'story',
    check: async (page) => {
      // Only the two good renditions are offered; nothing is asked of the bad ones.
      await expect(storyArticle(page).getByRole('img', { name: LEAD_ALT })).toHaveAttribute(
        'srcset',
        '/content/images/test-lead-640.svg 640w, /content/images/test-lead.svg 1200w',
      );
    },
  },
  'story-with-image': {
    shows: 'story',
    check: async (page) => {
      const picture = page.getByRole('img', { name: LEAD_ALT });
      await expect(storyArticle(page).getByRole('img', { name: LEAD_ALT })).toBeVisible();
      await expect(storyArticle(page).locator('figure', { has: picture }).locator('figcaption')).toContainText('Illustration: Dispatch');
    },
  },
  'bad-image-data-url': {
    shows: 'story',
    check: async (page) => {
      const trump = keyPeople(page).locator('#person-donald-trump');
      await expect(trump.getByRole('heading', { level: 3 })).toHaveText('Donald Trump');
      // His initials stand in for the picture.
      await expect(trump).toContainText('DT');
      await expect(trump.locator('img')).toHaveCount(0);
    },
  },
  'bad-list-names-too-long': {
    shows: 'story',
    check: async (page) => {
      // No section named above the headline, and four topics, each leading to its list.
      await expect(storyArticle(page).locator('header').getByRole('link', { name: /World affairs/ })).toHaveCount(0);
      await expect(page.getByText(/World affairs, diplomacy/)).toHaveCount(0);
      const topics = page.getByRole('navigation', { name: 'Topics' }).getByRole('link');
      await expect(topics).toHaveText(['Iran', 'Israel', 'United States', 'Nuclear programme']);
    },
  },
  'unknown-fields': {
    shows: 'story',
    check: async (page) => {
      await expect(page.getByText('Exclusive')).toHaveCount(0);
      await expect(page.getByText(/@realDonaldTrump/)).toHaveCount(0);
      await expect(storyArticle(page).getByText(story.body[0]?.text ?? '(no first block)', { exact: true }).first()).toBeVisible();
      await expect(cardNames(page)).toHaveText(ALL_PEOPLE);
      await expectWholeTimeline(page);
    },
  },
  'bad-person-duplicate-id': {
    shows: 'story',
    check: async (page) => {
      await expect(cardNames(page)).toHaveText(ALL_PEOPLE);
      await expect(page.getByText('D. J. Trump')).toHaveCount(0);
    },
  },
  'bad-event-unknown-person': {
    shows: 'story',
    check: async (page) => {
      await expect(timelineEvent(page, WHITE_HOUSE_TALKS).getByRole('link')).toHaveText(['Ron Dermer', 'Tzachi Hanegbi', 'Donald Trump']);
      await expect(page.getByText(/mike-waltz/)).toHaveCount(0);
    },
  },
  'bad-event-end-before-start': {
    shows: 'story',
    check: async (page) => {
      // The start date alone, where the real story shows "7 August 2018 – 5 November 2018".
      await expect(timelineEvent(page, SANCTIONS).locator('time')).toHaveText(['7 August 2018']);
      await expectWholeTimeline(page);
    },
  },
  'bad-items-before-cross-references': {
    shows: 'story',
    check: async (page) => {
      // people[0] (Trump, no name) and people[5] (a second "ron-dermer") are left out.
      await expect(cardNames(page)).toHaveText(['Ali Khamenei', 'Abbas Araqchi', 'Ron Dermer', 'Tzachi Hanegbi']);
      await expect(page.getByText('Ron Dermer (duplicate)')).toHaveCount(0);
      // timeline[0] (no date) is left out; the talks keep the people they can still link to.
      await expect(timelineEvents(page)).toHaveCount((story.timeline?.length ?? 0) - 1);
      await expect(timeline(page).getByRole('heading', { name: eventTitle('trump-first-term-begins') })).toHaveCount(0);
      await expect(timelineEvent(page, WHITE_HOUSE_TALKS).getByRole('link')).toHaveText(['Ron Dermer', 'Tzachi Hanegbi']);
    },
  },

  // Good stories that exercise the reader.
  'story-timeline-unordered': {
    shows: 'story',
    check: async (page) => {
      // Oldest first; the two events of March 2025 dated by month alone stay in the order written (reversed).
      const titles = (story.timeline ?? []).map((event) => event.title);
      const letter = titles.indexOf(eventTitle('trump-letter-to-khamenei'));
      const expected = [...titles.slice(0, letter), titles[letter + 1] ?? '', titles[letter] ?? '', ...titles.slice(letter + 2)];
      await expect(timelineEvents(page).getByRole('heading', { level: 3 })).toHaveText(expected);
      // "Upcoming" as of the story's date; once the talks' week is behind the reader's clock, "Expected, as of …".
      await expect(timelineEvent(page, WHITE_HOUSE_TALKS)).toContainText(/Upcoming|Expected, as of 20 March 2025/);
    },
  },
  'story-mention-edge-cases': {
    shows: 'story',
    check: async (page) => {
      const article = storyArticle(page);
      // The first whole-word mention of each person, the longest name first; never in a heading.
      await expect(article.getByRole('heading', { level: 2, name: 'Trump and Khamenei trade words' }).getByRole('link')).toHaveCount(0);
      await expect(article.getByRole('paragraph').filter({ hasText: 'Supporters of Trumpism' }).getByRole('link')).toHaveText(['Trump']);
      await expect(article.getByRole('blockquote').getByRole('link')).toHaveText(['Ayatollah Ali Khamenei']);
      await expect(article.getByRole('paragraph').filter({ hasText: 'Araqchi’s reply' }).getByRole('link')).toHaveText(['Araqchi']);
    },
  },
  'story-markup-in-text': {
    shows: 'story',
    headline: 'Talks on <b>Iran</b> & Israel',
    check: async (page) => {
      const article = page.getByRole('article');
      await expect(article.getByText('<script>window.hacked = true</script>', { exact: false })).toBeVisible();
      await expect(article.getByText('<img src="x" onerror="window.hacked = true">', { exact: false })).toBeVisible();
      await expect(article.locator('b, script, img[src="x"]')).toHaveCount(0);
    },
  },
  'story-published-with-offset': {
    shows: 'story',
    check: async (page) => {
      const header = storyArticle(page).locator('header');
      await expect(header.getByText('20 March 2025, 23:30 GMT-4', { exact: true })).toBeVisible();
      await expect(header.getByText('Updated 21 March 2025, 09:15 GMT+3:30', { exact: true })).toBeVisible();
    },
  },
  'bad-event-week-53': {
    shows: 'story',
    check: async (page) => {
      await expect(timelineEvents(page)).toHaveCount((story.timeline?.length ?? 0) - 1);
      await expect(timeline(page).getByRole('heading', { name: WHITE_HOUSE_TALKS })).toHaveCount(0);
    },
  },
  'story-corrected': {
    shows: 'story',
    check: async (page) => {
      await expect(storyArticle(page).locator('header').getByText('Updated 21 March 2025, 09:10 GMT', { exact: true })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Corrections' }).getByRole('listitem')).toHaveCount(2);
    },
  },
  'story-developing': {
    shows: 'story',
    check: async (page) => {
      await expect(storyArticle(page).getByText('The White House confirmed the meeting on Thursday afternoon, a spokesperson said.')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Corrections' }).getByRole('listitem')).toHaveCount(1);
    },
  },
};

const slugOf = (fixture: FixtureFile): string => fixture.file.replace(/^articles\//, '').replace(/\.json$/, '');

/** The story files fixtures.ts defines (and the test server serves), with what each must show. */
const ROWS = buildFixtures(storyText)
  .filter((fixture) => fixture.file.startsWith('articles/'))
  .map((fixture) => ({ slug: slugOf(fixture), fixture, expected: EXPECTED[slugOf(fixture)] }));

interface Row {
  readonly slug: string;
  readonly fixture: FixtureFile;
}

const fatalRows = ROWS.flatMap(({ expected, ...row }) => (expected?.shows === 'message' ? [{ ...row, expected }] : []));
const readableRows = ROWS.flatMap(({ expected, ...row }) => (expected?.shows === 'story' ? [{ ...row, expected }] : []));

/**
 * Opens a row's story at /articles/<file name>: the first of a group by loading the address,
 * the rest inside the app. Resolves once the app has asked for the file, so the previous row's
 * page is gone and what the page shows from here on is this row's.
 */
async function openRow(page: Page, row: Row, first: boolean): Promise<void> {
  const asked = page.waitForRequest((request) => new URL(request.url()).pathname === `/content/articles/${row.slug}.json`);
  const path = `/articles/${row.slug}`;
  if (first) await page.goto(path);
  else await navigateInApp(page, path);
  await asked;
}

function askedFor(requests: readonly string[], row: Row): number {
  return requests.filter((url) => new URL(url).pathname === `/content/articles/${row.slug}.json`).length;
}

test('every story fixture has an expectation here, and each says what its fixture says the reader must do', () => {
  expect(Object.keys(EXPECTED).sort(), 'expectations here vs story files in tests/fixtures/fixtures.ts').toEqual(ROWS.map((row) => row.slug).sort());
  for (const { slug, fixture, expected } of ROWS) {
    const fatal = fixture.reader.includes('"This can’t be shown"');
    expect(expected?.shows, `${slug}: the reader must ${fixture.reader}`).toBe(fatal ? 'message' : 'story');
  }
});

for (const group of groupsOf(fatalRows, 7)) {
  test(`can’t be shown, with the reason, once: ${group.map((row) => row.slug).join(', ')}`, async ({ page }) => {
    const requests = recordRequests(page, /\/content\/articles\//);
    // Moved past every backoff below, so that a retry would have been made.
    await page.clock.install();
    for (const [index, row] of group.entries()) {
      await test.step(`${row.slug}: ${row.fixture.reader}`, async () => {
        await openRow(page, row, index === 0);
        await expect(page.getByRole('heading', { level: 1, name: 'This can’t be shown', exact: true })).toBeVisible();
        await expect(page.getByRole('alert')).toHaveText(row.expected.message);
        await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
        await expectSiteFrame(page);
        await page.clock.fastForward(10_000);
        await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
        expect(askedFor(requests, row), `requests for ${row.slug}.json`).toBe(1);
      });
    }
  });
}

for (const group of groupsOf(readableRows, 7)) {
  test(`shows the story without what is left out: ${group.map((row) => row.slug).join(', ')}`, async ({ page }) => {
    const requests = recordRequests(page, /\/content\/articles\//);
    for (const [index, row] of group.entries()) {
      await test.step(`${row.slug}: ${row.fixture.reader}`, async () => {
        await openRow(page, row, index === 0);
        await expect(page.getByRole('heading', { level: 1, name: row.expected.headline ?? story.headline, exact: true })).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expect(page.getByRole('alert')).toHaveCount(0);
        await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
        await expectSiteFrame(page);
        await row.expected.check?.(page);
        // Nothing from the story runs, and no picture or link points at a script or inline data
        // (in the body: the head's one data: URL is the site's own icon, which hostile.spec.ts checks exactly).
        expect(await page.evaluate(() => 'hacked' in window), 'window.hacked').toBe(false);
        await expect(page.locator('body :is([src^="javascript:" i], [href^="javascript:" i], [src^="data:" i], [href^="data:" i], [srcset*="data:" i])')).toHaveCount(0);
        expect(askedFor(requests, row), `requests for ${row.slug}.json`).toBe(1);
      });
    }
  });
}
