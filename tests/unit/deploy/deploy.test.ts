// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../../scripts/contentSecurityPolicy';
import { DEFAULT_NGINX_OPTIONS, NGINX_CONF_FILE, nginxServerConfig } from '../../../scripts/nginxConfig';
import { precompressFiles } from '../../../scripts/precompress';
import { acceptsGzip } from '../../../scripts/serve';
import { routeFor, siteRoutes } from '../../../scripts/siteRules';
import { ROOT } from '../support/paths';

describe('the nginx configuration', () => {
  it('is the one generated from the site rules', () => {
    const committed = readFileSync(join(ROOT, NGINX_CONF_FILE), 'utf8');
    expect(committed, `${NGINX_CONF_FILE} is stale: run \`npm run deploy:nginx\` and commit the result`).toBe(
      nginxServerConfig(DEFAULT_NGINX_OPTIONS),
    );
  });
});

describe('the Content Security Policy header', () => {
  it('is the meta tag’s policy, plus who may frame the site', () => {
    const header = contentSecurityPolicyHeader('https://feed.example/content');
    expect(header.startsWith(contentSecurityPolicy('https://feed.example/content'))).toBe(true);
    expect(header).toContain("frame-ancestors 'self'");
    expect(header).toContain('connect-src \'self\' https://feed.example');
  });
});

describe('routes, in nginx’s order', () => {
  const routes = siteRoutes({ contentBase: undefined });
  it.each([
    ['/', 'front-page'],
    ['/preview', 'preview'],
    ['/assets/index-abc.js', 'assets'],
    ['/content/articles/a.json', 'content'],
    ['/content/.hidden', 'content'],
    ['/.vite/manifest.json', 'hidden'],
    ['/articles/a-story', 'story'],
    ['/articles/A-Story', 'other-files'],
    ['/articles/a-story.html', 'news-files'],
    ['/favicon.svg', 'other-files'],
  ])('%s is answered by %s', (path, id) => {
    expect(routeFor(routes, path).route.id).toBe(id);
  });

  it('leaves stories to the app when the content is elsewhere (the server cannot see it)', () => {
    const story = routeFor(siteRoutes({ contentBase: 'https://feed.example/content' }), '/articles/a-story').route;
    expect(story.onlyIf).toBeUndefined();
  });
});

describe('Accept-Encoding', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    [undefined, false],
  ])('%s → gzip %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('precompressing', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .gz of the same bytes and time beside a file, again on every run, and none where gzip gains nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    const page = join(dir, 'page.html');
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(page, '<p>news</p>\n'.repeat(200));
    writeFileSync(tiny, 'x');
    writeFileSync(`${tiny}.gz`, 'stale');
    precompressFiles([page, tiny]);
    writeFileSync(page, '<p>corrected</p>\n'.repeat(200));
    const [result] = precompressFiles([page]);

    expect(gunzipSync(readFileSync(`${page}.gz`)).toString()).toBe(readFileSync(page, 'utf8'));
    expect(result?.gzipBytes).toBe(statSync(`${page}.gz`).size);
    expect(Math.floor(statSync(`${page}.gz`).mtimeMs / 1000)).toBe(Math.floor(statSync(page).mtimeMs / 1000));
    expect(existsSync(`${tiny}.gz`)).toBe(false);
  });
});
