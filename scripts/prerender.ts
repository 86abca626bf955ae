/**
 * Build step after `vite build` and the server build: writes real HTML for the front page, every
 * story in the index and the not-found page, each with its query cache embedded for hydration,
 * plus a plain shell (200.html) for the single-page fallback: unknown routes and stories added
 * after the build. Then the site-wide files made from the same stories: the Atom feed, the
 * sitemaps and robots.txt.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleHead, frontPageHead, plainHead } from './prerender/head';
import { siteFiles } from './prerender/siteFiles';
import type { Article } from '../src/content/schema';

type ServerEntry = typeof import('../src/entry-server');

const DIST = resolve(process.env.PRERENDER_DIST ?? 'dist');
const SERVER_ENTRY = resolve(process.env.PRERENDER_SERVER ?? 'dist-server/entry-server.js');
const ORIGIN = process.env.SITE_URL ?? 'http://127.0.0.1:4173';

const server = (await import(pathToFileURL(SERVER_ENTRY).href)) as ServerEntry;
const { SITE_NAME } = server;

/** The built template with its stylesheets inlined: the first paint needs no second request. */
function loadTemplate(): string {
  // Kept aside on the first run, so that prerendering again over the same build starts from
  // Vite's page, not from the front page written last time.
  const pristine = join(DIST, '.vite', 'prerender-template.html');
  if (!existsSync(pristine)) {
    mkdirSync(dirname(pristine), { recursive: true });
    copyFileSync(join(DIST, 'index.html'), pristine);
  }
  let template = readFileSync(pristine, 'utf8');
  for (const [tag, href] of template.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)) {
    if (href === undefined) continue;
    const css = readFileSync(join(DIST, href), 'utf8').trim();
    template = template.replace(tag, `<style>${css}</style>`);
  }
  return template
    .replace(/\s*<title>[^<]*<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '');
}

const template = loadTemplate();

interface PageParts {
  readonly head: string;
  readonly body: string;
  readonly url?: string;
  readonly state?: unknown;
}

const BOOT_SCRIPT = '<script src="/boot.js"></script>';
const APP_MODULE = /\n? *<script type="module" crossorigin src="([^"]+)"><\/script>/;

/**
 * A prerendered page is whole without its script, which only makes it interactive: instead of
 * requesting the bundle while the page is still being read in, public/boot.js (already loaded
 * before the first paint, for the theme) requests it once the page has been painted, so it never
 * competes with the page's own text for the first paint.
 */
function startAfterFirstPaint(html: string): string {
  const module = APP_MODULE.exec(html);
  if (!module) throw new Error('prerender: the template has no app module script to start after the first paint');
  if (!html.includes(BOOT_SCRIPT)) throw new Error('prerender: the template has no boot script to start the app from');
  return html.replace(module[0], '').replace(BOOT_SCRIPT, `<script src="/boot.js" data-app="${module[1] ?? ''}"></script>`);
}

function page({ head, body, url, state }: PageParts): string {
  const root = url === undefined ? '<div id="root">' : `<div id="root" ${server.PRERENDERED_ATTRIBUTE}="${url}">`;
  const stateTag =
    state === undefined
      ? ''
      : `<script type="application/json" id="${server.STATE_ELEMENT_ID}">${server.serializeForScript(state)}</script>`;
  const html = url === undefined ? template : startAfterFirstPaint(template);
  return html
    .replace('</head>', `    ${head}\n  </head>`)
    .replace('<div id="root"></div>', `${root}${body}</div>${stateTag}`);
}

function write(path: string, html: string): void {
  const file = join(DIST, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, html);
  console.log(`prerendered ${path} (${Buffer.byteLength(html)} bytes)`);
}

// The fallback shell: no page's markup, so hydration never meets another page.
write(
  '200.html',
  page({
    head: plainHead(SITE_NAME, SITE_NAME),
    body: `<noscript><p style="padding:1rem">This page needs JavaScript. <a href="/">Go to the front page</a>.</p></noscript>`,
  }),
);

const indexText = readFileSync(join(DIST, 'content/articles/index.json'), 'utf8');
const indexJson = server.parseJsonText(indexText);
const index = indexJson.ok ? server.parseIndex(indexJson.value) : indexJson;
if (!index.ok) throw new Error(`content/articles/index.json is not valid: ${index.errors[0]?.message ?? ''}`);

/** The stories that were prerendered: the feed and sitemaps list these, never a story that does not open. */
const articles: Article[] = [];

for (const entry of index.value.articles) {
  const slug = entry.slug;
  let text: string;
  try {
    text = readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8');
  } catch {
    console.warn(`skipped /articles/${slug}: no such file (it will get the not-found page)`);
    continue;
  }
  const parsed = server.parseArticleText(text, { slug });
  if (!parsed.ok) {
    // Left to the client, which explains the problem with a retry; the build does not fail on one bad story.
    console.warn(`skipped /articles/${slug}: ${parsed.errors[0]?.message ?? 'invalid'}`);
    continue;
  }
  articles.push(parsed.value);
  const url = `/articles/${slug}`;
  const rendered = server.render(url, { article: { slug, loaded: { article: parsed.value, warnings: parsed.warnings } } });
  write(`articles/${slug}.html`, page({ head: articleHead(parsed.value, ORIGIN, SITE_NAME), body: rendered.html, url, state: rendered.state }));
}

const front = server.render('/', { index: index.value });
write('index.html', page({ head: frontPageHead(index.value, ORIGIN, SITE_NAME), body: front.html, url: '/', state: front.state }));

const notFound = server.render('/404', {});
write('404.html', page({ head: plainHead(`Page not found | ${SITE_NAME}`, SITE_NAME), body: notFound.html, url: '/404' }));

// Prerendering again over the same build may need fewer sitemap parts than last time: none may linger.
for (const name of readdirSync(DIST)) if (/^sitemap-\d+\.xml$/.test(name)) rmSync(join(DIST, name));
for (const file of await siteFiles(articles, { origin: ORIGIN, siteName: SITE_NAME, now: new Date() })) write(file.path, file.text);
