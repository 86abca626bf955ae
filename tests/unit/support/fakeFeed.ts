/**
 * A stand-in for the static server that hosts the app and its feed: `fetch` is stubbed to serve
 * the real files under public/ (so `/content/...` is public/content/...), then the fixture files
 * (`/content/articles/x.json` is tests/fixtures/articles/x.json), and to answer anything else as
 * a single-page app's server does: status 200, text/html, the body of index.html.
 * Tests can make any path answer a fixture, an HTTP error, a network failure, a transfer cut
 * short or nothing at all.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { vi } from 'vitest';
import { ROOT } from './paths';

export type Reply =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network-error' }
  | { readonly kind: 'cut-short'; readonly path: string }
  | { readonly kind: 'hang' };

export const reply = {
  /** A file in tests/fixtures, e.g. `index/several-stories.json`. */
  fixture: (file: string): Reply => ({ kind: 'file', path: join(ROOT, 'tests', 'fixtures', file) }),
  /** An HTTP error page with this status. */
  status: (status: number): Reply => ({ kind: 'status', status }),
  /** A failed request, as when the network is down: `fetch` rejects. */
  networkError: (): Reply => ({ kind: 'network-error' }),
  /**
   * Status 200 and the headers for the whole of a file in tests/fixtures, then the connection
   * drops half way through the body: `fetch` resolves and reading the text fails, as in browsers.
   */
  cutShort: (file: string): Reply => ({ kind: 'cut-short', path: join(ROOT, 'tests', 'fixtures', file) }),
  /** No answer at all: the request ends only when its signal aborts (a timeout, or the caller gives up). */
  hang: (): Reply => ({ kind: 'hang' }),
};

export interface FakeFeed {
  /** Each path (with its query) requested so far, in order. */
  readonly requests: readonly string[];
  /** Answers this path (e.g. `/content/articles/index.json`) with `reply` from now on. */
  on(path: string, reply: Reply): void;
  /** Answers this path as the static server would again (its real file, or the fallback). */
  off(path: string): void;
  /** Every request fails as a network failure until `online()`. */
  offline(): void;
  online(): void;
  /** Requests time out after `ms` rather than the reader's real limit, so timeouts are quick to test. */
  shortenTimeouts(ms?: number): void;
}

const PUBLIC_DIR = join(ROOT, 'public');
const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
const CONTENT_PREFIX = '/content/';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** `relative` inside `dir`, or undefined when it is not a file there (or tries to climb out). */
function fileIn(dir: string, relative: string): string | undefined {
  const path = normalize(join(dir, relative));
  return path.startsWith(dir + sep) && isFile(path) ? path : undefined;
}

function fileResponse(path: string): Response {
  const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
  return new Response(readFileSync(path), { status: 200, headers: { 'content-type': type } });
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  404: 'Not Found',
  410: 'Gone',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function statusResponse(status: number): Response {
  const text = STATUS_TEXT[status] ?? 'Error';
  return new Response(`<!doctype html><title>${status} ${text}</title><h1>${status} ${text}</h1>`, {
    status,
    statusText: text,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
}

function cutShortResponse(path: string): Response {
  const whole = readFileSync(path);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(whole.subarray(0, whole.byteLength / 2));
      controller.error(new TypeError('network error'));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json', 'content-length': String(whole.byteLength) } });
}

/** What a static host with a single-page fallback sends for a path it has no file for. */
function spaFallback(): Response {
  return fileResponse(join(ROOT, 'index.html'));
}

function serveStatic(pathname: string): Response {
  const decoded = decodeURIComponent(pathname);
  const publicFile = fileIn(PUBLIC_DIR, decoded);
  if (publicFile) return fileResponse(publicFile);
  if (decoded.startsWith(CONTENT_PREFIX)) {
    const fixture = fileIn(FIXTURES_DIR, decoded.slice(CONTENT_PREFIX.length));
    if (fixture) return fileResponse(fixture);
  }
  return spaFallback();
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function waitForAbort(signal: AbortSignal | null | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}

function requestedUrl(input: RequestInfo | URL): URL {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return new URL(href, 'http://localhost');
}

/** Stubs the global `fetch` for this test (the setup file restores it afterwards). */
export function serveFeed(): FakeFeed {
  const requests: string[] = [];
  const replies = new Map<string, Reply>();
  let isOffline = false;

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = requestedUrl(input);
    requests.push(url.pathname + url.search);
    const signal = init?.signal;
    if (signal?.aborted) throw abortReason(signal);
    if (isOffline) throw new TypeError('Failed to fetch');
    const answer = replies.get(url.pathname);
    switch (answer?.kind) {
      case undefined:
        return serveStatic(url.pathname);
      case 'file':
        return fileResponse(answer.path);
      case 'status':
        return statusResponse(answer.status);
      case 'network-error':
        throw new TypeError('Failed to fetch');
      case 'cut-short':
        return cutShortResponse(answer.path);
      case 'hang':
        return waitForAbort(signal);
    }
  };
  vi.stubGlobal('fetch', vi.fn(fakeFetch));

  return {
    requests,
    on(path, answer) {
      replies.set(path, answer);
    },
    off(path) {
      replies.delete(path);
    },
    offline() {
      isOffline = true;
    },
    online() {
      isOffline = false;
    },
    shortenTimeouts(ms = 20) {
      const realTimeout = AbortSignal.timeout.bind(AbortSignal);
      vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => realTimeout(ms));
    },
  };
}
