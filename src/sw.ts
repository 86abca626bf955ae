/// <reference lib="webworker" />
/**
 * The service worker: offline reading.
 * - The app's own files are precached (the preview's editor excepted: readers never need it).
 * - A page opened with no network gets the plain app shell, which then reads the story from the
 *   saved copies below and says that it is a saved copy. The editors' preview gets its own shell
 *   (preview.html, under the preview's policy, which lets it draw the draft's social card), kept
 *   the last time it was opened online: readers never download it.
 * - Content JSON is network first; a copy of each story is kept, and served, marked with the
 *   time it was saved, only when the network fails. A story page read once is saved even though
 *   its prerendered HTML carried the story and fetched no JSON.
 */
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import type { WorkboxPlugin } from 'workbox-core';
import { CONTENT_BASE, articleUrl } from './content/contentBase';
import { SAVED_AT_HEADER } from './content/fetchContent';

declare let self: ServiceWorkerGlobalScope;

const SHELL_URL = '/200.html';
const PREVIEW_PATH = '/preview';
const PREVIEW_SHELL_URL = '/preview.html';
const SHELL_CACHE = 'dispatch-shell-v1';
const CONTENT_CACHE = 'dispatch-content-v1';
const NAVIGATION_TIMEOUT_MS = 6000;
/** A saved story is refreshed in the background at most this often while a reader reads it online. */
const REFRESH_AFTER_MS = 10 * 60 * 1000;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add(new Request(SHELL_URL, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** A copy to keep: only real JSON, stamped with when it was saved. */
async function stamped(response: Response): Promise<Response | null> {
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

const savedCopies: WorkboxPlugin = {
  cacheWillUpdate: async ({ response }) => stamped(response),
};

const isContent = (url: URL) =>
  new URL(CONTENT_BASE, self.location.origin).origin === url.origin &&
  url.pathname.startsWith(new URL(`${CONTENT_BASE}/`, self.location.origin).pathname) &&
  url.pathname.endsWith('.json');

registerRoute(
  ({ url }) => isContent(url),
  new NetworkFirst({
    cacheName: CONTENT_CACHE,
    // Longer than this, and the reader is better served by the saved copy.
    networkTimeoutSeconds: 8,
    plugins: [savedCopies, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 60 * 24 * 60 * 60 })],
  }),
);

// Built files have their hash in their name: anything not precached (a chunk loaded on demand)
// is kept once it has been fetched.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/') && request.method === 'GET',
  new CacheFirst({ cacheName: 'dispatch-assets-v1', plugins: [new ExpirationPlugin({ maxEntries: 60 })] }),
);

/** Keeps the story behind a page the reader opened, so that it can be read again offline. */
async function saveStoryOf(pageUrl: URL): Promise<void> {
  const match = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(pageUrl.pathname);
  if (!match?.[1]) return;
  const url = new URL(articleUrl(match[1]), self.location.origin).href;
  const cache = await caches.open(CONTENT_CACHE);
  const saved = await cache.match(url);
  const savedAt = Date.parse(saved?.headers.get(SAVED_AT_HEADER) ?? '');
  if (Number.isFinite(savedAt) && Date.now() - savedAt < REFRESH_AFTER_MS) return;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const copy = await stamped(response);
  if (copy) await cache.put(url, copy);
}

/** Keeps the preview's page as it was last served, policy header and all, for opening it offline. */
async function savePreviewShell(response: Response): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  await cache.put(PREVIEW_SHELL_URL, response);
}

async function openPage(request: Request, event: ExtendableEvent): Promise<Response> {
  const url = new URL(request.url);
  const preview = url.pathname === PREVIEW_PATH;
  try {
    const response = await fetch(request, { signal: AbortSignal.timeout(NAVIGATION_TIMEOUT_MS) });
    if (response.ok && preview) event.waitUntil(savePreviewShell(response.clone()).catch(() => undefined));
    else if (response.ok) event.waitUntil(saveStoryOf(url).catch(() => undefined));
    return response;
  } catch {
    const shell = (preview ? await caches.match(PREVIEW_SHELL_URL, { cacheName: SHELL_CACHE }) : undefined) ?? (await caches.match(SHELL_URL, { cacheName: SHELL_CACHE }));
    return shell ?? Response.error();
  }
}

registerRoute(
  new NavigationRoute(({ request, event }) => openPage(request, event), {
    denylist: [/\.[a-z0-9]+$/i],
  }),
);
