/**
 * How the built site is served, as data: which file answers which address and with what status,
 * how long each kind of answer may be cached, and the security headers every answer carries.
 *
 * Two servers follow it and nothing else: deploy/nginx.conf is generated from it
 * (scripts/nginxConfig.ts) and the Node server behind `npm start` reads it (scripts/serve.ts), so
 * the two cannot answer the same request differently. tests/browser/nginx.spec.ts checks both
 * against one table.
 *
 * The routes are written in nginx's terms, because nginx is the stricter of the two: exact
 * addresses first, then `^~` prefixes (the longest wins, and no pattern is tried after one), then
 * patterns in the order given, then the catch-all. serve.ts matches in that same order.
 */
import { contentSecurityPolicyHeader } from './contentSecurityPolicy';

/** The kinds of answer, each with its own cache lifetime. Why these numbers: README, "Deploying". */
export type CacheKind = 'immutable' | 'news' | 'notFound' | 'revalidate' | 'preview' | 'static';

/** Ten days: long enough to ride out a weekend's outage, as the Guardian does. */
const STALE_IF_ERROR = 10 * 24 * 60 * 60;

export const CACHE_CONTROL: Readonly<Record<CacheKind, string>> = {
  // Built files carry a hash of their content in their name: a new build gives new names.
  immutable: 'public, max-age=31536000, immutable',
  // Pages and the stories they show change when editors publish or correct: a minute (the Guardian's
  // figure for articles), served stale for another minute while refreshed in the background, and for
  // ten days when the site is down.
  news: `public, max-age=60, stale-while-revalidate=60, stale-if-error=${STALE_IF_ERROR}`,
  // A story asked for a moment before it is published must show up moments after (the Guardian: 10 s).
  notFound: 'public, max-age=10',
  // Not hashed, and a stale copy would run old code against new files: always asked again (a 304 is cheap).
  revalidate: 'no-cache',
  // Editors must see the newest preview, and no shared cache needs to hold it.
  preview: 'private, no-cache',
  // Unhashed files that rarely change (the icon, the manifest, robots.txt).
  static: 'public, max-age=3600, stale-while-revalidate=86400',
};

/**
 * The features the site never uses, turned off for it and anything it frames. Not clipboard-write
 * or web-share: the Share buttons use them. Only features Chromium knows: an unknown one is
 * reported in the console of every page.
 */
const UNUSED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
  'browsing-topics',
];

/**
 * Sent with every answer, whatever its status. The policy is the meta tag's (the pages keep it),
 * plus what only a header can say (frame-ancestors). HSTS is not here: it is for the TLS
 * terminator to send, never on plain HTTP (README, "Deploying").
 */
export function securityHeaders(contentBase: string | undefined): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicyHeader(contentBase),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': UNUSED_FEATURES.map((feature) => `${feature}=()`).join(', '),
  };
}

export interface FileType {
  readonly type: string;
  /** Text: sent with `; charset=utf-8`. */
  readonly text: boolean;
  /** Worth gzipping: precompressed at build time (scripts/precompress.ts), gzipped on the fly by nginx otherwise. */
  readonly compress: boolean;
}

/** Content types by extension; anything else is application/octet-stream (with nosniff, never guessed). */
export const FILE_TYPES: Readonly<Record<string, FileType>> = {
  html: { type: 'text/html', text: true, compress: true },
  js: { type: 'application/javascript', text: true, compress: true },
  css: { type: 'text/css', text: true, compress: true },
  json: { type: 'application/json', text: true, compress: true },
  svg: { type: 'image/svg+xml', text: true, compress: true },
  xml: { type: 'application/xml', text: true, compress: true },
  txt: { type: 'text/plain', text: true, compress: true },
  webmanifest: { type: 'application/manifest+json', text: true, compress: true },
  png: { type: 'image/png', text: false, compress: false },
  jpg: { type: 'image/jpeg', text: false, compress: false },
  jpeg: { type: 'image/jpeg', text: false, compress: false },
  webp: { type: 'image/webp', text: false, compress: false },
  avif: { type: 'image/avif', text: false, compress: false },
  ico: { type: 'image/x-icon', text: false, compress: false },
  woff: { type: 'font/woff', text: false, compress: false },
  woff2: { type: 'font/woff2', text: false, compress: false },
  // The preview's card layout engine (satori's yoga): compiled as it streams in only with this type.
  wasm: { type: 'application/wasm', text: false, compress: true },
};
export const DEFAULT_TYPE = 'application/octet-stream';

/** The extensions scripts/precompress.ts writes a `.gz` beside. */
export const COMPRESSED_EXTENSIONS: readonly string[] = Object.entries(FILE_TYPES)
  .filter(([, type]) => type.compress)
  .map(([extension]) => extension);

/** The answer to a missing file: the reader's not-found page, or (for data) a small JSON body, never HTML. */
export type NotFoundAnswer = 'page' | 'json';

export const NOT_FOUND_PAGE = '/404.html';
export const NOT_FOUND_JSON = '{"error":"not found"}';

export type RouteMatch =
  | { readonly exact: readonly string[] }
  /** nginx `^~`: the longest such prefix wins, and no pattern is tried after it. */
  | { readonly prefix: string }
  /** A regular expression (the same in PCRE and JavaScript); `(?<slug>…)` names the story. */
  | { readonly pattern: string }
  /** Whatever nothing else matched. */
  | { readonly any: true };

export interface Route {
  /** Names the route in the generated config and in tests. */
  readonly id: string;
  readonly match: RouteMatch;
  /**
   * Files under the site root, tried in order; the first that exists is sent with 200. `$uri` is
   * the address asked for, `$slug` the pattern's slug. None: not found.
   */
  readonly files: readonly string[];
  /** Answered only when this file exists; otherwise not found. */
  readonly onlyIf?: string;
  /** When this file exists, the answer is 410 Gone (with the not-found answer's body): a story taken down. */
  readonly goneIf?: string;
  readonly cache: CacheKind;
  readonly notFound: NotFoundAnswer;
  /** Never answered when asked for directly: only as the answer to another address. */
  readonly internal?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The story addresses the app routes (src/app/AppRoutes.tsx), with a slug as the contract defines it. */
export const STORY_PATTERN = '^/articles/(?<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$';

/** The archive's list pages (src/app/AppRoutes.tsx): /page/3, /section/world, /tag/iran/page/2. */
export const LIST_PATTERN = '^/(?:page/[1-9][0-9]*|(?:section|tag)/[a-z0-9]+(?:-[a-z0-9]+)*(?:/page/[1-9][0-9]*)?)$';

export interface SiteOptions {
  /** The build's VITE_CONTENT_BASE: where the reader fetches stories from. */
  readonly contentBase: string | undefined;
}

/** True when stories are served from this site's own content/ folder (the default). */
export function contentIsLocal(contentBase: string | undefined): boolean {
  return contentBase === undefined || contentBase === '' || contentBase.replace(/\/+$/, '') === '/content';
}

/** A story's social card (scripts/site/cards.ts): `/articles/{slug}.card-{16 hex digits}.png`, named for its content. */
export const CARD_PATTERN = '^/articles/[a-z0-9]+(?:-[a-z0-9]+)*\\.card-[0-9a-f]{16}\\.png$';

/**
 * Where the build puts the preview's web workers (vite.config.ts, `worker`): a folder of their
 * own, so that they can be sent the preview's policy. A worker runs under the policy of its own
 * script's response, not its page's, and the card worker compiles WebAssembly.
 */
export const PREVIEW_WORKERS = '/assets/preview/';

export function siteRoutes({ contentBase }: SiteOptions): readonly Route[] {
  const previewPolicy = { 'Content-Security-Policy': contentSecurityPolicyHeader(contentBase, { page: 'preview' }) };
  return [
    { id: 'front-page', match: { exact: ['/'] }, files: ['/index.html'], cache: 'news', notFound: 'page' },
    // Unhashed, and it decides which code runs: a browser must never keep an old copy unasked.
    { id: 'revalidate', match: { exact: ['/sw.js'] }, files: ['$uri'], cache: 'revalidate', notFound: 'page' },
    {
      id: 'preview',
      match: { exact: ['/preview', '/preview.html'] },
      // The shell with the preview's policy in its meta tag (scripts/prerender.ts): the header and
      // the meta tag are both enforced, so both are the preview's.
      files: ['/preview.html'],
      cache: 'preview',
      notFound: 'page',
      // Drafts are not news: keep the editors' tool out of search results.
      headers: { 'X-Robots-Tag': 'noindex', ...previewPolicy },
    },
    // A pane shows the reader's own page, under the reader's policy.
    { id: 'preview-frame', match: { exact: ['/preview/frame'] }, files: ['/200.html'], cache: 'preview', notFound: 'page', headers: { 'X-Robots-Tag': 'noindex' } },
    // The not-found page is only ever the answer to something else (it is prerendered at /404).
    { id: 'not-found-page', match: { exact: [NOT_FOUND_PAGE] }, files: ['$uri'], cache: 'notFound', notFound: 'page', internal: true },
    { id: 'assets', match: { prefix: '/assets/' }, files: ['$uri'], cache: 'immutable', notFound: 'page' },
    { id: 'preview-workers', match: { prefix: PREVIEW_WORKERS }, files: ['$uri'], cache: 'immutable', notFound: 'page', headers: previewPolicy },
    // The reader fetches data here: a missing story must answer 404 with a body that is not a page.
    { id: 'content', match: { prefix: '/content/' }, files: ['$uri'], cache: 'news', notFound: 'json' },
    // Build bookkeeping (dist/.vite/) and anything else hidden is not part of the site.
    { id: 'hidden', match: { pattern: '/\\.' }, files: [], cache: 'notFound', notFound: 'page' },
    // Named for their content, like the built assets: a changed card is a new address.
    { id: 'cards', match: { pattern: CARD_PATTERN }, files: ['$uri'], cache: 'immutable', notFound: 'page' },
    {
      id: 'story',
      match: { pattern: STORY_PATTERN },
      // A story is a page while its file is published: one added after the build is read by the
      // app shell, and one taken down (its file removed) is gone at once, prerendered or not. With
      // the content elsewhere (VITE_CONTENT_BASE) this server cannot know, and leaves it to the app.
      // `npm run publish -- --unpublish` leaves a tombstone: the story is gone, not merely not found.
      ...(contentIsLocal(contentBase) ? { onlyIf: '/content/articles/$slug.json', goneIf: '/content/articles/$slug.gone' } : {}),
      files: ['/articles/$slug.html', '/200.html'],
      cache: 'news',
      notFound: 'page',
    },
    // The archive's pages (scripts/site/archive.ts): the front page's older pages, each section's
    // and each tag's, all prerendered; a page that does not exist is not found.
    { id: 'lists', match: { pattern: LIST_PATTERN }, files: ['$uri.html'], cache: 'news', notFound: 'page' },
    // The shell (200.html, which the service worker keeps), the front page by its file name, and
    // feeds and sitemaps: they change as stories do.
    { id: 'news-files', match: { pattern: '\\.(?:html|xml)$' }, files: ['$uri'], cache: 'news', notFound: 'page' },
    { id: 'other-files', match: { any: true }, files: ['$uri'], cache: 'static', notFound: 'page' },
  ];
}

/** The route nginx picks for a (decoded) path, in nginx's order; serve.ts answers with it. */
export function routeFor(routes: readonly Route[], path: string): { route: Route; slug: string | undefined } {
  const exact = routes.find((route) => 'exact' in route.match && route.match.exact.includes(path));
  if (exact) return { route: exact, slug: undefined };
  const prefixes = routes
    .filter((route): route is Route & { match: { prefix: string } } => 'prefix' in route.match && path.startsWith(route.match.prefix))
    .sort((a, b) => b.match.prefix.length - a.match.prefix.length);
  if (prefixes[0]) return { route: prefixes[0], slug: undefined };
  for (const route of routes) {
    if (!('pattern' in route.match)) continue;
    const found = new RegExp(route.match.pattern).exec(path);
    if (found) return { route, slug: found.groups?.slug };
  }
  const fallback = routes.find((route) => 'any' in route.match);
  if (!fallback) throw new Error('siteRules: no catch-all route');
  return { route: fallback, slug: undefined };
}

/** A route's file name with `$uri` and `$slug` filled in. */
export function fillPath(template: string, path: string, slug: string | undefined): string {
  return template.replace('$uri', path).replace('$slug', slug ?? '');
}
