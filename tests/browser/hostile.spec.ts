/**
 * Hostile content in the real build, under its Content Security Policy. For each of the corpus's
 * payloads (tests/fixtures/hostile/payloads.ts) a story carries it in every text field and hostile
 * URLs in its pictures; it is served at a slug the build never saw, so the browser renders it
 * through the single-page fallback (the first of each group of seven by loading its address, the
 * rest by navigating inside the app). Nothing may run (no `window.__pwned_…` flag, no CSP
 * violation, no element made from content), the payload shows as text, refused URLs are never
 * used, and nothing scrolls sideways at 360 and 1280 px. Hostile addresses and the editors'
 * preview get the same treatment; the app's own pages load under the policy without a
 * violation; and the built pages carry the policy and no inline script but the boot script, allowed by its hash.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page, Request, TestInfo } from '@playwright/test';
import { BOOT_SCRIPT, BOOT_SCRIPT_HASH } from '../../scripts/bootScript';
import { ICON_DATA_URL } from '../../scripts/inlineIcon';
import { expectNoSidewaysScroll, saveScreenshot } from './checks';
import { expect, test } from './fixtures';
import { groupsOf, navigateInApp } from './pages';
import {
  HOSTILE_EVENT_ID,
  HOSTILE_PERSON_ID,
  PWNED_PREFIX,
  TEXT_PAYLOADS,
  URL_PAYLOADS,
  amidWords,
  headlineOf,
  hostileSlug,
  hostileStory,
  hostileStoryText,
  urlsOf,
  type TextPayload,
} from '../fixtures/hostile/payloads';

// The service worker would answer from its cache, around the routes these tests set.
test.use({ serviceWorkers: 'block' });

/** The built site these tests run against (`vite preview` serves it): dist/, unless BUILT_DIST says otherwise. */
const DIST = process.env.BUILT_DIST ?? fileURLToPath(new URL('../../dist', import.meta.url));

/** A URL the contract refuses, as it could appear in an attribute or a request. */
const REFUSED = /^\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data|file|blob)\s*(?::|&colon;)|^\s*[/\\]{2}|^\/\s*[/\\]|refused\.example/i;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

interface Watch {
  /** Every URL the page requested. */
  readonly requests: string[];
}

/**
 * Records CSP violations from the first script on (in every frame), serves each hostile story at
 * its slug, and answers the pictures the contract allows with a small PNG.
 */
async function watchHostile(page: Page): Promise<Watch> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`);
    });
  });
  const requests: string[] = [];
  page.on('request', (request: Request) => requests.push(request.url()));
  await page.route(/\/content\/articles\/hostile-[a-z0-9-]+\.json(?:\?.*)?$/, async (route) => {
    const slug = /\/(hostile-[a-z0-9-]+)\.json/.exec(route.request().url())?.[1];
    const payload = TEXT_PAYLOADS.find((candidate) => hostileSlug(candidate) === slug);
    if (!payload) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: hostileStoryText(payload) });
  });
  await page.route(
    (url) => url.hostname === 'allowed.example' || url.pathname === '/pwned.png',
    (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PNG }),
  );
  return { requests };
}

/** Nothing ran: no payload's flag is set and the policy blocked nothing, here and in every frame. */
async function expectNothingRan(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const { flags, violations } = await frame.evaluate((prefix) => {
      const record = window as unknown as Record<string, unknown>;
      return {
        flags: Object.keys(record).filter((key) => key.startsWith(prefix)),
        violations: Array.isArray(record.__cspViolations) ? (record.__cspViolations as string[]) : ['no CSP watch in this frame'],
      };
    }, PWNED_PREFIX);
    expect(flags, `payloads that ran in ${frame.url()}`).toEqual([]);
    expect(violations, `CSP violations in ${frame.url()}`).toEqual([]);
  }
}

/** No element was made from content: no script beyond the app's, no handler attribute, no refused URL. */
async function expectNoInjectedMarkup(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(({ bootScript, icon, ...refused }) => {
      const pattern = new RegExp(refused.source, refused.flags);
      const problems: string[] = [];
      const describe = (element: Element) => element.outerHTML.slice(0, 160);
      for (const element of document.querySelectorAll('*')) {
        for (const name of element.getAttributeNames()) {
          const value = element.getAttribute(name) ?? '';
          if (name.startsWith('on')) problems.push(`handler attribute ${name}: ${describe(element)}`);
          // The preview's own social card, drawn by the app as an object URL of this page: content
          // cannot make one (the contract refuses blob: URLs), and no other element may hold one.
          const ownCard = element.matches('img[data-social-card]') && name === 'src' && value.startsWith(`blob:${location.origin}/`);
          // The site's own icon, inline in the head of every page by the build (scripts/inlineIcon.ts).
          const ownIcon = element.matches('head > link[rel="icon"]') && name === 'href' && value === icon;
          if (['src', 'href', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background'].includes(name) && pattern.test(value) && !ownCard && !ownIcon) {
            problems.push(`refused URL in ${name}: ${describe(element)}`);
          }
        }
      }
      // Elements content could make: none inside a story, and in the whole page only the app's own
      // (the preview's panes, whose address is the app's frame page).
      for (const element of document.querySelectorAll('article :is(script, iframe, object, embed, base, meta, style, link, math, noscript, template, textarea, form, input, select, frame, frameset)')) {
        problems.push(`element made from content: ${describe(element)}`);
      }
      for (const element of document.querySelectorAll('base, object, embed, frame, frameset, meta[http-equiv="refresh" i], iframe:not([src="/preview/frame"])')) {
        problems.push(`element made from content: ${describe(element)}`);
      }
      for (const script of document.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        const inert = type === 'application/json' || type === 'application/ld+json';
        // The one inline script the policy allows by its hash: the app's boot script, in the head.
        const boot = script.textContent === bootScript && script.parentElement === document.head;
        if (!inert && !script.hasAttribute('src') && !boot) problems.push(`inline script: ${describe(script)}`);
      }
      return problems;
    }, { source: REFUSED.source, flags: REFUSED.flags, bootScript: BOOT_SCRIPT, icon: ICON_DATA_URL });
    expect(found, `in ${frame.url()}`).toEqual([]);
  }
}

/** Each text node's own text in the story: where a payload shows, as text. */
async function textNodes(page: Page): Promise<string[]> {
  return page.locator('#root').evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
    return texts;
  });
}

/** The exact text of each element the locator finds (no whitespace folded, unlike toHaveText). */
async function textsOf(locator: Locator): Promise<(string | null)[]> {
  return locator.evaluateAll((elements) => elements.map((element) => element.textContent));
}

/** Texts cut short for a failure message: a payload may be 10,000 characters long. */
const brief = (texts: readonly (string | null)[]): string => JSON.stringify(texts.map((text) => (text !== null && text.length > 120 ? `${text.slice(0, 120)}… (${text.length} characters)` : text)));

/** The elements hold exactly these texts (waiting for them, as the page may still be drawing). */
async function expectTexts(locator: Locator, expected: readonly string[], what: string): Promise<void> {
  let actual: (string | null)[] = [];
  await expect
    .poll(async () => {
      actual = await textsOf(locator);
      return JSON.stringify(actual) === JSON.stringify(expected);
    }, { message: `${what}` })
    .toBe(true)
    .catch(() => {
      throw new Error(`${what}: expected ${brief(expected)}, found ${brief(actual)}`);
    });
}

/**
 * A few payloads are worth a look after the run: the direction overrides in full, and the top of
 * the long word (whose page, wrapped at 360 px, is too tall for a full-page screenshot).
 */
async function screenshot(page: Page, testInfo: TestInfo, payload: TextPayload, width: number): Promise<void> {
  if (payload.id === 'direction') await saveScreenshot(page, testInfo, `hostile-${payload.id}-${width}`);
  if (payload.id === 'long-word') {
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, testInfo, `hostile-${payload.id}-${width}`, false);
  }
}

/** Lets anything that might run have its turn: a failed picture's handler, a deferred script. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
}

const GROUPS = groupsOf(TEXT_PAYLOADS, 7);

/**
 * Opens a hostile story: the first of a group by loading its address (the single-page fallback),
 * the rest by navigating inside the app, as a reader following a link would.
 */
async function openHostileStory(page: Page, payload: TextPayload, first: boolean): Promise<void> {
  const path = `/articles/${hostileSlug(payload)}`;
  if (first) await page.goto(path);
  else await navigateInApp(page, path);
  await expectTexts(page.locator('h1'), [headlineOf(payload)], 'the headline');
}

async function checkStory(page: Page, testInfo: TestInfo, watch: Watch, payload: TextPayload): Promise<void> {
  const p = payload.text;

  // Shown as text, exactly, where each field belongs: the page's title and description too.
  await expect(page).toHaveTitle(`${headlineOf(payload)} | Dispatch`);
  expect((await page.locator('meta[name="description"]').getAttribute('content')) === p, 'the meta description').toBe(true);
  const article = page.locator('article');
  await expectTexts(article.locator('h2:not(#key-people-heading, #timeline-heading, #topics-heading)'), [p], 'the body’s heading');
  await expectTexts(article.locator('blockquote'), [p], 'the quote');
  await expectTexts(article.locator('blockquote + figcaption'), [p], 'the quote’s attribution');
  const hostilePerson = article.locator(`#person-${HOSTILE_PERSON_ID}`);
  await expectTexts(hostilePerson.locator('h3'), [p], 'the person’s name');
  await expectTexts(hostilePerson.locator('[lang="fa"]'), [p], 'the name in its own script');
  await expectTexts(article.locator('#event-hostile-event h3'), [p], 'the event’s title');
  await expectTexts(article.locator('#event-hostile-event time'), [p], 'the event’s date label');
  const texts = await textNodes(page);
  // Section, standfirst, dateline, byline, source, four blocks, the note, six of the person's
  // fields and links, five of the events' fields and their links to the person.
  expect(texts.filter((text) => text === p).length, 'text nodes that hold the payload exactly').toBeGreaterThanOrEqual(20);
  expect(texts.includes(amidWords(p)), 'the paragraph that holds the payload among other words').toBe(true);

  // Pictures: the allowed ones used exactly as written, the refused ones nowhere.
  const { person, other } = urlsOf(payload);
  for (const [id, url] of [[HOSTILE_PERSON_ID, person], ['plain-person', other]] as const) {
    const picture = article.locator(`#person-${id} img`);
    if (url.verdict === 'allowed') await expect(picture).toHaveAttribute('src', url.url);
    else await expect(picture, `${url.what} is refused`).toHaveCount(0);
  }

  // The person filter works with a hostile name, and says it as text.
  await hostilePerson.getByRole('link', { name: /events? in the timeline/ }).click();
  await expect(page).toHaveURL(new RegExp(`\\?person=${HOSTILE_PERSON_ID}$`));
  await expectTexts(page.locator('#timeline p[role="status"]'), [`Showing 2 of 2 events, those with ${p}.`], 'the filter’s status');

  await settle(page);
  await expectNothingRan(page);
  await expectNoInjectedMarkup(page);
  expect(watch.requests.filter((url) => REFUSED.test(url)), 'requests for refused URLs').toEqual([]);

  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, payload, 360);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, payload, 1280);
  await page.setViewportSize({ width: 360, height: 740 });
}

test.describe(`stories with one of ${TEXT_PAYLOADS.length} payloads in every field and ${URL_PAYLOADS.length} hostile URLs among their pictures, read in the browser`, () => {
  for (const group of GROUPS) {
    test(`${group.map((payload) => payload.id).join(', ')}`, async ({ page, health }, testInfo) => {
      test.setTimeout(120_000);
      // A hostile story's section and tags have no list files: a pointer passing over their links prefetches a 404.
      health.expectFailedLoads(/\/content\/lists\/(?:section|tag)\//);
      const watch = await watchHostile(page);
      await page.setViewportSize({ width: 360, height: 740 });
      for (const [index, payload] of group.entries()) {
        await test.step(`${payload.id}: ${payload.what}`, async () => {
          await openHostileStory(page, payload, index === 0);
          await checkStory(page, testInfo, watch, payload);
        });
      }
      await expectNothingRan(page);
    });
  }
});

test.describe('hostile addresses', () => {
  const script = `<script>window.${PWNED_PREFIX}address=1</script>`;
  const image = `<img src=x onerror=window.${PWNED_PREFIX}address=1>`;
  const story = TEXT_PAYLOADS[0];
  if (!story) throw new Error('no payloads');
  const cases = [
    { what: 'markup as a story’s slug', path: `/articles/${encodeURIComponent(image)}`, heading: 'Story not found' },
    { what: 'markup as a path', path: `/${encodeURIComponent(script)}`, heading: 'Page not found' },
    { what: 'a javascript: URL as a path', path: `/javascript:window.${PWNED_PREFIX}address=1`, heading: 'Page not found' },
    // Once answered with the preview server's stack trace (a URIError, status 500).
    { what: 'a malformed escape in a story’s address', path: '/articles/%E0%A4%A', heading: 'Story not found' },
    { what: 'markup as the person to filter by', path: `/articles/${hostileSlug(story)}?person=${encodeURIComponent(image)}`, heading: headlineOf(story) },
    { what: 'markup in the fragment', path: `/articles/${hostileSlug(story)}#${encodeURIComponent(image)}`, heading: headlineOf(story) },
  ];
  test(`each of ${cases.length} shows a page, and runs nothing`, async ({ page, health }) => {
    health.expectFailedLoads(/\/content\/articles\/.*\.json/);
    await watchHostile(page);
    for (const { what, path, heading } of cases) {
      await test.step(what, async () => {
        await page.goto(path);
        await expectTexts(page.locator('h1'), [heading], 'the page’s heading');
        await settle(page);
        await expectNothingRan(page);
        await expectNoInjectedMarkup(page);
      });
    }
  });
});

test.describe('the editors’ preview with hostile drafts', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  /** The preview is its own chunk, loaded on demand: slow on a busy machine. */
  const PREVIEW_LOAD = { timeout: 20_000 };

  async function openPreview(page: Page): Promise<void> {
    await page.goto('/preview');
    await expect(page.getByRole('heading', { level: 1, name: 'Editors’ preview' })).toBeVisible(PREVIEW_LOAD);
  }

  async function paste(page: Page, text: string): Promise<void> {
    await page.getByRole('button', { name: 'Paste JSON…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste JSON' });
    await dialog.getByRole('textbox').fill(text);
    await dialog.getByRole('button', { name: 'Open pasted JSON' }).click();
    await expect(dialog).toBeHidden();
  }

  const panes = (page: Page) => ['Mobile', 'Tablet', 'Desktop'].map((device) => page.frameLocator(`iframe[title^="${device} preview"]`));

  /**
   * One draft holding every payload: each payload's person (with its hostile pictures) and its
   * events, one after another, and every body block; the single fields (headline, dateline …)
   * hold the first payload, as the reader tests above put each payload in every field. Pasting 37
   * drafts, each rendered in three panes, took a minute of the suite; one draft tests the same
   * rendering path (the panes are the reader's own page) in a tenth of the time.
   */
  function everyPayloadDraft(): string {
    const stories = TEXT_PAYLOADS.map((payload) => hostileStory(payload));
    const first = stories[0];
    if (!first) throw new Error('no payloads');
    const idFor = (id: string, index: number) => `${id}-${index}`;
    return JSON.stringify({
      ...first,
      body: stories.flatMap((story) => story.body),
      people: stories.flatMap((story, index) => story.people.map((person) => ({ ...person, id: idFor(person.id, index) }))),
      timeline: stories.flatMap((story, index) =>
        story.timeline.map((event) => ({ ...event, id: idFor(event.id, index), people: event.people.map((id) => idFor(id, index)) })),
      ),
    });
  }

  test(`one draft with all ${TEXT_PAYLOADS.length} payloads, pasted: shown as text in the panes, refused pictures unused and named`, async ({ page }) => {
    test.setTimeout(120_000);
    const watch = await watchHostile(page);
    await openPreview(page);
    await paste(page, everyPayloadDraft());
    const first = TEXT_PAYLOADS[0];
    if (!first) throw new Error('no payloads');
    for (const pane of panes(page)) await expectTexts(pane.locator('h1'), [headlineOf(first)], 'the pane’s headline');
    const mobile = panes(page)[0];
    if (!mobile) throw new Error('no mobile pane');
    for (const [index, payload] of TEXT_PAYLOADS.entries()) {
      await test.step(`${payload.id}: ${payload.what}`, async () => {
        const person = mobile.locator(`#person-${HOSTILE_PERSON_ID}-${index}`);
        await expectTexts(person.locator('h3'), [payload.text], 'the person’s name in the pane');
        await expectTexts(mobile.locator(`#event-${HOSTILE_EVENT_ID}-${index} h3`), [payload.text], 'the event’s title in the pane');
        // Pictures: the allowed ones used exactly as written, the refused ones nowhere.
        const urls = urlsOf(payload);
        for (const [card, url] of [[person, urls.person], [mobile.locator(`#person-plain-person-${index}`), urls.other]] as const) {
          if (url.verdict === 'allowed') await expect(card.locator('img')).toHaveAttribute('src', url.url);
          else await expect(card.locator('img'), `${url.what} is refused`).toHaveCount(0);
        }
      });
    }
    // Refused pictures are named among the problems by their JSON path (the list shows the first ones).
    const problemList = page.getByRole('list', { name: 'Problems, errors first' });
    await expect(problemList.getByRole('button').filter({ hasText: /\$\.(?:image|people\[\d+\]\.image)\.src/ }).first()).toBeVisible();

    await settle(page);
    await expectNothingRan(page);
    await expectNoInjectedMarkup(page);
    expect(watch.requests.filter((url) => REFUSED.test(url)), 'requests for refused URLs').toEqual([]);
    await expectNoSidewaysScroll(page);
  });

  test('a share link holding markup instead of a draft is refused with a message', async ({ page }) => {
    await watchHostile(page);
    await page.goto(`/preview#draft=${encodeURIComponent(`<img src=x onerror=window.${PWNED_PREFIX}share=1>`)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Editors’ preview' })).toBeVisible(PREVIEW_LOAD);
    await expect(page.getByText(/link’s draft/)).toBeVisible();
    await expectNothingRan(page);
    await expectNoInjectedMarkup(page);
  });
});

test.describe('the app under its own policy', () => {
  const pages = [
    { path: '/', heading: 'Latest stories' },
    { path: '/articles/us-israel-high-level-talks-iran-white-house', heading: 'US, Israel To Hold High-Level Talks On Iran At White House Next Week' },
    { path: '/no/such/page', heading: 'Page not found' },
    { path: '/preview', heading: 'Editors’ preview' },
  ];
  for (const { path, heading } of pages) {
    test(`${path} loads its own scripts, styles, data and workers with no policy violation`, async ({ page }) => {
      await watchHostile(page);
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible({ timeout: 20_000 });
      await settle(page);
      await expectNothingRan(page);
      await expectNoInjectedMarkup(page);
    });
  }
});

test.describe('the built pages', () => {
  const pages = (() => {
    const found: string[] = [];
    const visit = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (name === 'articles') visit(path);
        } else if (name.endsWith('.html')) found.push(path);
      }
    };
    visit(DIST);
    return found;
  })();

  test(`every built page (${pages.length}) carries the policy and no inline script but the boot script`, () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
      expect(policy, `${file} has no CSP meta tag`).toBeDefined();
      const directives = new Map((policy ?? '').split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values] as const;
      }));
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src') ?? [];
      // Only the editors' preview may compile WebAssembly (its social card's layout engine).
      // Scripts from the site, and the boot script by its hash; nothing else inline.
      expect(scriptSrc, `${file}: script-src`).toEqual(file.endsWith('/preview.html') ? ["'self'", BOOT_SCRIPT_HASH, "'wasm-unsafe-eval'"] : ["'self'", BOOT_SCRIPT_HASH]);
      expect(directives.get('object-src'), `${file}: object-src`).toEqual(["'none'"]);
      expect(directives.get('base-uri'), `${file}: base-uri`).toEqual(["'self'"]);
      // The policy comes before any script, so that it governs all of them.
      expect(html.indexOf('Content-Security-Policy'), file).toBeLessThan(html.search(/<script/i));

      let bootScripts = 0;
      for (const [tag, attributes, body] of [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => [m[0], m[1] ?? '', m[2] ?? ''] as const)) {
        const type = /\btype="([^"]*)"/i.exec(attributes)?.[1];
        const inert = type === 'application/json' || type === 'application/ld+json';
        if (inert) {
          expect(() => JSON.parse(body), `${file}: ${tag.slice(0, 80)} holds JSON`).not.toThrow();
          expect(body, `${file}: data may not hold "<"`).not.toMatch(/</);
        } else if (body === BOOT_SCRIPT) {
          bootScripts += 1;
        } else {
          expect(attributes, `${file}: inline script ${tag.slice(0, 120)}`).toMatch(/\bsrc="\/[^"/][^"]*"/);
          expect(body.trim(), `${file}: a script with src has no body`).toBe('');
        }
      }
      expect(bootScripts, `${file}: the boot script, once`).toBe(1);
      expect(html, `${file}: no inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
      expect(html, `${file}: no javascript: URL`).not.toMatch(/(?:href|src)\s*=\s*"\s*javascript:/i);
    }
  });
});
