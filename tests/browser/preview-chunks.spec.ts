/**
 * The preview is its own lazily loaded code: the built entry and everything it imports statically
 * hold none of it, the service worker never precaches it for readers, and the reader's pages
 * never request it, nor the files only its social card draws with (satori's WebAssembly, the
 * card's fonts). Only the preview's page may compile WebAssembly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** The build the suite serves (DIST_DIR points elsewhere, for a build made outside dist/). */
const DIST = process.env.DIST_DIR ?? new URL('../../dist/', import.meta.url).pathname;
const ASSETS = join(DIST, 'assets');

/**
 * Strings found only in the preview's code: the panes' message channel, the saved draft's key, an
 * editorial warning of the draft checker (in the worker too), CodeMirror's lint marks and the
 * accessibility check's rule tag (axe-core, loaded in the panes when an editor asks), and the
 * card worker's own words.
 */
const PREVIEW_MARKERS = ['dispatch-preview', 'dispatch.preview.draft', 'the card links to nothing', 'cm-lintRange', 'wcag22aa', 'among the preview’s card fonts'];

/** What only the preview's social card loads: its layout engine and its fonts. */
const CARD_FILES = /\.(?:wasm|woff)$/;

const read = (file: string) => readFileSync(join(DIST, file), 'utf8');
const isPreviewCode = (file: string) => PREVIEW_MARKERS.some((marker) => read(file).includes(marker));

/** The JS files a page loads before any lazy import: the entry, what it preloads, and their static imports. */
function staticClosure(html: string): Set<string> {
  const found = new Set<string>();
  // A prerendered page's app is named by the inline boot script's data-app, which starts it once the page is painted.
  const queue = [...html.matchAll(/<(?:script[^>]*\s(?:src|data-app)|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((match) => match[1] ?? '');
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (found.has(file) || !existsSync(join(DIST, file))) continue;
    found.add(file);
    const code = read(file);
    // Static imports only: `import{a}from"./x.js"` and `import"./x.js"`, never `import("./x.js")`.
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},\s*]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join('assets', match[1] ?? ''));
    }
  }
  return found;
}

test.describe('the built files', () => {
  test.skip(!existsSync(ASSETS), 'needs a production build in dist/');

  // The preview's workers are in a folder of their own (assets/preview/), so: every folder.
  const assetFiles = () => readdirSync(ASSETS, { recursive: true, encoding: 'utf8' }).map((file) => join('assets', file));
  const jsFiles = () => assetFiles().filter((file) => file.endsWith('.js'));

  test('hold the preview in chunks of its own', () => {
    const previewChunks = jsFiles().filter(isPreviewCode);
    expect(previewChunks.some((file) => /PreviewPage-/.test(file))).toBe(true);
    expect(previewChunks.some((file) => /draftAnalysis\.worker-/.test(file))).toBe(true);
    // The social card's worker, with satori, in the preview's workers' folder.
    expect(previewChunks.some((file) => /^assets\/preview\/previewCard\.worker-/.test(file))).toBe(true);
    expect(assetFiles().filter((file) => CARD_FILES.test(file)).length).toBeGreaterThan(0);
    // axe-core, in a chunk of its own that only a pane asked to check loads.
    expect(previewChunks.some((file) => /previewAudit-/.test(file))).toBe(true);
  });

  test('load none of the preview on the reader’s pages', () => {
    const pages = ['index.html', '200.html', ...['articles', ''].flatMap((dir) => (existsSync(join(DIST, dir)) ? readdirSync(join(DIST, dir)) : []).filter((file) => file.endsWith('.html')).map((file) => join(dir, file)))];
    const checked = new Set<string>();
    for (const page of pages.filter((file) => existsSync(join(DIST, file)))) {
      const closure = staticClosure(read(page));
      expect(closure.size, `${page} loads no script`).toBeGreaterThan(0);
      for (const file of closure) {
        checked.add(file);
        expect(isPreviewCode(file), `${page} loads ${file}, which holds preview code`).toBe(false);
      }
    }
    expect(checked.size).toBeGreaterThan(0);
  });

  test('keep the preview out of the service worker’s precache', () => {
    const worker = ['sw.js', 'sw.mjs'].find((file) => existsSync(join(DIST, file)));
    test.skip(worker === undefined, 'no service worker in this build');
    const precached = [...read(worker ?? '').matchAll(/"?url"?:\s*"\/?([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(precached.length).toBeGreaterThan(0);
    const previewFiles = jsFiles()
      .filter(isPreviewCode)
      .concat(assetFiles().filter((file) => /^assets\/Preview.*\.css$/.test(file) || CARD_FILES.test(file)));
    for (const file of previewFiles) expect(precached, `${file} is precached for every reader`).not.toContain(file);
  });
});

test.describe('the pages’ policies', () => {
  test.skip(!existsSync(ASSETS), 'needs a production build in dist/');
  const policyOf = (file: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(read(file))?.[1];

  test('let no reader’s page compile WebAssembly, and the preview’s page do so', () => {
    const pages = ['index.html', '200.html', '404.html', ...readdirSync(join(DIST, 'articles')).filter((file) => file.endsWith('.html')).map((file) => join('articles', file))];
    for (const page of pages) {
      const policy = policyOf(page);
      expect(policy, `${page} has a policy`).toContain("script-src 'self'");
      expect(policy, page).not.toContain('wasm-unsafe-eval');
    }
    expect(policyOf('preview.html')).toMatch(/script-src 'self' [^;]*'wasm-unsafe-eval'/);
  });
});

test.describe('the reader’s pages', () => {
  for (const path of ['/', '/articles/us-israel-high-level-talks-iran-white-house', '/no/such/page']) {
    test(`${path} downloads none of the preview`, async ({ page }) => {
      const scripts: string[] = [];
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/assets/')) scripts.push(url.pathname.slice(1));
      });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      const preview = scripts.filter((file) => CARD_FILES.test(file) || (file.endsWith('.js') && existsSync(join(DIST, file)) && isPreviewCode(file)));
      expect(preview, `${path} downloaded preview code`).toEqual([]);
    });
  }
});
