/**
 * `npm run bench:cards` (and part of `npm run bench`): what one social card costs, stage by stage,
 * on one thread, as a card worker draws it (scripts/site/cards.ts). Draws BENCH_CARDS (default
 * 200) varied cards (synthetic headlines of every length, the Iran story, a Persian and a Hebrew
 * name, the longest headline the contract allows) into a throw-away cache, after one card to warm
 * up, and prints each stage's median and total:
 *
 * - fonts: reading the font files and satori's first parse of them (once per worker);
 * - fit: the headline's trial layouts, to find the largest size that fits;
 * - layout: satori's layout of the whole card into SVG (and the SVG's size);
 * - parse, render, encode: resvg reading the SVG, drawing it, and the PNG encoding;
 * - hash, write: the cache key and the card's name, and writing it into the cache.
 *
 * Figures are printed, never asserted: one thread, so a busy machine slows it less than a build.
 */
// As the build runs: React's production build for the card's element tree.
import './site/production';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../src/content/schema';
import { LONGEST_HEADLINE as LONGEST } from '../tests/fixtures/fixtures';
import { median } from './benchResults';
import { syntheticStory } from './generate-archive';
import { cardStageTimes, createCardMaker, type CardStages } from './site/cards';

const COUNT = Number(process.env.BENCH_CARDS ?? 200);
const ROOT = new URL('../', import.meta.url).pathname;

const SPECIAL = [
  'US and Israel hold high-level talks on Iran at the White House',
  LONGEST,
  'Iran’s foreign minister Abbas Araghchi (عباس عراقچی) says indirect talks with Washington will go on',
  'Israel’s president Isaac Herzog (יצחק הרצוג) meets the envoys in Jerusalem',
  'Łukasz Żuraw wins the Kraków marathon',
];

/** Varied stories: a synthetic headline cut to a length that cycles from a few words to 300 characters. */
export function benchStories(count: number): Article[] {
  return Array.from({ length: count }, (_, n) => {
    const story = syntheticStory(n, count) as unknown as Article;
    const special = SPECIAL[n % 10];
    const length = 30 + ((n * 37) % 270);
    const words = `${story.headline} ${LONGEST}`.slice(0, length).replace(/\s+\S*$/, '');
    return { ...story, headline: special ?? words, ...(n % 3 === 0 ? { image: undefined } : {}) };
  });
}


async function bench(): Promise<void> {
const cache = mkdtempSync(join(tmpdir(), 'bench-cards-'));
try {
  const fontsStarted = performance.now();
  const maker = createCardMaker({ siteRoot: join(ROOT, 'public'), siteName: 'Dispatch', cacheDir: cache });
  const stories = benchStories(COUNT + 1);
  const stages: CardStages[] = [];
  const started = performance.now();
  for (const [index, story] of stories.entries()) {
    const card = await maker.card(story);
    const times = cardStageTimes(card);
    if (!times) throw new Error('a card came from the cache in a fresh cache folder');
    // The first card also pays for the fonts: counted on its own line.
    if (index === 0) console.log(`fonts and the first card: ${(performance.now() - fontsStarted).toFixed(0)} ms`);
    else stages.push(times);
  }
  const wall = performance.now() - started;
  const keys = Object.keys(stages[0] ?? {}) as (keyof CardStages)[];
  console.log(`\nOne social card, stage by stage (${COUNT} varied cards on one thread; ms of CPU time unless said)`);
  console.table(
    Object.fromEntries(
      keys.map((key) => {
        const values = stages.map((stage) => stage[key]);
        return [key, { median: Number(median(values).toFixed(key.endsWith('bytes') || key.endsWith('layouts') ? 0 : 2)), total: Number(values.reduce((a, b) => a + b, 0).toFixed(0)) }];
      }),
    ),
  );
  console.log(`${COUNT} cards in ${(wall / 1000).toFixed(2)} s on one thread: ${(wall / (COUNT + 1)).toFixed(1)} ms a card`);
  await maker.close();
} finally {
  rmSync(cache, { recursive: true, force: true });
}
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();
