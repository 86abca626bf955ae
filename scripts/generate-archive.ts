/**
 * Writes a synthetic archive for the scale bench: N story files (default 10,000) over five years,
 * in 12 sections and 200 tags, a third of them with a lead image. Every story says it is
 * synthetic (its headline, its section names, its source), the output goes to a folder that is
 * never committed, and nothing here is ever shipped as content.
 *
 *   npx tsx scripts/generate-archive.ts --count 10000 --out .tmp/archive-10000
 *
 * Deterministic: the same count gives the same files (a seeded generator, no clock).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

export const SECTIONS = ['World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Climate', 'Culture', 'Sport', 'Opinion', 'Education', 'Travel'];
export const TAG_COUNT = 200;
/** The first tag is on one story in five: at 10,000 stories a tag page of 2,000, as the archive issue asks. */
const POPULAR_TAG_SHARE = 5;
const START = Date.UTC(2021, 0, 1);
const SPAN = Date.UTC(2026, 0, 1) - START;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'talks ministers agree budget vote court ruling climate summit market rally storm warning election result trade deal health plan school reform energy price science study border crossing festival opens record season'.split(' ');

export function tagName(n: number): string {
  return `Synthetic topic ${n + 1}`;
}

export function syntheticStory(n: number, count: number) {
  const next = random(n + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const words = Array.from({ length: 6 }, () => pick(WORDS));
  // Spread evenly over five years, oldest first, so that story n is older than story n + 1.
  const published = new Date(START + Math.floor(((n + next()) / count) * SPAN)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const tags = new Set<string>();
  if (n % POPULAR_TAG_SHARE === 0) tags.add(tagName(0));
  const extra = 1 + Math.floor(next() * 3);
  for (let i = 0; i < extra; i += 1) tags.add(tagName(1 + Math.floor(next() * (TAG_COUNT - 1))));
  const slug = `synthetic-${String(n + 1).padStart(5, '0')}-${words.slice(0, 3).join('-')}`;
  const paragraph = (i: number) => ({
    type: 'paragraph',
    text: `Synthetic paragraph ${i + 1} of story ${n + 1}: ${Array.from({ length: 40 }, () => pick(WORDS)).join(' ')}.`,
  });
  return {
    schemaVersion: 1,
    slug,
    headline: `[Synthetic ${n + 1}] ${words.join(' ')}`.slice(0, 300),
    standfirst: `A synthetic story for the archive bench: ${words.slice(2).join(' ')}.`,
    section: pick(SECTIONS),
    dateline: 'Nowhere (synthetic)',
    published,
    source: { name: 'Synthetic wire (bench only)' },
    tags: [...tags],
    ...(n % 3 === 0
      ? { image: { src: `/content/images/synthetic/${n + 1}.jpg`, alt: `Synthetic picture ${n + 1}`, width: 1600, height: 900, credit: 'Synthetic' } }
      : {}),
    body: Array.from({ length: 4 + Math.floor(next() * 6) }, (_, i) => paragraph(i)),
  };
}

export function writeArchive(count: number, out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (let n = 0; n < count; n += 1) {
    const story = syntheticStory(n, count);
    writeFileSync(join(out, `${story.slug}.json`), JSON.stringify(story));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, out: { type: 'string', default: '.tmp/archive' } } });
  const count = Number(values.count);
  const out = resolve(values.out);
  writeArchive(count, out);
  console.log(`wrote ${count} synthetic stories to ${out}`);
}
