// @vitest-environment node
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader, SCRIPT_SOURCES, withPagePolicy } from '../../../scripts/contentSecurityPolicy';
import { DEFAULT_NGINX_OPTIONS, NGINX_CONF_FILE, nginxServerConfig } from '../../../scripts/nginxConfig';
import { precompressFiles } from '../../../scripts/precompress';
import { acceptsGzip } from '../../../scripts/serve';
import { routeFor, securityHeaders, siteRoutes } from '../../../scripts/siteRules';
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

describe('a policy per kind of page', () => {
  const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? '';

  it('never lets a reader’s page compile WebAssembly or show blob: pictures', () => {
    for (const policy of [contentSecurityPolicy(undefined), contentSecurityPolicyHeader(undefined), securityHeaders(undefined)['Content-Security-Policy'] ?? '']) {
      expect(directive(policy, 'script-src')).toBe(`script-src ${SCRIPT_SOURCES.join(' ')}`);
      expect(directive(policy, 'img-src')).toBe("img-src 'self' data: https:");
      expect(policy).not.toContain('wasm-unsafe-eval');
    }
  });

  it('lets the editors’ preview draw its card: WebAssembly, and the card as a blob: picture; nothing else changes', () => {
    const preview = contentSecurityPolicy('https://feed.example/content', { page: 'preview' });
    expect(directive(preview, 'script-src')).toBe(`script-src ${SCRIPT_SOURCES.join(' ')} 'wasm-unsafe-eval'`);
    expect(directive(preview, 'img-src')).toBe("img-src 'self' data: https: blob:");
    const rest = (policy: string) => policy.split('; ').filter((part) => !/^(?:script|img)-src /.test(part));
    expect(rest(preview)).toEqual(rest(contentSecurityPolicy('https://feed.example/content')));
  });

  it('is sent with the preview’s page and its workers, and with no other route', () => {
    const routes = siteRoutes({ contentBase: undefined });
    const previewHeader = contentSecurityPolicyHeader(undefined, { page: 'preview' });
    const withPreviewPolicy = routes.filter((route) => route.headers?.['Content-Security-Policy'] !== undefined);
    expect(withPreviewPolicy.map((route) => route.id).sort()).toEqual(['preview', 'preview-workers']);
    for (const route of withPreviewPolicy) expect(route.headers?.['Content-Security-Policy']).toBe(previewHeader);
  });

  it('goes into the preview’s page in place of the reader’s', () => {
    const shell = `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(undefined)}" />`;
    expect(withPagePolicy(shell, undefined, { page: 'preview' })).toBe(
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(undefined, { page: 'preview' })}" />`,
    );
    expect(() => withPagePolicy('<meta charset="UTF-8" />', undefined, { page: 'preview' })).toThrow(/no Content-Security-Policy meta tag/);
  });
});

describe('routes, in nginx’s order', () => {
  const routes = siteRoutes({ contentBase: undefined });
  it.each([
    ['/', 'front-page'],
    ['/preview', 'preview'],
    ['/preview/frame', 'preview-frame'],
    ['/assets/preview/previewCard.worker-abc.js', 'preview-workers'],
    ['/articles/a-story.card-0123456789abcdef.png', 'cards'],
    ['/articles/a-story.card-0123.png', 'other-files'],
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
