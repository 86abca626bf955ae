/**
 * Each story's social card as a PNG, for the build and for `npm run publish` (so the two cannot
 * draw different cards): the layout of src/ui/socialCard.tsx, laid out by satori into SVG (text as
 * paths, from fonts shipped as npm packages) and drawn by resvg (a prebuilt native binary). No
 * network and no browser.
 *
 * A card is named for its content (`articles/{slug}.card-{hash}.png`), so it can be cached for a
 * year and a changed card is a new address the networks fetch again. Drawing one takes a few tens
 * of milliseconds, too much for 10,000 stories on every build: cards are kept in a cache folder
 * (`.cache/cards/`, or CARD_CACHE_DIR) under a hash of everything that goes into them (the words,
 * the lead picture's bytes, the renderer's and libraries' versions), so a rebuild draws only the
 * stories that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import type { Article } from '../../src/content/schema';
import { palettePng } from './cardPng';
import {
  CARD_FONT_FILES,
  CARD_HEIGHT,
  CARD_RENDERER_VERSION,
  CARD_WIDTH,
  cardTextOf,
  drawCard,
  headlineSizeWarning,
  type CardInput,
} from '../../src/ui/socialCard';

const require = createRequire(import.meta.url);

/** A story's card as the page's head names it. */
export interface CardImage {
  /** Under the site root, e.g. `articles/{slug}.card-{hash}.png`. */
  readonly path: string;
  readonly width: number;
  readonly height: number;
  /** The headline: the card says nothing else a screen reader would miss. */
  readonly alt: string;
}

export interface DrawnStoryCard extends CardImage {
  readonly png: Buffer;
  readonly headlineSize: number;
  /** Drawn now, or taken from the cache. */
  readonly fromCache: boolean;
  /** Why the lead picture is not in the card, when the story has one. */
  readonly imageNote?: string;
}

/** A story's cards on a site, old and new: `{slug}.card-{hash}.png`. */
export const CARD_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.card-[0-9a-f]{16}\.png$/;
export const cardPath = (slug: string, png: Buffer): string => `articles/${slug}.card-${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;

/** Pictures satori can place (it reads their size from the bytes). */
const PICTURE_TYPES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

let fonts: Font[] | undefined;
/** Read once per process; satori keeps its parsed fonts for the same array. */
export function cardFonts(): Font[] {
  fonts ??= CARD_FONT_FILES.map(({ family, weight, file }) => ({ name: family, weight, style: 'normal' as const, data: readFileSync(require.resolve(file)) }));
  return fonts;
}

/** What else decides a card's pixels: a new satori, resvg or font release may draw differently. */
function librariesVersion(): string {
  const packages = ['satori', '@resvg/resvg-js', ...new Set(CARD_FONT_FILES.map(({ file }) => file.split('/files/')[0] ?? file))];
  return packages.map((name) => `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`).join(',');
}

/** The lead picture as a data: URL when it is this site's own file; otherwise why not. */
function leadPicture(article: Article, siteRoot: string): { data?: string; note?: string } {
  const src = article.image?.src;
  if (src === undefined) return {};
  // A picture elsewhere is not fetched: a build must not depend on the network, nor wait on it.
  if (/^https?:/i.test(src)) return { note: `lead image ${src} is not on this site and is not fetched: the card is drawn without it` };
  const root = resolve(siteRoot);
  let file: string;
  try {
    file = resolve(root, `.${decodeURIComponent(new URL(src, 'http://site.invalid').pathname)}`);
  } catch {
    return { note: `lead image ${src} is not a readable path: the card is drawn without it` };
  }
  const type = PICTURE_TYPES[extname(file).toLowerCase()];
  if (!file.startsWith(root + sep)) return { note: `lead image ${src} is outside the site: the card is drawn without it` };
  if (type === undefined) return { note: `lead image ${src} is not a PNG, JPEG, GIF or SVG: the card is drawn without it` };
  if (!existsSync(file)) return { note: `lead image ${src} is not in the site's files: the card is drawn without it` };
  return { data: `data:${type};base64,${readFileSync(file).toString('base64')}` };
}

/** Where a card drawn in this thread spent its time, in ms of CPU (for the bench, scripts/benchCards.ts). */
export interface CardStages {
  readonly 'fit ms': number;
  readonly 'fit layouts': number;
  readonly 'layout ms': number;
  readonly 'svg bytes': number;
  readonly 'parse ms': number;
  readonly 'render ms': number;
  readonly 'encode ms': number;
  readonly 'png bytes': number;
  readonly 'hash ms': number;
  readonly 'write ms': number;
}
/** This process's CPU time in ms, all threads: a stage's own only where one thread draws, as in the bench. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const stageTimes = new WeakMap<DrawnStoryCard, CardStages>();
/** A card's stage times, when it was drawn in this thread (not taken from the cache, nor drawn by a worker). */
export const cardStageTimes = (card: DrawnStoryCard): CardStages | undefined => stageTimes.get(card);

export interface CardMaker {
  card(article: Article): Promise<DrawnStoryCard>;
  /** Ends the worker threads, if any were started. */
  close(): Promise<void>;
}

export interface CardMakerOptions {
  /** The built site: a lead picture that is a path on the site is read from here. */
  readonly siteRoot: string;
  readonly siteName: string;
  readonly cacheDir?: string;
  /**
   * Worker threads to draw in (0: draw in this thread). Drawing is CPU-bound (about 27 ms of CPU a
   * card: `npm run bench:cards`), so a build of thousands of new cards uses every core;
   * a publish of one story draws it here.
   */
  readonly workers?: number;
}

/** Everything about a card but its pixels, which a worker sends back. */
type CardResult = Omit<DrawnStoryCard, 'png'> & { readonly png: Uint8Array };

export function createCardMaker({ siteRoot, siteName, cacheDir = process.env.CARD_CACHE_DIR ?? '.cache/cards', workers = 0 }: CardMakerOptions): CardMaker {
  const versions = `${CARD_RENDERER_VERSION}|${librariesVersion()}`;
  mkdirSync(cacheDir, { recursive: true });

  /** The card's inputs, where it would be cached, and what is known without drawing it. */
  const prepare = (article: Article) => {
    const picture = leadPicture(article, siteRoot);
    const input: CardInput = { ...cardTextOf(article, siteName), ...(picture.data !== undefined ? { image: picture.data } : {}) };
    const key = createHash('sha256').update(versions).update('\0').update(JSON.stringify(input)).digest('hex').slice(0, 32);
    const common = { width: CARD_WIDTH, height: CARD_HEIGHT, alt: article.headline, ...(picture.note !== undefined ? { imageNote: picture.note } : {}) };
    return { input, cached: join(cacheDir, `${key}.png`), meta: join(cacheDir, `${key}.json`), common };
  };

  const draw = async (article: Article): Promise<DrawnStoryCard> => {
    // CPU time, not the clock: a card's cost read on a busy machine is still its own.
    let t = cpuMs();
    const lap = () => {
      const now = cpuMs();
      const ms = now - t;
      t = now;
      return ms;
    };
    const { input, cached, meta, common } = prepare(article);
    const hashMs = lap();
    const layouts: number[] = [];
    const timedSatori: typeof satori = async (...args) => {
      const layoutStarted = cpuMs();
      const svg = await satori(...args);
      layouts.push(cpuMs() - layoutStarted);
      return svg;
    };
    const { svg, headlineSize } = await drawCard(timedSatori, cardFonts(), input);
    lap();
    // Text is already paths: resvg needs no fonts, so none are looked for on the machine.
    const resvg = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
    const parseMs = lap();
    const rendered = resvg.render();
    const renderMs = lap();
    // A palette PNG when it holds every pixel exactly (about 3 times cheaper and half the size); resvg's own otherwise.
    const png = palettePng(rendered.pixels, rendered.width, rendered.height) ?? rendered.asPng();
    const encodeMs = lap();
    const path = cardPath(article.slug, png);
    const nameMs = lap();
    // Written whole under another name, then renamed: two builds at once never read half a card.
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, cached);
    writeFileSync(meta, JSON.stringify({ headlineSize }));
    const writeMs = lap();
    const card = { ...common, png, path, headlineSize, fromCache: false };
    stageTimes.set(card, {
      'fit ms': layouts.slice(0, -1).reduce((a, b) => a + b, 0),
      'fit layouts': layouts.length - 1,
      'layout ms': layouts.at(-1) ?? NaN,
      'svg bytes': svg.length,
      'parse ms': parseMs,
      'render ms': renderMs,
      'encode ms': encodeMs,
      'png bytes': png.byteLength,
      'hash ms': hashMs + nameMs,
      'write ms': writeMs,
    });
    return card;
  };

  const pool = workers > 0 ? new CardPool(Math.min(workers, availableParallelism()), { siteRoot, siteName, cacheDir }) : undefined;

  return {
    async card(article) {
      const { cached, meta, common } = prepare(article);
      if (existsSync(cached) && existsSync(meta)) {
        const png = readFileSync(cached);
        const { headlineSize } = JSON.parse(readFileSync(meta, 'utf8')) as { headlineSize: number };
        return { ...common, png, path: cardPath(article.slug, png), headlineSize, fromCache: true };
      }
      if (!pool) return draw(article);
      const result = await pool.draw(article);
      return { ...result, png: Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength) };
    },
    close: async () => pool?.close(),
  };
}

/** Worker threads that draw cards (scripts/site/cardWorker.ts), each given the next card as it finishes one. */
class CardPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { article: Article; resolve: (card: CardResult) => void; reject: (error: Error) => void }[] = [];
  private readonly pending = new Map<Worker, { resolve: (card: CardResult) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly size: number,
    private readonly options: Required<Pick<CardMakerOptions, 'siteRoot' | 'siteName' | 'cacheDir'>>,
  ) {}

  draw(article: Article): Promise<CardResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ article, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.idle.length === 0 && this.workers.length < this.size) this.idle.push(this.start());
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop();
      const job = this.queue.shift();
      if (!worker || !job) return;
      this.pending.set(worker, job);
      worker.postMessage(job.article);
    }
  }

  private start(): Worker {
    // The worker is TypeScript: it registers tsx's loader itself before loading it, since Node 20
    // applies a parent's `--import tsx` to a worker's imports but not to its entry file.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./cardWorker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: this.options });
    worker.on('message', (message: { card?: CardResult; error?: string }) => {
      const job = this.pending.get(worker);
      this.pending.delete(worker);
      if (message.card) job?.resolve(message.card);
      else job?.reject(new Error(message.error ?? 'a card worker failed'));
      this.idle.push(worker);
      this.next();
    });
    worker.on('error', (error) => {
      this.pending.get(worker)?.reject(error);
      this.pending.delete(worker);
    });
    this.workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * What to tell an editor about a card, by the JSON path of the field to change (as the preview and
 * `npm run publish` name problems): a headline shrunk below a readable size, a picture left out.
 */
export function cardWarnings(card: DrawnStoryCard): string[] {
  return [
    ...[headlineSizeWarning(card.headlineSize)].filter((warning) => warning !== undefined).map(({ path, message }) => `${path}: ${message}`),
    ...(card.imageNote !== undefined ? [`$.image.src: ${card.imageNote}`] : []),
  ];
}
