import type { ParseFailure } from './parse';

export type ContentErrorKind = 'not-found' | 'invalid' | 'network' | 'server' | 'timeout';

/** How long one request may take before the reader is told and offered a retry. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Every way a fetch of content can fail, as the pages need to tell them apart. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly kind: ContentErrorKind;
  readonly status: number | undefined;
  readonly failure: ParseFailure | undefined;

  constructor(kind: ContentErrorKind, message: string, options: { status?: number; failure?: ParseFailure } = {}) {
    super(message);
    this.kind = kind;
    this.status = options.status;
    this.failure = options.failure;
  }

  /** Worth trying again by itself: the network or the server may recover; a 404 or bad content will not. */
  get retryable(): boolean {
    return this.kind === 'network' || this.kind === 'server' || this.kind === 'timeout';
  }
}

function linkSignals(signal: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/**
 * Fetches a content file as text. A static server's single-page fallback answers a missing
 * `.json` file with the app's own `index.html` and status 200; that HTML content type means
 * "no such file", whereas a real `.json` file that holds HTML is served as JSON and is invalid.
 */
export async function fetchContentText(url: string, signal?: AbortSignal): Promise<string> {
  return (await fetchContent(url, signal)).text;
}

/** The header the service worker puts on a saved copy it serves while the network is down. */
export const SAVED_AT_HEADER = 'x-dispatch-saved-at';

export interface FetchedContent {
  readonly text: string;
  /** When the copy was saved, if it came from the offline store rather than the network. */
  readonly savedAt: string | undefined;
}

/**
 * `cache`: the HTTP cache's part. A first read may take a fresh copy from it; a check for a newer
 * version of a file already on screen passes `'no-cache'`, so the browser asks the server with the
 * copy's ETag / Last-Modified and an unchanged file costs a 304 with no body.
 */
export async function fetchContent(url: string, signal?: AbortSignal, cache: RequestCache = 'default'): Promise<FetchedContent> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const combined = linkSignals(signal, timeout);
  const fail = (error: unknown): never => {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new ContentError('timeout', 'The newsroom took too long to answer.');
    throw new ContentError('network', 'The newsroom could not be reached.');
  };
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, cache, headers: { Accept: 'application/json' } });
  } catch (error) {
    return fail(error);
  }
  if (response.status === 404 || response.status === 410) {
    throw new ContentError('not-found', 'There is no such story.', { status: response.status });
  }
  if (!response.ok) {
    throw new ContentError('server', `The newsroom answered with an error (${response.status}).`, {
      status: response.status,
    });
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new ContentError('not-found', 'There is no such story.', { status: response.status });
  }
  try {
    return { text: await response.text(), savedAt: response.headers.get(SAVED_AT_HEADER) ?? undefined };
  } catch (error) {
    return fail(error);
  }
}
