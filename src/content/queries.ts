import { queryOptions } from '@tanstack/react-query';
import { articleUrl, contentFileUrl, indexUrl } from './contentBase';
import { ContentError, fetchContent } from './fetchContent';
import type { ContentIssue, ParseFailure } from './parse';
import type { Article, ArticleIndex } from './schema';

export interface LoadedArticle {
  readonly article: Article;
  /** What the parser left out; the reader ignores these, the preview lists them. */
  readonly warnings: readonly ContentIssue[];
  /** Set when the network was down and this is the copy saved for offline reading (an ISO date-time). */
  readonly savedAt?: string;
}

function invalid(what: string, failure: ParseFailure): ContentError {
  return new ContentError('invalid', `${what} ${failure.errors[0]?.message ?? 'it is not valid'}.`, { failure });
}

/**
 * The parser (valibot, the lenient walk, the syntax locator) is fetched the first time content is:
 * a prerendered page arrives with its content already parsed at build time, and never needs it
 * until the reader moves on. Fetched alongside the content, so it costs no extra round trip then.
 */
async function loadParser(): Promise<typeof import('./parse')> {
  try {
    return await import('./parse');
  } catch {
    // The app's own file could not be fetched: to the reader that is the network failing, and retried as such.
    throw new ContentError('network', 'The newsroom could not be reached.');
  }
}

/** `recheck`: a copy is already held, and this asks whether the server has a newer one (see fetchContent). */
export async function loadArticle(slug: string, signal?: AbortSignal, recheck = false): Promise<LoadedArticle> {
  const request = fetchContent(articleUrl(slug), signal, recheck ? 'no-cache' : 'default');
  const [{ text, savedAt }, { parseArticleText }] = await Promise.all([request, loadParser()]);
  const result = parseArticleText(text, { slug });
  if (!result.ok) throw invalid('This story can’t be shown:', result);
  return savedAt ? { article: result.value, warnings: result.warnings, savedAt } : { article: result.value, warnings: result.warnings };
}

async function loadStoryList(url: string, signal?: AbortSignal): Promise<ArticleIndex> {
  const [{ text }, { parseIndex, parseJsonText }] = await Promise.all([fetchContent(url, signal), loadParser()]);
  const json = parseJsonText(text);
  const result = json.ok ? parseIndex(json.value) : json;
  if (!result.ok) throw invalid('The list of stories can’t be shown:', result);
  return result.value;
}

export async function loadIndex(signal?: AbortSignal): Promise<ArticleIndex> {
  return loadStoryList(indexUrl(), signal);
}

/** A page of the archive: `path` is its file under the content base, as `listFile()` names it. */
export async function loadList(path: string, signal?: AbortSignal): Promise<ArticleIndex> {
  return loadStoryList(contentFileUrl(path), signal);
}

export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', slug] as const,
    queryFn: ({ signal, client, queryKey }) => loadArticle(slug, signal, client.getQueryData(queryKey) !== undefined),
  });

export const indexQuery = () =>
  queryOptions({
    queryKey: ['index'] as const,
    queryFn: ({ signal }) => loadIndex(signal),
  });

/** The archive's pages (the front page's own file keeps `indexQuery`): `path` as `listFile()` names it. */
export const listQuery = (path: string) =>
  queryOptions({
    queryKey: ['list', path] as const,
    queryFn: ({ signal }) => loadList(path, signal),
  });

/**
 * Retry what may recover by itself (network, server, timeout), a few times with backoff; not
 * while the device says it is offline: the reader is told at once, and the page refreshes itself
 * when the connection returns.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  return error instanceof ContentError && error.retryable && !offline && failureCount < 3;
}
