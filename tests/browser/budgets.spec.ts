/**
 * Budgets, in exact bytes: what the story page makes a reader download before it is interactive,
 * its CSS, and that nothing comes from outside the site nor from the editors' preview.
 * Sizes are gzip at zlib's default level, as a server would send them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INTERACTIVE_ATTRIBUTE } from '../../src/app/prerenderedState';
import { expect, test } from './fixtures';
import { STORY_PATH, STORY_SLUG } from './pages';

const DIST = new URL('../../dist/', import.meta.url).pathname;
/**
 * Issue 14's goal: 100,000 B. The story comes to 99,970 B (the inline boot script 470 B, the entry
 * 99,500 B): what took it there is in docs/performance.md, "Budgets".
 */
const JS_BUDGET = 100_000;
const CSS_BUDGET = 12_000;
/** The preview's code, and what only its social card loads (satori's WebAssembly, the card's fonts). */
const PREVIEW_CODE = /(?:^|\/)(?:(?:Preview|preview|draftAnalysis|codemirror|axe)[^/]*|[^/]*\.(?:wasm|woff))$/;

const gzipBytes = (text: string | Buffer) => gzipSync(text).byteLength;
const readDist = (path: string) => readFileSync(join(DIST, path));

/** The text of each script inline in the page that the browser runs (the boot script), not JSON data. */
function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\bsrc=/.test(attributes) && !/\btype="application\/(?:ld\+)?json"/.test(attributes))
    .map(([, , text = '']) => text);
}

/**
 * Every script file a page loads before it is interactive: the scripts it names (on a prerendered
 * page, the app module the inline boot script starts, named in its data-app, once the page is
 * painted), and every chunk those import statically, transitively.
 */
function scriptsLoadedBy(html: string): string[] {
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\ssrc="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/<script\b[^>]*\sdata-app="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
  ];
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readDist(path).toString('utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is loaded on demand.
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(join('assets', match[1] ?? ''));
    }
  };
  [...entries, ...preloads].forEach(visit);
  return [...seen];
}

const storyHtml = () => readDist(`articles/${STORY_SLUG}.html`).toString('utf8');

test('the story page loads at most 100 KB of gzipped JavaScript before it is interactive', () => {
  const html = storyHtml();
  const scripts = scriptsLoadedBy(html);
  expect(scripts.length).toBeGreaterThan(0);
  const inline = inlineScriptsOf(html);
  expect(inline).toHaveLength(1);
  // Counted on its own, as if it were a file: inside the page it compresses a little better.
  const sizes = [
    ...inline.map((text) => ({ path: 'inline boot script', gzip: gzipBytes(text) })),
    ...scripts.map((path) => ({ path, gzip: gzipBytes(readDist(path)) })),
  ];
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  console.log(`story page JavaScript: ${sizes.map(({ path, gzip }) => `${path} ${gzip} B`).join(', ')}; total ${total} B gzip`);
  expect(total).toBeLessThanOrEqual(JS_BUDGET);
  expect(scripts.filter((path) => PREVIEW_CODE.test(path))).toEqual([]);
});

test('the story page carries at most 12 KB of gzipped CSS, in the page itself', () => {
  const html = storyHtml();
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '').join('');
  const linked = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((match) => match[1] ?? '');
  // Inlined: the first screen's styles arrive with the HTML and block nothing.
  expect(linked).toEqual([]);
  expect(inline.length).toBeGreaterThan(0);
  const gzip = gzipBytes(inline);
  console.log(`story page CSS: ${Buffer.byteLength(inline)} B, ${gzip} B gzip`);
  expect(gzip).toBeLessThanOrEqual(CSS_BUDGET);
});

test('no built page names a script, style, font or icon from outside the site', () => {
  const pages = ['index.html', '200.html', '404.html', ...readdirSync(join(DIST, 'articles')).map((file) => `articles/${file}`)];
  for (const page of pages) {
    const html = readDist(page).toString('utf8');
    const loaded = [...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="([^"]+)"/g)]
      .filter((match) => !/rel="canonical"/.test(match[0]))
      .map((match) => match[1] ?? '');
    expect(loaded.filter((url) => /^(?:https?:)?\/\//.test(url)), page).toEqual([]);
  }
  const css = readdirSync(join(DIST, 'assets')).filter((file) => file.endsWith('.css'));
  for (const file of css) {
    expect(readDist(`assets/${file}`).toString('utf8'), file).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\/|@import\s+(?:url\()?['"]?(?:https?:)?\/\//);
  }
});

for (const path of ['/', STORY_PATH]) {
  test(`opening ${path} requests nothing from outside the site and none of the preview's code`, async ({ page, baseURL }) => {
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const origin = new URL(baseURL ?? '').origin;
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(requested.filter((url) => PREVIEW_CODE.test(new URL(url).pathname))).toEqual([]);
  });
}

for (const path of ['/', STORY_PATH]) {
  test(`${path} is painted before its app is requested, and the app then makes it interactive`, async ({ page }) => {
    await page.goto(path);
    // The fixture's goto has waited for the app to hydrate the page.
    await expect(page.locator('#root')).toHaveAttribute(INTERACTIVE_ATTRIBUTE, '');
    const { firstPaint, appRequested } = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const app = performance.getEntriesByType('resource').find((entry) => /\/assets\/index-[\w-]+\.js$/.test(entry.name));
      return { firstPaint: paint?.startTime ?? NaN, appRequested: app?.startTime ?? NaN };
    });
    expect(firstPaint).toBeGreaterThan(0);
    expect(appRequested, 'the app’s module is requested after the first contentful paint').toBeGreaterThan(firstPaint);
  });
}

test('a page the build did not prerender loads its app at once: it has nothing to paint without it', () => {
  const shell = readDist('200.html').toString('utf8');
  expect(shell).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/);
  expect(shell).not.toContain('data-app=');
});
