/**
 * The archive at scale (`npm run bench:archive`, and part of `npm run bench`): on synthetic
 * archives of 100, 1,000 and 10,000 stories (scripts/generate-archive.ts; never shipped), how the
 * build, the front page and a publish grow with the archive. Needs a production build (dist/ and
 * dist-server/); each size is built into its own copy under .tmp/bench-archive/.
 *
 * Each size is prerendered twice: first with an empty social-card cache (every card drawn, on
 * every core), then again with the cache (what a rebuild costs when few stories changed).
 *
 * BENCH_ARCHIVE_SIZES=100,1000 to measure fewer sizes. Figures are printed and written to
 * bench-results/archive.json, never asserted: the clock on a shared 2-core machine is noisy.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { syntheticStory, writeArchive } from './generate-archive';
import { precompressDir } from './precompress';
import { LOCAL_ORIGIN } from './prerender/site';

const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const WORK = resolve('.tmp/bench-archive');
const SIZES = (process.env.BENCH_ARCHIVE_SIZES ?? '100,1000,10000').split(',').map(Number);
const NODE_TSX = [process.execPath, '--import', 'tsx'] as const;

if (!existsSync(join(DIST, '200.html')) || !existsSync('dist-server/entry-server.js')) {
  throw new Error('bench:archive needs a production build: run npm run build first');
}

/** Runs a script under Node with tsx; its wall time, its peak memory (as it reports it) and what it printed. */
function timed(script: string, args: readonly string[], env: Record<string, string>): { ms: number; rssMb: number; output: string } {
  const started = performance.now();
  const result = spawnSync(NODE_TSX[0], [...NODE_TSX.slice(1), '--eval', `await import(${JSON.stringify(resolve(script))}); console.log('rss-kb', process.resourceUsage().maxRSS);`, '--', ...args], {
    encoding: 'utf8',
    // A bench builds for this machine, and says so: a production build must be given SITE_URL.
    env: { SITE_URL: LOCAL_ORIGIN, ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  const rss = Number(/rss-kb (\d+)/.exec(result.stdout)?.[1] ?? NaN);
  return { ms, rssMb: rss / 1024, output: `${result.stdout}${result.stderr}` };
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).byteLength;
const count = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)).length : 0);

interface Row {
  stories: number;
  'prerender s': number;
  'cards drawn': number;
  'ms a card (drawn, wall, all cores)': number;
  'rebuild s (cards cached)': number;
  'precompress s': number;
  'files gzipped': number;
  'peak MB': number;
  'files written': number;
  'front HTML+JSON B': number;
  'front gzip B': number;
  'sitemap files': number;
  'biggest tag pages': number;
  'publish ms (in process)': number;
  'publish ms (command)': number;
  'publish files': number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  const stories = join(WORK, `stories-${size}`);
  const site = join(WORK, `site-${size}`);
  if (!existsSync(stories) || readdirSync(stories).length !== size) writeArchive(size, stories);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(DIST, site, { recursive: true });

  // A cold card cache: the first build of an archive draws every card. The rebuild after it (the
  // everyday case: a few stories changed) takes them from the cache.
  const cardCache = join(WORK, `card-cache-${size}`);
  rmSync(cardCache, { recursive: true, force: true });
  const prerender = timed('scripts/prerender.ts', [], { CONTENT_DIR: stories, PRERENDER_DIST: site, CARD_CACHE_DIR: cardCache });
  const cardLine = /social cards: (\d+) drawn, (\d+) from the cache; story pages and cards in ([\d.]+) s/.exec(prerender.output);
  const cardsDrawn = Number(cardLine?.[1] ?? NaN);
  const storiesSeconds = Number(cardLine?.[3] ?? NaN);
  const rebuild = timed('scripts/prerender.ts', [], { CONTENT_DIR: stories, PRERENDER_DIST: site, CARD_CACHE_DIR: cardCache });
  // In this process: precompress.ts runs its folder only when it is the script Node started.
  const compressStarted = performance.now();
  const compressed = precompressDir(site).length;
  const precompress = { ms: performance.now() - compressStarted, rssMb: process.resourceUsage().maxRSS / 1024 };
  const written = Number(/: (\d+) files,/.exec(prerender.output)?.[1] ?? NaN);

  const front = ['index.html', 'content/articles/index.json'].map((path) => join(site, path));
  const frontBytes = front.reduce((sum, file) => sum + statSync(file).size, 0);
  const frontGzip = front.reduce((sum, file) => sum + gzipBytes(file), 0);
  const tagDirs = existsSync(join(site, 'content/lists/tag')) ? readdirSync(join(site, 'content/lists/tag')) : [];
  const biggestTag = Math.max(0, ...tagDirs.map((tag) => count(join(site, 'content/lists/tag', tag), /^\d+\.json$/)));

  // One more story, the newest, into the built archive: the command an editor runs.
  const next = { ...syntheticStory(size, size + 1), published: '2026-01-15T12:00:00Z' };
  const file = join(WORK, `${next.slug}.json`);
  writeFileSync(file, JSON.stringify(next));
  const started = performance.now();
  const published = execFileSync(NODE_TSX[0], [...NODE_TSX.slice(1), 'scripts/publish.ts', '--site', site, file], {
    encoding: 'utf8',
    env: { SITE_URL: LOCAL_ORIGIN, ...process.env, CARD_CACHE_DIR: cardCache },
  });
  const commandMs = performance.now() - started;

  rows.push({
    stories: size,
    'prerender s': Number((prerender.ms / 1000).toFixed(1)),
    'cards drawn': cardsDrawn,
    // Pages and cards together, over the cards drawn: an upper bound on a card's own cost.
    'ms a card (drawn, wall, all cores)': Number(((storiesSeconds * 1000) / cardsDrawn).toFixed(1)),
    'rebuild s (cards cached)': Number((rebuild.ms / 1000).toFixed(1)),
    'precompress s': Number((precompress.ms / 1000).toFixed(1)),
    'files gzipped': compressed,
    'peak MB': Math.round(Math.max(prerender.rssMb, precompress.rssMb)),
    'files written': written,
    'front HTML+JSON B': frontBytes,
    'front gzip B': frontGzip,
    'sitemap files': count(site, /^sitemap(-\d+)?\.xml$/),
    'biggest tag pages': biggestTag,
    'publish ms (in process)': Number(/published in (\d+) ms/.exec(published)?.[1] ?? NaN),
    'publish ms (command)': Math.round(commandMs),
    'publish files': Number(/(\d+) files written/.exec(published)?.[1] ?? NaN),
  });
}

console.log('\nThe archive at scale (synthetic stories; build = prerender + precompress after the constant Vite build)');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/archive.json', `${JSON.stringify(rows, null, 2)}\n`);
