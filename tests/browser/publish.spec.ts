/**
 * `npm run publish` on a built site (a copy of dist/), served by the real nginx with the shipped
 * configuration: a story refused for each kind of bad file with nothing written; a story put live
 * with only the files that list it rewritten; a publish killed part-way, at several points, leaving
 * a whole and consistent site; a second publish refused while one holds the lock; and a story
 * taken down answering 410 Gone, then published again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EXIT } from '../../scripts/publish';
import { copySite, removeSite, startNginx, type Running, type Site } from './deployServers';
import { expect, test } from './fixtures';
import { STORY_SLUG, storyText } from './pages';

const TEST_PORT = Number(process.env.TEST_PORT ?? 4173);
const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/articles');

// One site for the file: each test starts where the last one left it.
test.describe.configure({ mode: 'serial' });

let site: Site;
let nginx: Running;

test.beforeAll(async () => {
  site = copySite();
  nginx = await startNginx(site, TEST_PORT + 12);
});

test.afterAll(async () => {
  await nginx?.stop();
  if (site) removeSite(site);
});

/** Runs the publish command as an editor would; its exit code (or the signal that ended it) and what it said. */
function runPublish(args: readonly string[], env: Record<string, string> = {}) {
  // Node itself (with tsx's loader), not npx: a publish killed by its own crash switch then ends this very process.
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/publish.ts', '--site', site.root, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Published for this machine, and said so: without SITE_URL a publish refuses.
    env: { SITE_URL: 'http://127.0.0.1:4173', ...process.env, ...env },
  });
  return { code: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
}

/** A new story: the Iran story under another slug, headline and date, in its own file. */
function storyFile(slug: string, published: string, extra: Record<string, unknown> = {}): string {
  const value = { ...(JSON.parse(storyText) as Record<string, unknown>), slug, headline: `Follow-up ${slug}`, published, ...extra };
  const file = join(site.dir, `${slug}.json`);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

/** Every file of the site with its modification time: what a publish changed, to the nanosecond. */
function snapshot(): Map<string, bigint> {
  const files = new Map<string, bigint>();
  for (const entry of readdirSync(site.root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = relative(site.root, path);
    if (rel.startsWith('.publish')) continue;
    files.set(rel, statSync(path, { bigint: true }).mtimeNs);
  }
  return files;
}

function changed(before: Map<string, bigint>, after: Map<string, bigint>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

const siteJson = (path: string) => JSON.parse(readFileSync(join(site.root, path), 'utf8')) as { articles: { slug: string }[] };

/**
 * The site is whole and consistent: every content file parses; every story any list names has its
 * file and its page; every gzip copy holds exactly its file.
 */
function expectConsistent(): void {
  const listed = new Set<string>();
  for (const entry of readdirSync(join(site.root, 'content'), { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || relative(site.root, path).startsWith('.')) continue;
    if (entry.name.endsWith('.gz')) {
      const source = path.slice(0, -3);
      expect(existsSync(source), `${path} has its file`).toBe(true);
      expect(gunzipSync(readFileSync(path)).equals(readFileSync(source)), `${path} holds ${source}`).toBe(true);
      continue;
    }
    if (!entry.name.endsWith('.json')) continue;
    const value = JSON.parse(readFileSync(path, 'utf8')) as { articles?: { slug: string }[] };
    if (path.includes('/lists/') || entry.name === 'index.json') for (const { slug } of value.articles ?? []) listed.add(slug);
  }
  for (const slug of listed) {
    expect(existsSync(join(site.root, 'content/articles', `${slug}.json`)), `${slug} is listed and has its file`).toBe(true);
    expect(existsSync(join(site.root, 'articles', `${slug}.html`)), `${slug} is listed and has its page`).toBe(true);
  }
}

test('refuses a bad story with the reader’s message and its own exit code, and writes nothing', () => {
  const before = snapshot();
  const cases = [
    { file: 'not-json.json', code: EXIT.notJson, says: /line 1, column 1/ },
    { file: 'truncated.json', code: EXIT.notJson, says: /not valid JSON at line \d+, column \d+/ },
    { file: 'html-page.json', code: EXIT.notJson, says: /an HTML page, not JSON/ },
    { file: 'bad-schema-version-2.json', code: EXIT.version, says: /\$\.schemaVersion: schema version 2 is not supported/ },
    { file: 'bad-headline-missing.json', code: EXIT.invalid, says: /\$\.headline/ },
  ];
  for (const { file, code, says } of cases) {
    const result = runPublish([join(FIXTURES, file)]);
    expect(result.code, `${file}: ${result.output}`).toBe(code);
    expect(result.output).toMatch(says);
  }
  // A good story given with a bad one is refused with it.
  const good = storyFile('refused-with-a-bad-one', '2025-03-22');
  expect(runPublish([good, join(FIXTURES, 'bad-dateline-missing.json')]).code).toBe(EXIT.invalid);
  expect(runPublish(['no-such-file.json']).code).toBe(EXIT.unreadable);
  expect(changed(before, snapshot())).toEqual([]);
});

test('puts a story live with only the files that list it rewritten, and nginx serves it', async ({ request }) => {
  const before = snapshot();
  const slug = 'iran-talks-follow-up-published';
  const result = runPublish([storyFile(slug, '2025-03-22T09:00:00Z', { section: 'World', tags: ['Iran', 'Talks'] })]);
  expect(result.code, result.output).toBe(EXIT.published);

  const all = changed(before, snapshot()).filter((path) => !path.endsWith('.gz'));
  // The story's social card, named for its content.
  const card = all.find((path) => new RegExp(`^articles/${slug}\\.card-[0-9a-f]{16}\\.png$`).test(path));
  expect(card, all.join('\n')).toBeDefined();
  const touched = all.filter((path) => path !== card);
  expect(touched).toEqual(
    [
      `content/articles/${slug}.json`,
      `articles/${slug}.html`,
      'content/articles/index.json',
      'index.html',
      'content/lists/section/world/latest.json',
      'section/world.html',
      'content/lists/tag/iran/latest.json',
      'tag/iran.html',
      'content/lists/tag/talks/latest.json',
      'tag/talks.html',
      'feed.xml',
      'sitemap.xml',
    ].sort(),
  );
  // The other story's page and file are as the build left them.
  expect(touched).not.toContain(`articles/${STORY_SLUG}.html`);

  expect(siteJson('content/articles/index.json').articles.map((entry) => entry.slug)).toEqual([slug, STORY_SLUG]);
  const page = await request.get(`${nginx.url}/articles/${slug}`);
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain(`Follow-up ${slug}`);
  expect(html).toContain(`<meta property="og:image" content="http://127.0.0.1:4173/${card ?? ''}" />`);
  const picture = await request.get(`${nginx.url}/${card ?? ''}`);
  expect(picture.status()).toBe(200);
  expect(picture.headers()['content-type']).toBe('image/png');
  const front = await request.get(`${nginx.url}/`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(await front.text()).toContain(`Follow-up ${slug}`);
  expect(await (await request.get(`${nginx.url}/feed.xml`)).text()).toContain(`/articles/${slug}</id>`);
  expectConsistent();
});

test('a publish killed part-way leaves the site whole and consistent, and the next one finishes it', () => {
  const slug = 'iran-talks-killed-then-finished';
  const file = storyFile(slug, '2025-03-23', { tags: ['Iran'] });
  for (const after of [0, 1, 2, 5]) {
    const killed = runPublish([file], { PUBLISH_CRASH_AFTER: String(after) });
    expect(killed.signal, `killed after ${after} files: ${killed.output}`).toBe('SIGKILL');
    expectConsistent();
  }
  const finished = runPublish([file]);
  expect(finished.code, finished.output).toBe(EXIT.published);
  expect(siteJson('content/articles/index.json').articles[0]?.slug).toBe(slug);
  expect(siteJson('content/lists/tag/iran/latest.json').articles[0]?.slug).toBe(slug);
  expectConsistent();
});

test('refuses a second publish while another holds the lock', () => {
  const lock = join(site.root, '.publish', 'lock');
  // This test's own process: alive, so the lock is held.
  writeFileSync(lock, String(process.pid));
  try {
    const before = snapshot();
    const result = runPublish([storyFile('iran-talks-while-locked', '2025-03-24')]);
    expect(result.code, result.output).toBe(EXIT.busy);
    expect(result.output).toContain(`another publish is running (process ${process.pid})`);
    expect(changed(before, snapshot())).toEqual([]);
  } finally {
    writeFileSync(lock, '');
  }
});

test('takes a story down: its address answers 410 Gone and nothing lists it; publishing it again brings it back', async ({ request }) => {
  const slug = 'iran-talks-follow-up-published';
  const down = runPublish(['--unpublish', slug]);
  expect(down.code, down.output).toBe(EXIT.published);
  expect((await request.get(`${nginx.url}/articles/${slug}`)).status()).toBe(410);
  expect((await request.get(`${nginx.url}/content/articles/${slug}.json`)).status()).toBe(404);
  expect(siteJson('content/articles/index.json').articles.map((entry) => entry.slug)).not.toContain(slug);
  expect(existsSync(join(site.root, 'content/lists/tag/talks/latest.json')), 'a tag with no story left has no page').toBe(false);
  expect((await request.get(`${nginx.url}/tag/talks`)).status()).toBe(404);
  expect(await (await request.get(`${nginx.url}/feed.xml`)).text()).not.toContain(slug);
  expectConsistent();

  expect(runPublish(['--unpublish', 'never-published']).code).toBe(EXIT.noSuchStory);

  const again = runPublish([join(site.dir, `${slug}.json`)]);
  expect(again.code, again.output).toBe(EXIT.published);
  expect((await request.get(`${nginx.url}/articles/${slug}`)).status()).toBe(200);
});
