/**
 * Every prerendered story shares with its own picture: its head names a social card (og:image,
 * twitter:image) at the build's configured origin, with the headline as its alt text, and the
 * card is a 1200×630 PNG beside the page that Chromium draws with something on it. And a
 * production build (or publish) that was not told its address stops with a message saying so.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_ORIGIN } from '../../scripts/prerender/site';
import { decodedPicture } from './checks';
import { expect, test } from './fixtures';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
/** The origin the suite's build was made for (npm run build:local says so). */
const ORIGIN = process.env.SITE_URL ?? LOCAL_ORIGIN;

const stories = readdirSync(join(DIST, 'articles'))
  .filter((name) => name.endsWith('.html'))
  .map((name) => name.slice(0, -'.html'.length));

const metaContent = (html: string, key: string): string | undefined =>
  new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)" />`).exec(html)?.[1];
const unescape = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** A PNG's size, from its IHDR chunk (which a PNG must start with). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  expect(bytes.subarray(12, 16).toString('latin1'), 'IHDR first').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the build prerendered stories to check', () => {
  expect(stories.length).toBeGreaterThan(0);
});

for (const slug of stories) {
  test(`${slug}: its head shares its own 1200×630 card, at the configured origin, with the headline as alt`, async ({ page, request }) => {
    const html = readFileSync(join(DIST, 'articles', `${slug}.html`), 'utf8');
    const story = JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8')) as { headline: string };
    const image = metaContent(html, 'og:image') ?? '';
    expect(image).toMatch(new RegExp(`^${ORIGIN.replace(/[.]/g, '\\.')}/articles/${slug}\\.card-[0-9a-f]{16}\\.png$`));
    expect(metaContent(html, 'twitter:image')).toBe(image);
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'og:image:width')).toBe('1200');
    expect(metaContent(html, 'og:image:height')).toBe('630');
    expect(unescape(metaContent(html, 'og:image:alt') ?? '')).toBe(story.headline);
    expect(metaContent(html, 'og:locale')).toBe('en_GB');
    expect(metaContent(html, 'og:url')).toBe(`${ORIGIN}/articles/${slug}`);

    const path = new URL(image).pathname;
    expect(pngSize(readFileSync(join(DIST, path)))).toEqual({ width: 1200, height: 630 });
    const served = await request.get(path);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/png');

    // Drawn by the browser: it decodes, at its size, and is not one flat colour.
    await page.goto(`/articles/${slug}`);
    const drawn = await decodedPicture(page, path);
    expect(drawn.width).toBe(1200);
    expect(drawn.height).toBe(630);
    expect(drawn.variance).toBeGreaterThan(500);
  });
}

test('a production build or publish without SITE_URL stops and says why', () => {
  const env = { ...process.env };
  delete env.SITE_URL;
  // A folder that is not there: the check comes before anything is read or written.
  const nowhere = { PRERENDER_DIST: join(ROOT, '.tmp', 'no-such-build') };
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prerender.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...env, ...nowhere } });
  expect(build.status).toBe(1);
  expect(build.stderr).toContain('SITE_URL is not set: a production build needs the site’s public origin'.replace('’', "'"));
  expect(build.stderr).toContain('npm run build:local');

  const publish = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/publish.ts', '--site', nowhere.PRERENDER_DIST, 'story.json'], { cwd: ROOT, encoding: 'utf8', env });
  expect(publish.status).not.toBe(0);
  expect(publish.stderr).toContain('SITE_URL is not set');
});
