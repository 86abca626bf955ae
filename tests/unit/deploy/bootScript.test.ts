/**
 * The boot script is the one inline script a page carries, allowed by the hash of its text in the
 * Content Security Policy (the meta tag and the servers' header alike). Every kind of page the
 * build writes (a story, the front page, a list page, the not-found page, and the shell that also
 * serves the editors' preview) is rendered here as the build renders it, and each inline script
 * in it must be one the policies allow: a page whose script drifted from the hash would run no
 * script at all.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexHtmlTransformHook, Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOT_PLACEHOLDER, BOOT_SCRIPT, BOOT_SCRIPT_HASH, inlineBootScript } from '../../../scripts/bootScript';
import { contentSecurityPolicy, contentSecurityPolicyHeader, cspMetaTag } from '../../../scripts/contentSecurityPolicy';
import { securityHeaders } from '../../../scripts/siteRules';
import { createRenderer, type SiteRenderer } from '../../../scripts/site/renderer';
import { parseIndex, parseJsonText } from '../../../src/content/parse';
import type { ArticleIndex } from '../../../src/content/schema';
import { fixtureStory, fixtureText } from '../support/fixtures';
import { ROOT } from '../support/paths';

/** The hash a browser computes for an inline script's text. */
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The sources one directive of a policy allows. */
function directive(policy: string, name: string): string[] {
  const found = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

/** The text of every script in the page that the browser runs (not JSON data), with its attributes. */
function inlineScripts(html: string): { attributes: string; text: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .map(([, attributes = '', text = '']) => ({ attributes, text }))
    .filter(({ attributes }) => !/\bsrc=/.test(attributes) && !/\btype="application\/(?:ld\+)?json"/.test(attributes));
}

function metaPolicy(html: string): string {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
}

function listFixture(file: string): ArticleIndex {
  const json = parseJsonText(fixtureText(file));
  const result = json.ok ? parseIndex(json.value) : json;
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.value;
}

/** Runs a plugin's transformIndexHtml as the build does (both plugins here return a string). */
function transform(plugin: Plugin, html: string): string {
  const hook = plugin.transformIndexHtml as { handler: IndexHtmlTransformHook } | undefined;
  if (!hook) throw new Error(`${plugin.name} does not transform the page`);
  return hook.handler.call(undefined as never, html, { path: '/index.html', filename: 'index.html' }) as string;
}

describe('the boot script', () => {
  it('is allowed by its hash, and is the only inline script the policy allows', () => {
    expect(BOOT_SCRIPT_HASH).toBe(sha256(BOOT_SCRIPT));
    expect(directive(contentSecurityPolicy(undefined), 'script-src')).toEqual(["'self'", BOOT_SCRIPT_HASH]);
    expect(directive(contentSecurityPolicyHeader(undefined), 'script-src')).toEqual(["'self'", BOOT_SCRIPT_HASH]);
    expect(directive(contentSecurityPolicy(undefined), 'script-src')).not.toContain("'unsafe-inline'");
  });

  it('is minified from src/boot.js, with no comment left', () => {
    expect(readFileSync(join(ROOT, 'src', 'boot.js'), 'utf8').length).toBeGreaterThan(BOOT_SCRIPT.length);
    expect(BOOT_SCRIPT).not.toMatch(/\/\/|\/\*/);
    expect(BOOT_SCRIPT).toContain('data-app');
  });
});

describe('every kind of page the build writes', () => {
  let dist: string;
  let renderer: SiteRenderer;

  beforeAll(async () => {
    // The template as Vite writes it: index.html through the build's own plugins, with the app's module.
    dist = mkdtempSync(join(tmpdir(), 'boot-script-'));
    const source = readFileSync(join(ROOT, 'index.html'), 'utf8');
    expect(source).toContain(BOOT_PLACEHOLDER);
    const built = transform(cspMetaTag(undefined), transform(inlineBootScript(), source)).replace(
      /<script type="module" src="\/src\/main\.tsx"><\/script>/,
      '<script type="module" crossorigin src="/assets/index-test.js"></script>',
    );
    writeFileSync(join(dist, 'index.html'), built);
    renderer = await createRenderer({ dist, serverEntry: join(ROOT, 'src', 'entry-server.tsx'), origin: 'https://dispatch.example' });
  });

  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  const pages: [string, () => string][] = [
    ['a story', () => renderer.story(fixtureStory('articles/story-corrected.json'), [])],
    ['the front page', () => renderer.list({ route: '/', contentPath: 'articles/index.json', htmlPath: 'index.html', data: listFixture('index/with-older-pages.json') })],
    [
      'a list page',
      () => renderer.list({ route: '/tag/iran/page/1', contentPath: 'lists/tag/iran/1.json', htmlPath: 'tag/iran/page/1.html', data: listFixture('lists/tag/iran/1.json') }),
    ],
    ['the not-found page', () => renderer.notFound()],
    ['the shell (200.html, also the editors’ preview)', () => renderer.shell()],
  ];

  it.each(pages)('%s: its one inline script is the boot script, allowed by the meta tag and the header', (_, render) => {
    const html = render();
    const scripts = inlineScripts(html);
    expect(scripts.map(({ text }) => text)).toEqual([BOOT_SCRIPT]);
    const header = securityHeaders(undefined)['Content-Security-Policy'] ?? '';
    for (const { text } of scripts) {
      expect(directive(metaPolicy(html), 'script-src')).toContain(sha256(text));
      expect(directive(header, 'script-src')).toContain(sha256(text));
    }
  });

  it('a prerendered page names its app outside the hashed text; the shell loads it directly', () => {
    const [story] = inlineScripts(renderer.story(fixtureStory('articles/story-corrected.json'), []));
    expect(story?.attributes).toBe(' data-app="/assets/index-test.js"');
    const shell = renderer.shell();
    expect(inlineScripts(shell)[0]?.attributes).toBe('');
    expect(shell).toContain('<script type="module" crossorigin src="/assets/index-test.js"></script>');
  });
});
