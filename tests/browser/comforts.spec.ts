/**
 * Reader comforts in the production build, at a phone's width and a desktop's: sharing (the
 * system share sheet on a touch phone, "Copy link" elsewhere), links to a card or an event,
 * the remembered theme with no flash, printing to PDF, and reduced motion.
 */
import type { Page, TestInfo } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectNoAxeViolations, expectNoSidewaysScroll, expectVisibleFocusRing, saveScreenshot, tabTo } from './checks';
import { expect, test, type PageHealth } from './fixtures';
import { STORY_PATH as STORY, story } from './pages';
import { keyPeople, timeline } from './storyParts';

const HEADLINE = story.headline;
const DARK_BACKGROUND = 'rgb(18, 20, 23)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';
const APP_SCRIPTS = '**/assets/*.js';

async function openStory(page: Page, fragment = ''): Promise<void> {
  await page.goto(STORY + fragment);
  await expect(page.getByRole('heading', { level: 1, name: HEADLINE })).toBeVisible();
}

/** Reloads with the app's JavaScript blocked: what shows then was set before the app could run. */
async function reloadWithoutTheApp(page: Page, health: PageHealth): Promise<void> {
  health.expectFailedLoads(/\/assets\/[^/]+\.js$/);
  await page.route(APP_SCRIPTS, (route) => route.abort('failed'));
  await page.reload({ waitUntil: 'load' });
}

/** What the reader sees on arriving (not the whole page), kept with the suite's screenshots. */
async function saveArrival(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await saveScreenshot(page, testInfo, name, false);
}

const backgroundOf = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** The text of each page of a PDF, in the order it was drawn. */
async function pdfPages(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await document.destroy();
  return pages;
}

/** The phone has a touch screen and the Web Share API; shared data is kept for the test to read. */
async function withShareSheet(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.defineProperty(window, '__shared', { value: shared });
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        shared.push(data);
        return Promise.resolve();
      },
    });
  });
}

const sharedSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);

test.describe('on a phone (360 px, touch, with a share sheet)', () => {
  test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

  test('shares the story, a card and an event through the system share sheet, each control a 44 px target', async ({ page, baseURL }, testInfo) => {
    await withShareSheet(page);
    await openStory(page);
    const controls = page.getByRole('button', { name: /^Share / });
    expect(await controls.count()).toBe(1 + 5 + 14);
    for (const box of await controls.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect()))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }

    await page.getByRole('button', { name: 'Share this story' }).click();
    await keyPeople(page).getByRole('button', { name: 'Share Ron Dermer’s card' }).click();
    await timeline(page).getByRole('button', { name: 'Share the event “Trump returns to office”' }).click();
    expect(await sharedSoFar(page)).toEqual([
      { title: HEADLINE, url: `${baseURL}${STORY}` },
      { title: `Ron Dermer: ${HEADLINE}`, url: `${baseURL}${STORY}#person-ron-dermer` },
      { title: `Trump returns to office: ${HEADLINE}`, url: `${baseURL}${STORY}#event-trump-returns-to-office` },
    ]);
    await saveScreenshot(page, testInfo, 'comforts-share-360');
  });
});

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('copies links where there is no share sheet, and says so politely', async ({ page, context, baseURL }, testInfo) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openStory(page);
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

      await page.getByRole('button', { name: 'Copy link to this story' }).click();
      expect(await clipboard()).toBe(`${baseURL}${STORY}`);
      await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
      await saveScreenshot(page, testInfo, `comforts-copied-${width}`);

      await keyPeople(page).getByRole('button', { name: 'Copy link to Ron Dermer’s card' }).click();
      expect(await clipboard()).toBe(`${baseURL}${STORY}#person-ron-dermer`);

      await timeline(page).getByRole('button', { name: 'Copy link to the event “Iran begins to breach the deal\'s limits”' }).click();
      expect(await clipboard()).toBe(`${baseURL}${STORY}#event-iran-breaches-limits`);
      // Heard from the timeline's one live region (not one per event), and shown beside the button.
      await expect(timeline(page).getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
      await expect(timeline(page).locator('#timeline-events [role="status"]')).toHaveCount(0);
      await expect(page.locator('#event-iran-breaches-limits').getByText('Link copied')).toBeVisible();

      // With a link just copied (its message shown), nothing scrolls sideways, light or dark.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expectNoSidewaysScroll(page);
      }
    });

    test('opens a link to a card scrolled to it and highlighted', async ({ page }, testInfo) => {
      await openStory(page, '#person-ron-dermer');
      const card = page.locator('#person-ron-dermer');
      await expect(card).toBeInViewport();
      expect(await card.evaluate((element) => element.matches(':target'))).toBe(true);
      await expect(card).toHaveCSS('outline-style', 'solid');
      await saveArrival(page, testInfo, `comforts-card-link-${width}`);
    });

    test('opens a link to an event scrolled to it and highlighted', async ({ page }, testInfo) => {
      test.slow(); // axe over the whole story
      await openStory(page, '#event-iran-breaches-limits');
      const event = page.locator('#event-iran-breaches-limits');
      await expect(event).toBeInViewport();
      await expect(event).toContainText('Iran begins to breach the deal');
      expect(await event.evaluate((element) => element.matches(':target'))).toBe(true);
      await expectNoAxeViolations(page);
      await saveArrival(page, testInfo, `comforts-event-link-${width}`);
    });

    test('remembers a chosen theme across a reload, applied before the app runs', async ({ page, health }, testInfo) => {
      test.slow(); // axe over the whole story
      await openStory(page);
      const theme = page.getByRole('group', { name: 'Theme' });
      await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
      expect(await backgroundOf(page)).toBe(LIGHT_BACKGROUND);

      await theme.getByRole('radio', { name: 'Dark' }).check();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await backgroundOf(page)).toBe(DARK_BACKGROUND);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, `comforts-chosen-dark-${width}`);

      // With the app's JavaScript blocked, only the boot script (inline in the head) can have set the theme.
      await reloadWithoutTheApp(page, health);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(await backgroundOf(page)).toBe(DARK_BACKGROUND);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');

      await page.unroute(APP_SCRIPTS);
      await openStory(page);
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
    });

    test('prints the story in one clean column with its address', async ({ page, baseURL }) => {
      await openStory(page);
      await page.emulateMedia({ media: 'print' });
      // On paper, one column in reading order: headline, dateline, body, key people, timeline.
      const parts = [
        page.getByRole('heading', { level: 1 }),
        page.getByText('Washington', { exact: true }),
        page.getByText(/^The United States and Israel will hold high-level talks/),
        page.getByRole('heading', { name: 'Key people' }),
        page.getByRole('heading', { name: /^Timeline/ }),
      ];
      const boxes = await Promise.all(parts.map((part) => part.evaluate((element) => element.getBoundingClientRect().toJSON() as DOMRect)));
      expect(new Set(boxes.map((box) => Math.round(box.left))).size, 'one left edge').toBe(1);
      const tops = boxes.map((box) => box.top);
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      // page.pdf() prints with the print media unless another is being emulated.
      await page.emulateMedia({ media: null });

      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      // One line of text, with words broken at a hyphen joined again.
      const text = pages.join('\n').replace(/\s+/g, ' ').replace(/(\S)- /g, '$1-');
      test.info().annotations.push({ type: 'PDF pages', description: String(pages.length) });
      expect(pages.length).toBeLessThanOrEqual(5);
      for (const expected of [
        'Dispatch',
        HEADLINE,
        'Washington · 20 March 2025',
        '2 min read · 377 words',
        'Reuters, via NDTV',
        `Read online at ${baseURL}${STORY}`,
        'The United States and Israel will hold high-level talks',
        'sharply reduced Tehran\'s conventional military capabilities',
        'KEY PEOPLE',
        'Ron Dermer',
        'Strategic affairs minister, Israel',
        'TIMELINE',
        'Trump withdraws the United States from the Iran',
        'U.S.-Israel talks on Iran at the White House',
      ]) {
        expect(text).toContain(expected);
      }
      for (const absent of ['Skip to main content', 'World news, clearly told', 'Copy link', 'System', 'in the timeline', '9 events', 'Show all events', 'Dispatch shows stories']) {
        expect(text).not.toContain(absent);
      }
    });

  });
}

test.describe('the theme before the app runs', () => {
  test('follows a dark system when nothing is chosen; keeps Light, once chosen, with no flash of dark, from a render-blocking script in the head', async ({ page, health }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await openStory(page);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(await backgroundOf(page)).toBe(DARK_BACKGROUND);

    // The theme is applied by the boot script, inline in the head: it runs before anything is painted.
    const script = page.locator('head script:not([src]):not([type])');
    await expect(script).toHaveCount(1);
    expect(await script.evaluate((element: HTMLScriptElement) => element.textContent.includes('dispatch-theme'))).toBe(true);

    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await backgroundOf(page)).toBe(LIGHT_BACKGROUND);
    await reloadWithoutTheApp(page, health);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await backgroundOf(page)).toBe(LIGHT_BACKGROUND);
  });
});

test.describe('with the keyboard', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('chooses a theme with the arrow keys and copies a link with Enter', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openStory(page);
    await tabTo(page, page.getByRole('radio', { name: 'System' }));
    await expectVisibleFocusRing(page);
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await tabTo(page, page.getByRole('button', { name: 'Copy link to this story' }));
    await expectVisibleFocusRing(page);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${STORY}`);
  });
});

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test.describe(`with reducedMotion: ${reducedMotion}`, () => {
    test.use({ reducedMotion });

    // Never a glide: Chromium animates focus scrolls with the root's scroll-behavior too, and a
    // keyboard reader's jump to a card was lost in one (see keyboard.spec.ts).
    test('jumps to a shared card at once, without a smooth scroll', async ({ page }) => {
      await openStory(page, '#person-tzachi-hanegbi');
      await expect(page.locator('#person-tzachi-hanegbi')).toBeInViewport();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('auto');
    });
  });
}
