/**
 * `npm run publish -- story.json [more.json …]` puts stories live on a built site without a
 * rebuild; `npm run publish -- --unpublish {slug}` takes one down (its address then answers 410).
 *
 * For each story it checks the file with the reader's own parser (a fatal problem refuses every
 * story given and writes nothing), then writes the story's JSON, social card and page (the card
 * drawn as the build draws it, scripts/site/cards.ts), and rewrites only what
 * lists it: the front page and the pages of its section and tags that changed, the feed and the
 * sitemaps. No other story's page is touched. Everything is staged whole first and renamed into
 * place in an order that never lets a page link to a story that is not there yet
 * (scripts/site/transaction.ts). One publish at a time: a second one is refused while the first holds
 * the lock.
 */
// First: React's production build for the pages (before any import loads React).
import './site/production';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ContentIssue } from '../src/content/parse';
import type { Article, IndexEntry } from '../src/content/schema';
import { siteFiles } from './prerender/siteFiles';
import { FEED_SIZE } from './prerender/feeds';
import { newestFirst, requireSiteUrl } from './prerender/site';
import { ALL_PAGES_DIR, entryOf, storyLists, listPageFiles, type ListPageFile, type StoryList } from './site/archive';
import { CARD_FILE, cardWarnings, createCardMaker } from './site/cards';
import { createRenderer, type SiteRenderer } from './site/renderer';
import { ARTICLES_DIR, slugOfFile } from './site/stories';
import { SiteTransaction, WORK_DIR } from './site/transaction';

/** Exit codes, one for each way a publish is refused (README, "Publishing"). */
export const EXIT = {
  published: 0,
  usage: 2,
  unreadable: 3,
  /** Not JSON: a syntax error (with line and column), or an HTML page. */
  notJson: 4,
  /** `schemaVersion` missing or unknown. */
  version: 5,
  /** A required field missing or of the wrong type: every one, by JSON path. */
  invalid: 6,
  /** Another publish holds the lock. */
  busy: 7,
  /** The folder is not a built site. */
  notASite: 8,
  /** `--unpublish` of a story the site does not have. */
  noSuchStory: 9,
} as const;

const KIND_EXIT = { syntax: EXIT.notJson, html: EXIT.notJson, version: EXIT.version, invalid: EXIT.invalid } as const;

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const USAGE = `usage: npm run publish -- story.json [more.json …] [--site dist] [--server dist-server/entry-server.js]
       npm run publish -- --unpublish slug [--site dist]`;

/** The tombstone of a story taken down: while it exists the story's addresses answer 410 Gone. */
export const goneFile = (slug: string): string => `${ARTICLES_DIR}/${slug}.gone`;
const storyFile = (slug: string): string => `${ARTICLES_DIR}/${slug}.json`;
const storyPage = (slug: string): string => `articles/${slug}.html`;

function readText(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}

/** Holds the site's lock, or refuses: a lock left by a process that died is taken over. */
function lock(root: string): () => void {
  mkdirSync(join(root, WORK_DIR), { recursive: true });
  const file = join(root, WORK_DIR, 'lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readText(root, join(WORK_DIR, 'lock')));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Refusal(`another publish is running (process ${holder}); try again when it has finished`, EXIT.busy);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Refusal('could not take the publish lock', EXIT.busy);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The site's stories as its lists have them: the front page's index and every numbered page of all stories. */
function readEntries(root: string, files: Map<string, string>, parser: SiteRenderer['parser']): Map<string, IndexEntry> {
  const entries = new Map<string, IndexEntry>();
  const pagesDir = join(root, 'content', ALL_PAGES_DIR);
  const paths = ['articles/index.json', ...(existsSync(pagesDir) ? readdirSync(pagesDir).map((name) => `${ALL_PAGES_DIR}/${name}`) : [])];
  for (const path of paths) {
    if (!path.endsWith('.json')) continue;
    const text = readText(root, `content/${path}`);
    if (text === undefined) continue;
    files.set(`content/${path}`, text);
    const json = parser.parseJsonText(text);
    const index = json.ok ? parser.parseIndex(json.value) : json;
    if (!index.ok) throw new Refusal(`content/${path} is not a valid index: ${index.errors[0]?.message ?? ''}; run npm run build to rewrite the site`, EXIT.notASite);
    for (const entry of index.value.articles) entries.set(entry.slug, entry);
  }
  return entries;
}

/** A story that passed the reader's parser: what it says, the text as given, and what was left out. */
interface ValidStory {
  readonly article: Article;
  readonly text: string;
  readonly warnings: readonly ContentIssue[];
}

function listId(list: StoryList): string {
  return list.kind === 'all' ? 'all' : `${list.kind}/${list.key ?? ''}`;
}

/** The lists a story is in, by id: all stories, its section's, its tags'. */
function listIdsOf(entry: IndexEntry | undefined): string[] {
  if (!entry) return [];
  return storyLists([entry]).map(listId);
}

function validate(paths: readonly string[], renderer: SiteRenderer): ValidStory[] {
  const stories: ValidStory[] = [];
  const refusals: Refusal[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      refusals.push(new Refusal(`${path}: cannot be read`, EXIT.unreadable));
      continue;
    }
    const named = slugOfFile(basename(path));
    const parsed = renderer.parser.parseArticleText(text, named !== undefined ? { slug: named } : {});
    if (!parsed.ok) {
      const where = parsed.line !== undefined ? ` (line ${parsed.line}, column ${parsed.column ?? 0})` : '';
      const lines = parsed.errors.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
      refusals.push(new Refusal(`${path}: this story can’t be published${where}:\n${lines}`, KIND_EXIT[parsed.kind]));
      continue;
    }
    for (const warning of parsed.warnings) console.warn(`${path}: warning: ${warning.path}: ${warning.message}`);
    stories.push({ article: parsed.value, text, warnings: parsed.warnings });
  }
  const first = refusals[0];
  if (first) throw new Refusal(refusals.map((refusal) => refusal.message).join('\n'), first.code);
  return stories;
}

export interface PublishOptions {
  readonly root: string;
  readonly serverEntry: string;
  readonly origin: string;
  readonly files: readonly string[];
  readonly unpublish: readonly string[];
  readonly now?: Date;
  /** The site's account on X (TWITTER_SITE), as the build names it. */
  readonly twitterSite?: string | undefined;
}

export interface PublishResult {
  readonly written: readonly string[];
  readonly removed: readonly string[];
}

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const root = resolve(options.root);
  if (!existsSync(join(root, '200.html')) || !existsSync(join(root, ARTICLES_DIR))) {
    throw new Refusal(`${root} is not a built site (no 200.html or ${ARTICLES_DIR}/): run npm run build first`, EXIT.notASite);
  }
  if (!existsSync(options.serverEntry)) {
    throw new Refusal(`${options.serverEntry} is missing: run npm run build first (it writes the server entry)`, EXIT.notASite);
  }
  const renderer = await createRenderer({ dist: root, serverEntry: options.serverEntry, origin: options.origin, twitterSite: options.twitterSite });
  // Checked before the lock: a refused story costs another editor nothing.
  const published = validate(options.files, renderer);

  const release = lock(root);
  // A publish that was killed may have left its staging folder: nothing in it was ever in place.
  for (const name of readdirSync(join(root, WORK_DIR))) if (name.startsWith('staging-')) rmSync(join(root, WORK_DIR, name), { recursive: true, force: true });
  const transaction = new SiteTransaction(root);
  try {
    const onDisk = new Map<string, string>();
    const before = readEntries(root, onDisk, renderer.parser);
    const after = new Map(before);
    const affected = new Set<string>();
    for (const slug of options.unpublish) {
      if (!before.has(slug) && !existsSync(join(root, storyFile(slug)))) throw new Refusal(`there is no story ${slug} on this site`, EXIT.noSuchStory);
      for (const id of listIdsOf(before.get(slug))) affected.add(id);
      after.delete(slug);
    }
    for (const { article } of published) {
      for (const id of [...listIdsOf(before.get(article.slug)), ...listIdsOf(entryOf(article))]) affected.add(id);
      after.set(article.slug, entryOf(article));
    }

    // 1. The stories themselves, before anything lists them; each card before the page that names it.
    const cards = createCardMaker({ siteRoot: root, siteName: renderer.siteName });
    const articlesDir = join(root, 'articles');
    const cardsOf = (slug: string) => (existsSync(articlesDir) ? readdirSync(articlesDir).filter((name) => CARD_FILE.exec(name)?.[1] === slug) : []);
    const oldCards: string[] = [];
    for (const { article, text, warnings } of published) {
      const card = await cards.card(article);
      for (const warning of cardWarnings(card)) console.warn(`${article.slug}: warning: ${warning}`);
      transaction.put(storyFile(article.slug), text);
      transaction.put(card.path, card.png);
      transaction.put(storyPage(article.slug), renderer.story(article, warnings, card));
      if (existsSync(join(root, goneFile(article.slug)))) transaction.remove(goneFile(article.slug));
      oldCards.push(...cardsOf(article.slug).filter((name) => `articles/${name}` !== card.path).map((name) => `articles/${name}`));
    }

    // 2. The pages that list them, where they changed; pages a list no longer has are removed.
    const readOnce = (path: string) => (onDisk.has(path) ? onDisk.get(path) : readText(root, path));
    const oldLists = new Map(storyLists([...before.values()]).map((list) => [listId(list), list]));
    for (const list of storyLists([...after.values()])) {
      const id = listId(list);
      if (!affected.has(id)) continue;
      const files = listPageFiles(list);
      for (const file of files) {
        const json = JSON.stringify(file.data);
        if (readOnce(`content/${file.contentPath}`) === json) continue;
        transaction.put(`content/${file.contentPath}`, json);
        transaction.put(file.htmlPath, renderer.list(file));
      }
      const kept = new Set(files.map((file) => file.contentPath));
      const old = oldLists.get(id);
      for (const file of old ? listPageFiles(old) : []) if (!kept.has(file.contentPath)) removeListPage(transaction, file);
      oldLists.delete(id);
    }
    // Lists left with no story at all (a tag's only story taken down).
    for (const [id, list] of oldLists) if (affected.has(id)) for (const file of listPageFiles(list)) removeListPage(transaction, file);

    // 3. The feed and the sitemaps.
    const entries = [...after.values()];
    const feedStories = newestFirst(entries)
      .slice(0, FEED_SIZE)
      .map((entry) => published.find(({ article }) => article.slug === entry.slug)?.article ?? readStory(root, entry.slug, renderer));
    const site = { origin: options.origin, siteName: renderer.siteName, now: options.now ?? new Date() };
    const files = await siteFiles({ feed: feedStories.filter((story): story is Article => story !== undefined), entries }, site);
    for (const file of files) if (readText(root, file.path) !== file.text) transaction.put(file.path, file.text);
    const sitemapParts = new Set(files.map((file) => file.path));
    for (const name of readdirSync(root)) if (/^sitemap-\d+\.xml$/.test(name) && !sitemapParts.has(name)) transaction.remove(name);

    // 4. Last, what was taken down: nothing lists it any more.
    for (const slug of options.unpublish) {
      transaction.put(goneFile(slug), `${JSON.stringify({ slug, unpublished: site.now.toISOString() })}\n`);
      transaction.remove(storyFile(slug));
      transaction.remove(storyPage(slug));
      oldCards.push(...cardsOf(slug).map((name) => `articles/${name}`));
    }
    // 5. Cards no page names any more (a page already read may still show its old card: it goes last).
    for (const path of oldCards) transaction.remove(path);

    const crashAfter = process.env.PUBLISH_CRASH_AFTER;
    const summary = transaction.summary;
    transaction.commit((done) => {
      // For the test that kills a publish part-way: after this many files are in place.
      if (crashAfter !== undefined && done === Number(crashAfter)) process.kill(process.pid, 'SIGKILL');
    });
    return summary;
  } catch (error) {
    transaction.discard();
    throw error;
  } finally {
    release();
  }
}

function removeListPage(transaction: SiteTransaction, file: ListPageFile): void {
  transaction.remove(`content/${file.contentPath}`);
  transaction.remove(file.htmlPath);
}

function readStory(root: string, slug: string, renderer: SiteRenderer): Article | undefined {
  const text = readText(root, storyFile(slug));
  if (text === undefined) return undefined;
  const parsed = renderer.parser.parseArticleText(text, { slug });
  return parsed.ok ? parsed.value : undefined;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        site: { type: 'string', default: 'dist' },
        server: { type: 'string', default: 'dist-server/entry-server.js' },
        unpublish: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || (positionals.length === 0 && values.unpublish.length === 0)) {
    console.error(USAGE);
    return values.help ? EXIT.published : EXIT.usage;
  }
  let origin: string;
  try {
    origin = requireSiteUrl(process.env.SITE_URL, 'npm run publish -- …');
  } catch (error) {
    console.error((error as Error).message);
    return EXIT.usage;
  }
  const started = performance.now();
  try {
    const result = await publish({
      root: values.site,
      serverEntry: resolve(values.server),
      origin,
      twitterSite: process.env.TWITTER_SITE,
      files: positionals,
      unpublish: values.unpublish,
    });
    const ms = Math.round(performance.now() - started);
    console.log(`published in ${ms} ms: ${result.written.length} files written, ${result.removed.length} removed`);
    for (const path of result.written) console.log(`  wrote   ${path}`);
    for (const path of result.removed) console.log(`  removed ${path}`);
    return EXIT.published;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(error.message);
      return error.code;
    }
    throw error;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = await main();
}
