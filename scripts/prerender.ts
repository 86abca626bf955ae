/**
 * Build step after `vite build` and the server build: writes the whole site from the story files
 * in `dist/content/articles/` (copied there from `public/content/`, or from CONTENT_DIR):
 *
 * - every story's page, each with its query cache embedded for hydration;
 * - the archive: the front page and its `index.json`, each section's and tag's latest page, and
 *   every numbered page of each list, with the content file each page reads (scripts/site/archive.ts);
 * - the not-found page, and a plain shell (200.html) for the single-page fallback;
 * - the site-wide files made from the same stories: the Atom feed, the sitemaps and robots.txt.
 *
 * `npm run publish` (scripts/publish.ts) writes the same files for one story, from the same modules.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { siteFiles } from './prerender/siteFiles';
import { archiveFiles, entryOf } from './site/archive';
import { createRenderer } from './site/renderer';
import { ARTICLES_DIR, readStories, slugOfFile } from './site/stories';

const DIST = resolve(process.env.PRERENDER_DIST ?? 'dist');
const SERVER_ENTRY = resolve(process.env.PRERENDER_SERVER ?? 'dist-server/entry-server.js');
const ORIGIN = process.env.SITE_URL ?? 'http://127.0.0.1:4173';
/** A folder of story files to build instead of those the app ships (the synthetic archive of the bench). */
const CONTENT_DIR = process.env.CONTENT_DIR;

const started = performance.now();
const renderer = await createRenderer({ dist: DIST, serverEntry: SERVER_ENTRY, origin: ORIGIN });

let written = 0;
let bytes = 0;
function write(path: string, text: string): void {
  const file = join(DIST, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  written += 1;
  bytes += Buffer.byteLength(text);
}

if (CONTENT_DIR !== undefined) {
  const from = resolve(CONTENT_DIR);
  const to = join(DIST, ARTICLES_DIR);
  for (const name of readdirSync(to)) if (slugOfFile(name) !== undefined) rmSync(join(to, name));
  for (const name of readdirSync(from)) if (slugOfFile(name) !== undefined) copyFileSync(join(from, name), join(to, name));
}

// Prerendering again over the same build: lists that no longer exist must not linger.
for (const dir of ['content/lists', 'page', 'section', 'tag']) rmSync(join(DIST, dir), { recursive: true, force: true });
for (const name of readdirSync(DIST)) if (/^sitemap-\d+\.xml$/.test(name)) rmSync(join(DIST, name));

write('200.html', renderer.shell());
write('404.html', renderer.notFound());

const { stories, skipped } = readStories(DIST, renderer.parser);
// Left to the client, which explains the problem with a retry; the build does not fail on one bad story.
for (const line of skipped) console.warn(`skipped ${line}`);
for (const { article, warnings } of stories) write(`articles/${article.slug}.html`, renderer.story(article, warnings));

const lists = archiveFiles(stories.map(({ article }) => entryOf(article)));
for (const file of lists) {
  write(`content/${file.contentPath}`, JSON.stringify(file.data));
  write(file.htmlPath, renderer.list(file));
}

const articles = stories.map(({ article }) => article);
const site = { origin: ORIGIN, siteName: renderer.siteName, now: new Date() };
for (const file of await siteFiles({ feed: articles, entries: articles }, site)) write(file.path, file.text);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const rss = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  `prerendered ${stories.length} stories and ${lists.length} list pages: ${written} files, ${bytes.toLocaleString('en')} bytes, in ${seconds} s (max RSS ${rss} MB)`,
);
