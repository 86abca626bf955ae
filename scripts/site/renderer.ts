/**
 * Turns stories and list pages into the HTML the site serves: the app's server render inside the
 * built template (stylesheets inlined, the query cache embedded for hydration, the app started
 * after the first paint), with each page's head. Shared by the build (every page) and
 * `npm run publish` (the pages one story touches), so the two cannot write different pages.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Article } from '../../src/content/schema';
import type { ContentIssue } from '../../src/content/parse';
import { bootScriptTag } from '../bootScript';
import { articleHead, listPageHead, plainHead, type CardMeta } from '../prerender/head';
import type { ListPageFile } from './archive';

type ServerEntry = typeof import('../../src/entry-server');

export interface SiteRenderer {
  readonly siteName: string;
  readonly origin: string;
  /** The story's page; its head points at the story's social card when it has one (scripts/site/cards.ts). */
  story(article: Article, warnings: readonly ContentIssue[], card?: CardMeta): string;
  list(file: ListPageFile): string;
  notFound(): string;
  shell(): string;
  /** The server entry's parser: the same code the reader runs. */
  readonly parser: Pick<ServerEntry, 'parseArticleText' | 'parseIndex' | 'parseJsonText'>;
}

interface PageParts {
  readonly head: string;
  readonly body: string;
  readonly url?: string;
  readonly state?: unknown;
}

const APP_MODULE = /\n? *<script type="module" crossorigin src="([^"]+)"><\/script>/;

/** The built template with its stylesheets inlined: the first paint needs no second request. */
function loadTemplate(dist: string): string {
  // Kept aside on the first run, so that prerendering again over the same build starts from
  // Vite's page, not from the front page written last time.
  const pristine = join(dist, '.vite', 'prerender-template.html');
  if (!existsSync(pristine)) {
    mkdirSync(dirname(pristine), { recursive: true });
    copyFileSync(join(dist, 'index.html'), pristine);
  }
  let template = readFileSync(pristine, 'utf8');
  for (const [tag, href] of template.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g)) {
    if (href === undefined) continue;
    const css = readFileSync(join(dist, href), 'utf8').trim();
    template = template.replace(tag, `<style>${css}</style>`);
  }
  return template.replace(/\s*<title>[^<]*<\/title>/, '').replace(/\s*<meta name="description"[^>]*>/, '');
}

/**
 * A prerendered page is whole without its script, which only makes it interactive: instead of
 * requesting the bundle while the page is still being read in, the boot script (src/boot.js, inline
 * in the head, run before the first paint for the theme) requests it once the page has been painted, so it never
 * competes with the page's own text for the first paint.
 */
function startAfterFirstPaint(html: string): string {
  const module = APP_MODULE.exec(html);
  if (!module) throw new Error('prerender: the template has no app module script to start after the first paint');
  const boot = bootScriptTag();
  if (!html.includes(boot)) throw new Error('prerender: the template has no boot script to start the app from');
  return html.replace(module[0], '').replace(boot, bootScriptTag(` data-app="${module[1] ?? ''}"`));
}

export async function createRenderer({
  dist,
  serverEntry,
  origin,
  twitterSite,
}: {
  dist: string;
  serverEntry: string;
  origin: string;
  /** The site's account on X (TWITTER_SITE), named in every page's twitter:site. */
  twitterSite?: string | undefined;
}): Promise<SiteRenderer> {
  const server = (await import(pathToFileURL(serverEntry).href)) as ServerEntry;
  await server.preloadAllPages();
  const siteName = server.SITE_NAME;
  const template = loadTemplate(dist);
  const started = startAfterFirstPaint(template);
  const headOptions = twitterSite ? { twitterSite } : {};

  const page = ({ head, body, url, state }: PageParts): string => {
    const root = url === undefined ? '<div id="root">' : `<div id="root" ${server.PRERENDERED_ATTRIBUTE}="${url}">`;
    const stateTag =
      state === undefined ? '' : `<script type="application/json" id="${server.STATE_ELEMENT_ID}">${server.serializeForScript(state)}</script>`;
    // Replacer functions: a `$` in a story's text must not be read as a replacement pattern.
    return (url === undefined ? template : started)
      .replace('</head>', () => `    ${head}\n  </head>`)
      .replace('<div id="root"></div>', () => `${root}${body}</div>${stateTag}`);
  };

  return {
    siteName,
    origin,
    parser: server,
    story(article, warnings, card) {
      const url = `/articles/${article.slug}`;
      const rendered = server.render(url, { article: { slug: article.slug, loaded: { article, warnings } } });
      // A shared filter link narrows the timeline from the first paint (src/features/article/personFilter.ts).
      const head = articleHead(article, origin, siteName, { ...headOptions, ...(card ? { card } : {}) }) + server.firstPaintFilterStyle(article);
      return page({ head, body: rendered.html, url, state: rendered.state });
    },
    list(file) {
      const data = file.route === '/' ? { index: file.data } : { list: { path: file.contentPath, data: file.data } };
      const rendered = server.render(file.route, data);
      return page({ head: listPageHead(file, origin, siteName, headOptions), body: rendered.html, url: file.route, state: rendered.state });
    },
    notFound() {
      const rendered = server.render('/404', {});
      return page({ head: plainHead(`Page not found | ${siteName}`, siteName), body: rendered.html, url: '/404' });
    },
    shell() {
      // No page's markup, so hydration never meets another page.
      return page({
        head: plainHead(siteName, siteName),
        body: `<noscript><p style="padding:1rem">This page needs JavaScript. <a href="/">Go to the front page</a>.</p></noscript>`,
      });
    },
  };
}
