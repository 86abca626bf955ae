/**
 * The browser suite's web server: Vite's preview of the built `dist/` (with the project's own
 * plugins, so the single-page fallback to 200.html and the Content Security Policy apply as in
 * production), plus two things only tests need, served for real so the browser meets them on the
 * wire rather than through page.route:
 *
 * - every fixture story file (tests/fixtures/articles/<name>.json) at
 *   /content/articles/<name>.json, as JSON, when the build has no file of that name;
 * - the fixture pictures (tests/fixtures/images/<name>.svg) at /content/images/<name>.svg, and
 *   the fixture list files (tests/fixtures/lists/…) at /content/lists/…, likewise: the build
 *   writes neither (test pictures are never shipped in public/);
 * - one story whose transfer is cut short: the headers promise the whole file (Content-Length),
 *   half of it is sent, then the connection is dropped.
 *
 * playwright.config.ts starts it (`npx tsx tests/browser/server.ts`) on TEST_PORT; the specs
 * import its constants, which does not start it.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const FIXTURE_ARTICLES = join(FIXTURES, 'articles');
const REAL_STORY = join(ROOT, 'public', 'content', 'articles', 'us-israel-high-level-talks-iran-white-house.json');

/** The story whose response the server cuts short (its file name, and its slug). */
export const CUT_SHORT_SLUG = 'cut-short-in-transfer';
export const CUT_SHORT_PATH = `/content/articles/${CUT_SHORT_SLUG}.json`;

/** The file name a request for /content/articles/<name>.json asks for, if it is one. */
function articleFileName(url: string | undefined): string | undefined {
  const path = (url ?? '').split(/[?#]/)[0] ?? '';
  return /^\/content\/articles\/([a-z0-9-]+\.json)$/.exec(path)?.[1];
}

/** Headers for the whole file, then half the body, then the connection dropped: a real truncated transfer. */
function sendCutShort(res: ServerResponse): void {
  const whole = Buffer.from(readFileSync(REAL_STORY, 'utf8').replace(/"slug": "[^"]*"/, `"slug": "${CUT_SHORT_SLUG}"`));
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': whole.byteLength, 'Cache-Control': 'no-store' });
  res.flushHeaders();
  res.write(whole.subarray(0, Math.floor(whole.byteLength / 2)), () => res.socket?.destroy());
}

/** The fixture a request for /content/images/<name>.svg or /content/lists/<…>.json asks for, if it is one (never outside its folder). */
function otherFixture(url: string | undefined): string | undefined {
  const path = (url ?? '').split(/[?#]/)[0] ?? '';
  const match = /^\/content\/((?:images\/[a-z0-9-]+\.svg)|(?:lists\/(?:all|(?:section|tag)\/[a-z0-9-]+)\/(?:latest|\d+)\.json))$/.exec(path);
  return match?.[1];
}

function sendFixture(res: ServerResponse, file: string, type = 'application/json'): void {
  const body = readFileSync(file);
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.byteLength, 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The test-only routes, ahead of Vite's static files (which still win where dist/ has the file). */
export function testContent(): Plugin {
  let outDir = join(ROOT, 'dist');
  return {
    name: 'test-content',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return next();
        const other = otherFixture(req.url);
        if (other !== undefined) {
          const file = join(FIXTURES, other);
          if (existsSync(join(outDir, 'content', other)) || !existsSync(file)) return next();
          return sendFixture(res, file, other.endsWith('.svg') ? 'image/svg+xml' : 'application/json');
        }
        const name = articleFileName(req.url);
        if (!name) return next();
        if (name === `${CUT_SHORT_SLUG}.json`) return sendCutShort(res);
        const fixture = join(FIXTURE_ARTICLES, name);
        if (existsSync(join(outDir, 'content', 'articles', name)) || !existsSync(fixture)) return next();
        sendFixture(res, fixture);
      });
    },
  };
}

async function start(): Promise<void> {
  // Loaded here, not at the top: the specs import this file for its constants alone.
  const { preview } = await import('vite');
  const port = Number(process.env.TEST_PORT ?? 4173);
  const server = await preview({
    root: ROOT,
    plugins: [testContent()],
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  server.printUrls();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await start();
