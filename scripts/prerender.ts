/**
 * Build step after `vite build` and the server build: writes the whole site from the story files
 * in `dist/content/articles/` (copied there from `public/content/`, or from CONTENT_DIR):
 *
 * - every story's page, each with its query cache embedded for hydration, and its social card
 *   (`articles/{slug}.card-{hash}.png`, scripts/site/cards.ts; unchanged cards come from the cache);
 * - the archive: the front page and its `index.json`, each section's and tag's latest page, and
 *   every numbered page of each list, with the content file each page reads (scripts/site/archive.ts);
 * - the not-found page, and a plain shell (200.html) for the single-page fallback, and the same
 *   shell under the editors' preview's policy (preview.html);
 * - the site-wide files made from the same stories: the Atom feed, the sitemaps and robots.txt.
 *
 * `npm run publish` (scripts/publish.ts) writes the same files for one story, from the same modules.
 */
// First: React's production build for the pages (before any import loads React).
import './site/production';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadEnv } from 'vite';
import { withPagePolicy } from './contentSecurityPolicy';
import { requireSiteUrl } from './prerender/site';
import { siteFiles } from './prerender/siteFiles';
import { archiveFiles, entryOf } from './site/archive';
import { inOrderAhead } from './site/ahead';
import { CARD_FILE, cardWarnings, createCardMaker } from './site/cards';
import { createRenderer } from './site/renderer';
import { ARTICLES_DIR, readStories, slugOfFile } from './site/stories';

const DIST = resolve(process.env.PRERENDER_DIST ?? 'dist');
const SERVER_ENTRY = resolve(process.env.PRERENDER_SERVER ?? 'dist-server/entry-server.js');
let ORIGIN: string;
try {
  ORIGIN = requireSiteUrl(process.env.SITE_URL, 'npm run build', 'npm run build:local');
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
/** A folder of story files to build instead of those the app ships (the synthetic archive of the bench). */
const CONTENT_DIR = process.env.CONTENT_DIR;

const started = performance.now();
const renderer = await createRenderer({ dist: DIST, serverEntry: SERVER_ENTRY, origin: ORIGIN, twitterSite: process.env.TWITTER_SITE });

let written = 0;
let bytes = 0;
/** Folders made so far: 10,000 stories' pages and cards go into one, made once. */
const made = new Set<string>();
function write(path: string, content: string | Buffer): void {
  const file = join(DIST, path);
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  writeFileSync(file, content);
  written += 1;
  bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

if (CONTENT_DIR !== undefined) {
  const from = resolve(CONTENT_DIR);
  const to = join(DIST, ARTICLES_DIR);
  for (const name of readdirSync(to)) if (slugOfFile(name) !== undefined) rmSync(join(to, name));
  for (const name of readdirSync(from)) if (slugOfFile(name) !== undefined) copyFileSync(join(from, name), join(to, name));
}

// Prerendering again over the same build: lists that no longer exist must not linger.
for (const dir of ['content/lists', 'page', 'section', 'tag']) rmSync(join(DIST, dir), { recursive: true, force: true });
mkdirSync(join(DIST, 'articles'), { recursive: true });
for (const name of readdirSync(join(DIST, 'articles'))) if (CARD_FILE.test(name)) rmSync(join(DIST, 'articles', name));
for (const name of readdirSync(DIST)) if (/^sitemap-\d+\.xml$/.test(name)) rmSync(join(DIST, name));

const shell = renderer.shell();
write('200.html', shell);
// The editors' preview: the same shell under the preview's own policy (scripts/contentSecurityPolicy.ts).
write('preview.html', withPagePolicy(shell, loadEnv('production', process.cwd(), 'VITE_').VITE_CONTENT_BASE, { page: 'preview' }));
write('404.html', renderer.notFound());

const { stories, skipped } = readStories(DIST, renderer.parser);
// Left to the client, which explains the problem with a retry; the build does not fail on one bad story.
for (const line of skipped) console.warn(`skipped ${line}`);
// Cards not in the cache are drawn on worker threads, one a core, while this thread writes the
// pages of the stories whose cards are done: a pipeline, not a phase, so that neither the workers
// wait for the pages nor the pages for a batch of cards. At most CARDS_AHEAD cards are asked for
// ahead of the page being written (scripts/site/ahead.ts): the pictures of 10,000 stories are
// never all in memory at once.
const cards = createCardMaker({ siteRoot: DIST, siteName: renderer.siteName, workers: Number(process.env.CARD_WORKERS ?? availableParallelism()) });
const cardTime = { drawn: 0, cached: 0, withoutPicture: 0, started: performance.now() };
const CARDS_AHEAD = 64;
for await (const [{ article, warnings }, card] of inOrderAhead(stories, CARDS_AHEAD, ({ article }) => cards.card(article))) {
  cardTime[card.fromCache ? 'cached' : 'drawn'] += 1;
  // One line per story without its picture would drown a build of thousands: those are counted.
  if (card.imageNote !== undefined) cardTime.withoutPicture += 1;
  for (const warning of cardWarnings(card)) if (!warning.startsWith('$.image')) console.warn(`${article.slug}: ${warning}`);
  write(card.path, card.png);
  write(`articles/${article.slug}.html`, renderer.story(article, warnings, card));
}
await cards.close();
const storiesMs = performance.now() - cardTime.started;

const lists = archiveFiles(stories.map(({ article }) => entryOf(article)));
for (const file of lists) {
  write(`content/${file.contentPath}`, JSON.stringify(file.data));
  write(file.htmlPath, renderer.list(file));
}

const articles = stories.map(({ article }) => article);
const site = { origin: ORIGIN, siteName: renderer.siteName, now: new Date() };
for (const file of await siteFiles({ feed: articles, entries: articles }, site)) write(file.path, file.text);

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `social cards: ${cardTime.drawn} drawn, ${cardTime.cached} from the cache; story pages and cards in ${(storiesMs / 1000).toFixed(1)} s` +
    (stories.length > 0 ? ` (${(storiesMs / stories.length).toFixed(1)} ms a story, wall time)` : '') +
    (cardTime.withoutPicture > 0 ? `; ${cardTime.withoutPicture} drawn without their lead picture (not on this site, or not readable)` : ''),
);
const rss = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(
  `prerendered ${stories.length} stories and ${lists.length} list pages: ${written} files, ${bytes.toLocaleString('en')} bytes, in ${seconds} s (max RSS ${rss} MB)`,
);
