// @vitest-environment node
/**
 * The social card (src/ui/socialCard.tsx, drawn by scripts/site/cards.ts): a 1200×630 PNG with
 * something drawn on it, for an ordinary headline, the longest the contract allows, and one with a
 * name in Persian script; cached by its inputs; and named in the story's head.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import satori from 'satori';
import { afterAll, describe, expect, it } from 'vitest';
import { articleHead } from '../../../scripts/prerender/head';
import { cardFonts, cardWarnings, createCardMaker } from '../../../scripts/site/cards';
import type { Article } from '../../../src/content/schema';
import { LONGEST_HEADLINE } from '../../fixtures/fixtures';
import { CARD_HEIGHT, CARD_PADDING, CARD_WIDTH, HEADLINE_SIZES, READABLE_HEADLINE_SIZE, cardTextOf, drawCard, fitHeadline, type Satori } from '../../../src/ui/socialCard';

const ROOT = new URL('../../../', import.meta.url).pathname;
const story = JSON.parse(readFileSync(join(ROOT, 'public/content/articles/us-israel-high-level-talks-iran-white-house.json'), 'utf8')) as Article;
const cache = mkdtempSync(join(tmpdir(), 'cards-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));
const maker = createCardMaker({ siteRoot: join(ROOT, 'public'), siteName: 'Dispatch', cacheDir: cache });

const LONGEST = LONGEST_HEADLINE;
const PERSIAN = 'Iran’s foreign minister Abbas Araghchi (عباس عراقچی) says indirect talks with Washington will go on';

/** Width, height and how much the pixels vary: a blank card has no variance. */
function inspect(png: Buffer) {
  const image = PNG.sync.read(png);
  let sum = 0;
  let squares = 0;
  const pixels = image.width * image.height;
  for (let i = 0; i < image.data.length; i += 4) {
    const grey = ((image.data[i] ?? 0) + (image.data[i + 1] ?? 0) + (image.data[i + 2] ?? 0)) / 3;
    sum += grey;
    squares += grey * grey;
  }
  const mean = sum / pixels;
  return { width: image.width, height: image.height, variance: squares / pixels - mean * mean };
}

describe('social card', () => {
  it('says what the story page says: section, headline, dateline and date, credit', () => {
    expect(cardTextOf(story, 'Dispatch')).toEqual({
      section: 'World',
      headline: story.headline,
      dateline: 'Washington · 20 March 2025',
      credit: 'Reuters, via NDTV',
      siteName: 'Dispatch',
    });
  });

  it.each([
    ['the Iran story', story.headline],
    ['a 300-character headline', LONGEST],
    ['a headline with a name in Persian script', PERSIAN],
  ])('draws %s as a 1200×630 PNG that is not blank', async (_name, headline) => {
    expect([...LONGEST].length).toBe(300);
    const card = await maker.card({ ...story, headline });
    const { width, height, variance } = inspect(card.png);
    expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    expect(variance).toBeGreaterThan(500);
    expect(card.alt).toBe(headline);
    expect(card.path).toMatch(/^articles\/us-israel-high-level-talks-iran-white-house\.card-[0-9a-f]{16}\.png$/);
  });

  it('makes a long headline smaller, and says when it is below a readable size', async () => {
    const short = await maker.card(story);
    const long = await maker.card({ ...story, headline: LONGEST });
    expect(long.headlineSize).toBeLessThan(short.headlineSize);
    expect(HEADLINE_SIZES).toContain(long.headlineSize);
    const tooLong = await maker.card({ ...story, headline: `${LONGEST} ${LONGEST}`.slice(0, 600) });
    expect(tooLong.headlineSize).toBeLessThan(READABLE_HEADLINE_SIZE);
    expect(cardWarnings(tooLong).join('\n')).toMatch(/^\$\.headline: .*below a readable 34 px/);
  });

  it('wraps a word too long for a line, and keeps the headline inside the card’s margins', async () => {
    // One word of 224 letters: drawn on one line, it ran off the card's right edge.
    const card = await maker.card({ ...story, headline: 'Antidisestablishmentarianism'.repeat(8) });
    expect(card.headlineSize).toBeLessThan(HEADLINE_SIZES[0]);
    const image = PNG.sync.read(card.png);
    let inMargin = 0;
    // The right margin, below the top bar and above the footer: paper only.
    for (let y = 20; y < CARD_HEIGHT - 20; y += 1) {
      for (let x = CARD_WIDTH - CARD_PADDING + 2; x < CARD_WIDTH; x += 1) {
        const at = (y * image.width + x) * 4;
        if ((image.data[at] ?? 0) + (image.data[at + 1] ?? 0) + (image.data[at + 2] ?? 0) < 3 * 200) inMargin += 1;
      }
    }
    expect(inMargin).toBe(0);
  });

  it('takes an unchanged card from the cache, and draws a changed one again', async () => {
    const first = await maker.card({ ...story, headline: 'Cached once' });
    const again = await maker.card({ ...story, headline: 'Cached once' });
    const changed = await maker.card({ ...story, headline: 'Cached once, then changed' });
    expect(again.fromCache).toBe(true);
    expect(again.path).toBe(first.path);
    expect(changed.fromCache).toBe(false);
    expect(changed.path).not.toBe(first.path);
  });

  it('draws without a lead picture on another site, and says so (nothing is fetched)', async () => {
    const card = await maker.card({ ...story, image: { src: 'https://images.example/lead.jpg', alt: 'Lead', width: 1600, height: 900 } });
    expect(card.imageNote).toMatch(/not on this site and is not fetched/);
    expect(inspect(card.png).width).toBe(CARD_WIDTH);
  });

  it('is the picture the head shares: og:image with its size and alt, twitter:image, and the JSON-LD image', async () => {
    const card = await maker.card(story);
    const head = articleHead(story, 'https://news.example', 'Dispatch', { card, twitterSite: '@dispatch' });
    const url = `https://news.example/${card.path}`;
    expect(head).toContain(`<meta property="og:image" content="${url}" />`);
    expect(head).toContain('<meta property="og:image:width" content="1200" />');
    expect(head).toContain('<meta property="og:image:height" content="630" />');
    expect(head).toContain(`<meta property="og:image:alt" content="${story.headline}" />`);
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(head).toContain(`<meta name="twitter:image" content="${url}" />`);
    expect(head).toContain('<meta name="twitter:site" content="@dispatch" />');
    expect(head).toContain('<meta property="og:locale" content="en_GB" />');
    expect(head).toContain('<meta property="og:site_name" content="Dispatch" />');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(head)?.[1] ?? '{}') as { image?: { url: string }[]; author?: unknown };
    expect(ld.image?.map((image) => image.url)).toEqual([url]);
    // Syndicated copy with no byline: the agency wrote it.
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Reuters' }]);
  });

  it('keeps the story’s own lead picture first in the JSON-LD, the card after it', async () => {
    const withImage: Article = { ...story, image: { src: '/images/white-house.jpg', alt: 'The White House', width: 1600, height: 900 } };
    const card = await maker.card(withImage);
    const head = articleHead(withImage, 'https://news.example', 'Dispatch', { card });
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(head)?.[1] ?? '{}') as { image?: { url: string }[] };
    expect(ld.image?.map((image) => image.url)).toEqual(['https://news.example/images/white-house.jpg', `https://news.example/${card.path}`]);
    expect(head).not.toContain('twitter:site');
  });

  it.each([
    ['the Iran story', story.headline],
    ['a 300-character headline', LONGEST],
    ['a headline with a name in Persian script', PERSIAN],
  ])('fits %s at the size the glyphs’ own outlines give (the fit lays out without them)', async (_name, headline) => {
    // The fit asks satori for a layout without glyph paths; the same layout with them must agree.
    const withPaths: Satori = (element, options) => satori(element, { ...options, embedFont: true });
    for (const withImage of [false, true]) {
      expect(await fitHeadline(satori, cardFonts(), headline, withImage)).toBe(await fitHeadline(withPaths, cardFonts(), headline, withImage));
    }
  });

  it.each([
    ['the Iran story', story.headline],
    ['a 300-character headline', LONGEST],
    ['a headline with a name in Persian script', PERSIAN],
  ])('stores %s as a palette PNG with exactly the pixels resvg drew', async (_name, headline) => {
    const article = { ...story, headline };
    const card = await maker.card(article);
    const { svg } = await drawCard(satori, cardFonts(), cardTextOf(article, 'Dispatch'));
    const resvgs = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
    // Colour type 3 (palette) in the header, the same pixels, and fewer bytes than resvg's RGBA PNG.
    expect(card.png[25]).toBe(3);
    expect(Buffer.compare(PNG.sync.read(card.png).data, PNG.sync.read(resvgs).data)).toBe(0);
    expect(card.png.byteLength).toBeLessThan(resvgs.byteLength);
  });

  it('keeps resvg’s own PNG for a card with a picture in more colours than a palette holds', async () => {
    const site = mkdtempSync(join(tmpdir(), 'card-site-'));
    try {
      const picture = new PNG({ width: 64, height: 64 });
      for (let pixel = 0; pixel < 64 * 64; pixel += 1) picture.data.set([pixel % 64 << 2, (pixel >> 6) << 2, (pixel * 3) & 0xff, 255], pixel * 4);
      mkdirSync(join(site, 'images'));
      writeFileSync(join(site, 'images/lead.png'), PNG.sync.write(picture));
      const withPicture = createCardMaker({ siteRoot: site, siteName: 'Dispatch', cacheDir: cache });
      const card = await withPicture.card({ ...story, image: { src: '/images/lead.png', alt: 'Lead', width: 64, height: 64 } });
      expect(card.imageNote).toBeUndefined();
      // Colour type 6 (RGBA): resvg's own encoding.
      expect(card.png[25]).toBe(6);
      const { width, height, variance } = inspect(card.png);
      expect([width, height]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
      expect(variance).toBeGreaterThan(500);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
