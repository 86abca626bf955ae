/**
 * The editors' preview: each way of opening a draft, live rendering in the reader's own pages at
 * three widths, the problem list and its jumps into the editor, the last good rendering kept when
 * the draft breaks, persistence, download and the share link.
 */
import { decodedPicture, expectNoSidewaysScroll, expectVisibleFocusRing, saveScreenshot, tabTo, type DecodedPicture } from './checks';
import type { Locator } from '@playwright/test';
import { LONGEST_HEADLINE } from '../fixtures/fixtures';
import { expect, test, untilInteractive } from './fixtures';
import {
  cursorLine,
  editedStory,
  expectNoAxeViolationsInPreviewPage,
  editor,
  fixtureText,
  openPreview,
  pane,
  paneFrame,
  paneHeadline,
  pasteDraft,
  problems,
  problemSummary,
  savedDraftText,
  storyHeadline,
  STORY_SLUG,
  storyText,
} from './previewParts';

const TEMPLATE_HEADLINE = 'The headline of the new story';

test.describe('the editors’ preview', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  // The ways in, one after another in one page: each opening replaces the draft before it
  // (opening the preview costs seconds, so the suite opens it once for all of them).
  test('starts with the template, then opens a published story, a picked file, dropped files and pasted JSON; undoes; starts again', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);

    await test.step('the template, at three widths, with nothing wrong', async () => {
      await expect(problemSummary(page)).toHaveText('No problems: the reader shows all of this draft.');
      await expect(page.getByText('Mobile 360 px')).toBeVisible();
      for (const [device, width] of [['Mobile', 360], ['Tablet', 768], ['Desktop', 1280]] as const) {
        // Each pane is the reader's page laid out at its own width, whatever its size on screen.
        const layoutWidth = await pane(page, device).locator('html').evaluate((html) => html.clientWidth);
        expect(layoutWidth, device).toBe(width);
      }
    });

    await test.step('a published story from the feed, byte for byte', async () => {
      await page.getByRole('combobox', { name: 'Published story' }).selectOption({ label: storyHeadline });
      await page.getByRole('button', { name: 'Open story' }).click();
      await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
      await expect(page.getByText(`Opened the published story “${storyHeadline}”.`)).toBeVisible();
      await expect.poll(() => savedDraftText(page)).toBe(storyText);
      await expect(problems(page)).toHaveText([/Warning\s*\$\.standfirst\s*line 5, column 3\s*the standfirst is 232 characters/]);
    });

    await test.step('a JSON file from the file picker', async () => {
      await page.getByLabel('JSON file to open').setInputFiles({
        name: 'unknown-fields.json',
        mimeType: 'application/json',
        buffer: Buffer.from(fixtureText('articles/unknown-fields.json')),
      });
      await expect(page.getByText('Opened the file unknown-fields.json.')).toBeVisible();
      await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
      await expect(problems(page).filter({ hasText: 'unknown field' })).toHaveCount(3);
    });

    for (const target of ['the page', 'the editor'] as const) {
      await test.step(`a JSON file dropped on ${target}`, async () => {
        const headline = `A draft dropped on ${target}`;
        const file = `dropped-on-${target.replace('the ', '')}.json`;
        const text = editedStory((story) => (story.headline = headline));
        const dataTransfer = await page.evaluateHandle(
          ({ text, file }) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([text], file, { type: 'application/json' }));
            return transfer;
          },
          { text, file },
        );
        const selector = target === 'the page' ? 'main' : '.cm-content';
        await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
        await expect(page.getByText('Drop the file to open it as the draft')).toBeVisible();
        await page.dispatchEvent(selector, 'drop', { dataTransfer });
        await expect(page.getByText('Drop the file to open it as the draft')).toBeHidden();
        await expect(paneHeadline(page, 'Mobile')).toHaveText(headline);
        await expect(page.getByText(`Opened the file ${file}.`)).toBeVisible();
        // The file replaced the draft; it was not pasted into it.
        await expect.poll(() => savedDraftText(page)).toBe(text);
      });
    }

    await test.step('pasted JSON, and Undo brings the draft before it back', async () => {
      await pasteDraft(page, storyText);
      await expect(paneHeadline(page, 'Desktop')).toHaveText(storyHeadline);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(paneHeadline(page, 'Desktop')).toHaveText('A draft dropped on the editor');
      await expect(page.getByText('The previous draft is back.')).toBeVisible();
    });

    await test.step('New from template starts again', async () => {
      await page.getByRole('button', { name: 'New from template' }).click();
      await expect(paneHeadline(page, 'Mobile')).toHaveText(TEMPLATE_HEADLINE);
    });
  });

  test('renders as the editor types, within a quarter of a second of a pause', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    // Timed inside the page, from the last key to the mobile pane's headline changing, so the
    // test runner's own round trips are not counted.
    await page.evaluate(() => {
      const times = window as unknown as { lastKey?: number; renderedAt?: number };
      document.querySelector('.cm-content')?.addEventListener('keydown', () => (times.lastKey = performance.now()));
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title^="Mobile preview"]');
      const doc = frame?.contentDocument;
      if (!frame?.contentWindow || !doc) throw new Error('no mobile pane');
      new MutationObserver(() => {
        if (times.renderedAt === undefined && doc.getElementById('headline')?.textContent === 'Typed live') times.renderedAt = performance.now();
      }).observe(doc.body, { subtree: true, childList: true, characterData: true });
    });
    await editor(page).click();
    await page.keyboard.press('Control+Home');
    for (let line = 1; line < 4; line += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('"headline": "Typed live",', { delay: 20 });
    for (const device of ['Mobile', 'Tablet', 'Desktop'] as const) await expect(paneHeadline(page, device)).toHaveText('Typed live');
    const elapsed = await page.evaluate(() => {
      const { lastKey = 0, renderedAt = Number.NaN } = window as unknown as { lastKey?: number; renderedAt?: number };
      return Math.round(renderedAt - lastKey);
    });
    test.info().annotations.push({ type: 'live render', description: `${elapsed} ms from the last key to the mobile pane` });
    console.info(`live render: ${elapsed} ms from the last key to the mobile pane`);
    // 150 ms of waiting for a pause, then the check and the render; generous for a loaded machine.
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1000);
  });

  test('keeps the last good rendering, marked out of date, while the draft cannot be parsed', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(page, fixtureText('articles/trailing-comma.json'));
    await expect(problems(page)).toHaveText([/Error\s*\$\s*line 74, column 3\s*not valid JSON at line 74, column 3: a comma before “\]”/]);
    await expect(problemSummary(page)).toHaveText(/1 error and 0 warnings/);
    await expect(page.getByText(/Out of date: the draft has an error/)).toBeVisible();
    await expect(paneFrame(page, 'Mobile')).toHaveAttribute('title', /out of date/);
    // The template is still there to look at, not a blank pane.
    await expect(paneHeadline(page, 'Mobile')).toHaveText(TEMPLATE_HEADLINE);
    // So is its social card, said to be out of date.
    const social = page.getByRole('region', { name: 'Social card' });
    await expect(social.getByRole('img', { name: TEMPLATE_HEADLINE })).toBeVisible();
    await expect(social.getByRole('status')).toHaveText(/^Out of date: the draft cannot be parsed/);

    await problems(page).first().click();
    await expect(editor(page)).toBeFocused();
    expect(await cursorLine(page)).toBe('74');
    // The place is marked in the text (now scrolled into view), as well as listed.
    await expect(page.locator('.cm-lintRange-error')).toHaveText(']');

    // Remove the comma where the cursor now is: the story renders and the marks go.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
    await expect(page.getByText(/Out of date/)).toBeHidden();
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  });

  test('lists every failing field of a story that cannot be shown, each taking the cursor to it; warns of what the reader would leave out and what an editor should know, rendering the rest', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(
      page,
      editedStory((story) => {
        story.headline = 42;
        story.published = 'yesterday';
        delete story.dateline;
      }),
    );
    const errors = problems(page).filter({ hasText: /^Error/ });
    await expect(errors).toHaveText([
      /Error\s*\$\.dateline\s*line 1, column 1\s*dateline is missing/,
      /Error\s*\$\.headline\s*line 4, column 3\s*headline must be text/,
      /Error\s*\$\.published\s*line 7, column 3\s*published must be YYYY-MM-DD/,
    ]);
    await problems(page).filter({ hasText: '$.published' }).click();
    expect(await cursorLine(page)).toBe('7');
    await expect(paneHeadline(page, 'Mobile')).toHaveText(TEMPLATE_HEADLINE);

    // Then a draft the reader can show, in part: warnings, and the rest rendered.
    await pasteDraft(page, fixtureText('articles/bad-items-before-cross-references.json'));
    await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
    await expect(problems(page).filter({ hasText: '$.people[0].name' })).toHaveText(/Warning.*left out: name is missing/);
    await expect(problems(page).filter({ hasText: '$.timeline[0].date' })).toHaveText(/left out: date is missing/);

    await pasteDraft(
      page,
      editedStory((story) => {
        story.headline = `${storyHeadline}, As Officials From Both Countries Prepare For Talks On Iran's Nuclear Programme`;
        story.image = { src: '/favicon.svg', alt: '', width: 1200, height: 630 };
        const first = (story.body as { text: string }[])[0];
        if (first) first.text += ' https://www.example.com/reports/2025/03/20/high-level-talks-on-iran-at-the-white-house/full-text';
        (story.people as Record<string, unknown>[]).push({ id: 'mike-waltz', name: 'Mike Waltz', role: 'National security adviser' });
        (story.timeline as Record<string, unknown>[]).push({ id: 'later', date: '2025-04', title: 'A later meeting', status: 'past' });
      }),
    );
    await expect(problems(page).filter({ hasText: '$.headline' })).toHaveText([
      /the headline is 148 characters; over about 110 it is cut/,
      /the headline wraps to \d+ lines at 360 px/,
    ]);
    await expect(problems(page).filter({ hasText: '$.image.alt' })).toHaveText(/no alt text/);
    // Measured in the narrowest pane: the URL, up to its first hyphen (where it may wrap), breaks mid-word.
    await expect(problems(page).filter({ hasText: '$.body[0].text' })).toHaveText(
      /“https:\/\/www\.example\.com\/reports\/2025\/03\/20\/high-” is wider than its column at 360 px \(the narrowest pane; there is none at 320 px/,
    );
    await expect(problems(page).filter({ hasText: '$.people[5].name' })).toHaveText(/Mike Waltz is never mentioned/);
    await expect(problems(page).filter({ hasText: '$.timeline[14].status' })).toHaveText(/after the story .* marked "past"/);
    await expect(problems(page).filter({ hasText: '$.standfirst' })).toHaveText(/232 characters; the social card cuts it/);
    await expect(page.locator('.cm-lintRange-warning').first()).toBeVisible();

    // The same draft, checked for accessibility in the 360 and 1280 px panes: the reader's page
    // passes, and the lead image without alt text is named by its JSON path.
    await page.getByRole('button', { name: 'Check accessibility' }).click();
    const results = page.getByRole('region', { name: 'Accessibility', exact: true });
    await expect(results.getByRole('status')).toHaveText(/^axe found no violations at 360 px and 1280 px; 1 problem in the content\./, { timeout: 30_000 });
    for (const width of [360, 1280]) await expect(results.getByRole('region', { name: `Accessibility at ${width} px` })).toContainText('No violations.');
    const content = results.getByRole('region', { name: 'Accessibility of the content' });
    await expect(content.getByRole('listitem')).toHaveText([/\$\.image\.alt The lead image has no alt text/]);
    await content.getByRole('button', { name: 'Go to $.image.alt' }).click();
    await expect(editor(page)).toBeFocused();
    await expect(page.locator('.cm-activeLine')).toContainText('"alt": ""');
  });

  test('shows where the story travels, with what is cut shown as cut; shows one width at full size, and all three again; lists the changes from the published story; copies the public address; shows the publish command', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openPreview(page, TEMPLATE_HEADLINE);
    await expect(page.getByRole('region', { name: 'Changes' }).getByRole('status')).toHaveText(/No published story has this draft’s slug/);
    await pasteDraft(page, storyText);
    await expect(page.getByRole('region', { name: 'Changes' }).getByRole('status')).toHaveText('The same as the published story.');
    const search = page.getByRole('region', { name: 'Search result' });
    await expect(search.getByText('Title (with the site’s name): 79 characters, cut after about 60')).toBeVisible();
    const cut = search.locator('[data-cut]').first();
    await expect(cut).toHaveCSS('text-decoration-line', 'line-through');
    await expect(page.getByRole('region', { name: 'Front-page teaser' }).getByText(storyHeadline)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Social card' }).getByRole('img', { name: storyHeadline })).toBeVisible();

    // One width at full size, and all three again.
    await page.getByRole('radio', { name: /^360 px/ }).check();
    await expect(paneFrame(page, 'Mobile')).toBeVisible();
    await expect(paneFrame(page, 'Desktop')).toBeHidden();
    const box = await paneFrame(page, 'Mobile').boundingBox();
    expect(box?.width).toBe(360);
    await page.getByRole('radio', { name: /^1280 px/ }).check();
    await expect(page.getByText('Desktop 1280 px · full size')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.getByRole('radio', { name: /^All/ }).check();
    for (const device of ['Mobile', 'Tablet', 'Desktop'] as const) await expect(paneFrame(page, device)).toBeVisible();

    await test.step('“Copy link” in a pane copies the story’s public address, not the pane’s', async () => {
      await pane(page, 'Desktop').getByRole('button', { name: 'Copy link to this story' }).click();
      await expect(pane(page, 'Desktop').getByText('Link copied')).toBeVisible();
      const origin = new URL(page.url()).origin;
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/articles/${STORY_SLUG}`);
    });

    await test.step('the command that publishes the draft, beside Download', async () => {
      await expect(page.getByText(`npm run publish -- ${STORY_SLUG}.json`, { exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Copy command' }).click();
      await expect(page.getByText('Command copied.')).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`npm run publish -- ${STORY_SLUG}.json`);
    });

    await test.step('one paragraph edited, one added and a new event: exactly those changes, each taking the cursor to it', async () => {
      const added = 'Oman has offered to carry messages between Washington and Tehran, two diplomats said.';
      const draft = editedStory((story) => {
        const body = story.body as { type: string; text: string }[];
        const third = body[2];
        if (!third) throw new Error('the story changed');
        third.text = third.text.replace('strategic affairs minister Ron Dermer', 'Strategic Affairs Minister Ron Dermer');
        body.splice(5, 0, { type: 'paragraph', text: added });
        (story.timeline as Record<string, unknown>[]).push({ id: 'oman-offers-mediation', date: '2025-03-21', title: 'Oman offers to carry messages' });
      });
      await pasteDraft(page, draft);
      const changes = page.getByRole('region', { name: 'Changes' });
      await expect(changes.getByRole('status')).toHaveText('3 changes from the published story: 2 changes in the text, 1 event.');
      await expect(changes.getByRole('list', { name: 'Changes' }).getByRole('button')).toHaveText([
        'Paragraph 3 edited $.body[2]',
        'Paragraph 6 added $.body[5]',
        'Event added: Oman offers to carry messages $.timeline[14]',
      ]);
      const edited = changes.getByRole('listitem').first();
      await expect(edited.getByRole('deletion')).toHaveText(['[removed: strategic affairs minister]']);
      await expect(edited.getByRole('insertion')).toHaveText(['[added: Strategic Affairs Minister]']);
      await changes.getByRole('button', { name: /^Paragraph 6 added/ }).click();
      await expect(editor(page)).toBeFocused();
      // The cursor is at the added block's opening brace, the line before its "type".
      const typeLine = draft.slice(0, draft.indexOf(`"text": "${added}"`)).split('\n').length - 1;
      expect(await cursorLine(page)).toBe(String(typeLine - 1));
    });
  });

  test('keeps the draft, even one that is not JSON, across a reload', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(page, fixtureText('articles/truncated.json'));
    await expect(problemSummary(page)).toHaveText(/1 error/);
    await expect.poll(() => savedDraftText(page)).toBe(fixtureText('articles/truncated.json'));
    await page.reload();
    await expect(page.getByText(/Your draft is back from this browser/)).toBeVisible();
    await expect(problems(page)).toHaveText([/line 44, column 30/]);
    await expect.poll(() => savedDraftText(page)).toBe(fixtureText('articles/truncated.json'));
    // Nothing good has been seen since the reload: the panes say so rather than show an old story.
    await expect(page.getByText('Nothing to show yet: fix the errors in the list of problems first.').first()).toBeVisible();
  });

  // Three ways a draft leaves the preview, in one page (opening the preview costs seconds).
  test('downloads the draft as a file named for its slug, makes a link that opens it in another browser, and says when one is too large for a link', async ({ page, browser }) => {
    await openPreview(page, TEMPLATE_HEADLINE);

    await test.step('downloaded as a file named for its slug', async () => {
      await pasteDraft(page, storyText);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
      expect(download.suggestedFilename()).toBe('us-israel-high-level-talks-iran-white-house.json');
      const path = await download.path();
      const { readFileSync } = await import('node:fs');
      expect(readFileSync(path, 'utf8')).toBe(storyText);
      await expect(page.getByText('Downloaded as us-israel-high-level-talks-iran-white-house.json.')).toBeVisible();
    });

    await test.step('a link that opens the same draft in another browser', async () => {
      const draft = editedStory((story) => (story.headline = 'Shared: talks on Iran, عباس عراقچی'));
      await pasteDraft(page, draft);
      await page.getByRole('button', { name: 'Copy share link' }).click();
      const link = page.getByRole('textbox', { name: 'Share link' });
      await expect(link).toHaveValue(/\/preview#draft=[A-Za-z0-9_-]+$/);
      const url = await link.inputValue();
      expect(url.length).toBeLessThan(draft.length);

      const elsewhere = await browser.newContext();
      try {
        const other = await elsewhere.newPage();
        await other.goto(url);
        // A browser that has never opened the site loads the app and its three panes from scratch.
        await expect(paneHeadline(other, 'Mobile')).toHaveText('Shared: talks on Iran, عباس عراقچی', { timeout: 20_000 });
        await expect(other.getByText('Opened the draft from the link.')).toBeVisible();
        await expect.poll(() => savedDraftText(other)).toBe(draft);
        // The draft leaves the address once opened: a reload shows the draft as it is now.
        expect(new URL(other.url()).hash).toBe('');
      } finally {
        await elsewhere.close();
      }
    });

    await test.step('a draft too large for a link is said to be so', async () => {
      const { incompressibleDraft } = await import('../unit/preview/largeDraft');
      await pasteDraft(page, incompressibleDraft(storyText, 60_000));
      await page.getByRole('button', { name: 'Copy share link' }).click();
      await expect(page.getByRole('alert')).toHaveText(/This draft is too large for a link: it needs [\d,]+ characters, and a link .* holds at most 32,000\. Download it/);
      await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
    });
  });
});

/** The card as the page decodes it (`decodedPicture`). */
async function decodedCard(card: Locator): Promise<DecodedPicture> {
  const src = await card.getAttribute('src');
  if (!src) throw new Error('the card has no picture');
  return decodedPicture(card.page(), src);
}

test.describe('the social card', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('is the draft’s own card, drawn as the build draws it, named by its headline', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(page, storyText);
    const social = page.getByRole('region', { name: 'Social card' });
    const card = social.getByRole('img', { name: storyHeadline });
    await expect(card).toBeVisible();
    await expect(social.getByRole('status')).toHaveText('The card the build will make, 1200 × 630: the headline drawn at 76 px.');
    const { width, height, variance } = await decodedCard(card);
    expect([width, height]).toEqual([1200, 630]);
    // The same threshold as the build's cards (tests/unit/site/socialCard.test.ts).
    expect(variance).toBeGreaterThan(500);
    await expect(problems(page).filter({ hasText: 'the social card draws this headline' })).toHaveCount(0);
  });

  test('warns at $.headline when a 300-character headline is drawn below a readable size', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    // In capitals, beside the lead picture (which the card draws in, from this site): the longest
    // headline the contract allows no longer fits at a readable size.
    const headline = LONGEST_HEADLINE.toUpperCase();
    const draft = JSON.parse(fixtureText('articles/story-with-image.json')) as Record<string, unknown>;
    await pasteDraft(page, `${JSON.stringify({ ...draft, headline }, null, 2)}\n`);
    const social = page.getByRole('region', { name: 'Social card' });
    const card = social.getByRole('img', { name: headline });
    await expect(card).toBeVisible();
    await expect(social.getByRole('status')).toHaveText(/the headline drawn at \d+ px, below a readable 34 px\.$/);
    expect((await decodedCard(card)).variance).toBeGreaterThan(500);
    const warning = problems(page).filter({ hasText: 'the social card draws this headline' });
    await expect(warning).toHaveText([/^Warning\s*\$\.headline\s*line 4, column \d+\s*the social card draws this headline at \d+ px to fit it whole, below a readable 34 px/]);
    await warning.click();
    await expect(editor(page)).toBeFocused();
    expect(await cursorLine(page)).toBe('4');
  });
});

test.describe('the preview by keyboard', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('reaches every control, leaves the editor with Tab, and jumps to a problem with Enter', async ({ page }) => {
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(page, fixtureText('articles/bad-event-end-before-start.json'));
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    await page.keyboard.press('Home');
    for (const target of [
      page.getByRole('combobox', { name: 'Published story' }),
      page.getByRole('button', { name: 'Open a file…' }),
      editor(page),
      page.getByRole('button', { name: 'Download' }),
      problems(page).filter({ hasText: '$.timeline[2].endDate' }),
      page.getByRole('radio', { name: /^All/ }),
      paneFrame(page, 'Desktop'),
    ]) {
      await tabTo(page, target);
      if (!(await target.evaluate((element) => element.tagName === 'IFRAME' || element.classList.contains('cm-content')))) {
        await expectVisibleFocusRing(page);
      }
    }
    // Tab does not indent in the editor: it moves on.
    await editor(page).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Download' })).toBeFocused();

    await problems(page).filter({ hasText: '$.timeline[2].endDate' }).focus();
    await page.keyboard.press('Enter');
    await expect(editor(page)).toBeFocused();
    const line = (await problems(page).filter({ hasText: '$.timeline[2].endDate' }).textContent())?.match(/line (\d+)/)?.[1];
    expect(await cursorLine(page)).toBe(line);

    // One pane is reached by the keyboard and screen readers (1280 px at first); the other two are
    // inert copies, and the page says so. Another can be chosen.
    await expect(page.getByText('Screen readers and the keyboard reach only the desktop pane (1280 px)')).toBeVisible();
    for (const device of ['mobile', 'tablet'] as const) await expect(page.locator(`figure[data-device="${device}"]`)).toHaveAttribute('inert', '');
    await page.getByRole('combobox', { name: 'Pane they reach' }).selectOption({ label: 'Mobile, 360 px' });
    await expect(page.locator('figure[data-device="mobile"]')).not.toHaveAttribute('inert', '');
    await expect(page.locator('figure[data-device="desktop"]')).toHaveAttribute('inert', '');
    await page.getByRole('combobox', { name: 'Pane they reach' }).selectOption({ label: 'Desktop, 1280 px' });

    // The widths are a radio group: arrow keys move between them.
    await page.getByRole('radio', { name: /^All/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: /^360 px/ })).toBeChecked();
    await expect(paneFrame(page, 'Desktop')).toBeHidden();
  });
});

test.describe('a pane opened on its own', () => {
  test('points to the preview', async ({ page }) => {
    await page.goto('/preview/frame');
    await expect(page.getByRole('heading', { level: 1, name: 'This page belongs to the editors’ preview' })).toBeVisible();
    await page.getByRole('link', { name: 'Open the editors’ preview' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Editors’ preview' })).toBeVisible();
  });
});

test.describe('the mobile pane', () => {
  test('lays the story out exactly as the reader does on a 360 px phone', async ({ page, browser }) => {
    const parts = ['h1', 'aside', 'article p', 'section#timeline'] as const;
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    let reader: { left: number; top: number; width: number; height: number }[];
    try {
      const readerPage = await phone.newPage();
      // The reader as the browser renders it (a query makes the app render afresh rather than
      // hydrate the prerendered markup), as each pane is rendered.
      await readerPage.goto('/articles/us-israel-high-level-talks-iran-white-house?from=preview-test');
      // A page of its own context, not the fixture's: wait by hand until the app has drawn it.
      await untilInteractive(readerPage);
      await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(storyHeadline);
      reader = await Promise.all(parts.map((selector) => readerPage.locator(selector).first().evaluate(pageBox)));
    } finally {
      await phone.close();
    }

    await page.setViewportSize({ width: 1440, height: 900 });
    await openPreview(page, TEMPLATE_HEADLINE);
    await pasteDraft(page, storyText);
    await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
    const inPane = await Promise.all(parts.map((selector) => pane(page, 'Mobile').locator(selector).first().evaluate(pageBox)));
    parts.forEach((part, index) => {
      expect(inPane[index], part).toEqual(reader[index]);
    });
  });
});

function pageBox(element: Element) {
  // What `content-visibility: auto` skips until it comes near has only its estimated size, and a
  // pane (a frame as tall as the story) and a phone's screen skip different parts: compare the
  // layout with everything laid out, as a reader scrolling through sees it.
  const document = element.ownerDocument;
  const laidOut = document.createElement('style');
  laidOut.textContent = '* { content-visibility: visible !important; }';
  document.head.append(laidOut);
  try {
    const rect = element.getBoundingClientRect();
    const view = document.defaultView ?? window;
    const round = (n: number) => Math.round(n);
    return { left: round(rect.left + view.scrollX), top: round(rect.top + view.scrollY), width: round(rect.width), height: round(rect.height) };
  } finally {
    laidOut.remove();
  }
}

/**
 * The preview at every width from 320 to 1920 px, light and dark: the whole page, panes included,
 * has no axe violations with every rule on, and never scrolls sideways at any of them (a
 * screenshot of each is kept). One page per scheme, resized through the widths.
 */
const PREVIEW_WIDTHS = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
  { width: 360, height: 740 },
  { width: 320, height: 640 },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`the preview, ${colorScheme}`, () => {
    test.use({ viewport: PREVIEW_WIDTHS[0], colorScheme });

    test(`has no axe violations and does not scroll sideways at ${PREVIEW_WIDTHS.map((viewport) => viewport.width).join(', ')} px, panes included`, async ({ page }, testInfo) => {
      test.setTimeout(120_000);
      await openPreview(page, TEMPLATE_HEADLINE);
      await pasteDraft(page, fixtureText('articles/bad-person-no-name.json'));
      await expect(paneHeadline(page, 'Mobile')).toHaveText(storyHeadline);
      await expect(page.getByRole('region', { name: 'Social card' }).getByRole('img', { name: storyHeadline })).toBeVisible();
      for (const viewport of PREVIEW_WIDTHS) {
        await test.step(`${viewport.width} px`, async () => {
          await page.setViewportSize(viewport);
          // The panes are scaled to fit on resize: wait until the layout has caught up.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          await saveScreenshot(page, testInfo, `preview-${viewport.width}-${colorScheme}`);
          await expectNoSidewaysScroll(page);
          await expectNoAxeViolationsInPreviewPage(page);
        });
      }
    });
  });
}
