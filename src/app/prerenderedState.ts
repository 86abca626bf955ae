import type { DehydratedState, QueryClient } from '@tanstack/react-query';

/**
 * The contract between the prerendered HTML and the client: the query cache the page was
 * rendered from, embedded as inert JSON (never as script), and the URL it was rendered for.
 */
export const STATE_ELEMENT_ID = 'query-state';
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
/**
 * Set on the root once the app has hydrated (or rendered) the page and its controls answer. A
 * prerendered page is readable before then; scripts and tests that click can wait for it.
 */
export const INTERACTIVE_ATTRIBUTE = 'data-interactive';

/** JSON that is safe inside `<script type="application/json">`: nothing can close the element. */
export function serializeForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Puts the prerendered page's queries in the client's cache, each as fresh as the state says. Not
 * with TanStack's `hydrate`, which also restores mutations, streamed promises and failed queries,
 * none of which a prerendered page carries: 0.7 KB gzip of every story's JavaScript before it is
 * interactive.
 */
export function seedQueryCache(client: QueryClient, state: DehydratedState): void {
  for (const { queryKey, state: query } of state.queries) {
    if (query.status === 'success') client.setQueryData(queryKey, query.data, { updatedAt: query.dataUpdatedAt });
  }
}
