/**
 * The query of the page's address, which holds the person filter (?person=…), read from the window
 * rather than from React Router's location. A change of person is a change of query on the same
 * page, and the app makes it itself (`pushQuery`): through the router, every change of address
 * redraws everything under its location (the whole page; at 2,000 events React then walks every
 * one of them for location readers), which took most of a change's time. Back and Forward still go
 * through the router, which reads the address as well, and through `popstate` here.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const current = (): string => window.location.search;

/** The address's query on the client; `rendered` (the router's, as the server saw it) until hydrated. */
export function useAddressQuery(rendered: string): string {
  return useSyncExternalStore(subscribe, current, () => rendered);
}

/** React Router's entry in the history (its own `push` writes this shape; its index counts entries). */
interface RouterHistoryState {
  readonly idx?: number;
}

/** A new history entry for this page with `query` ('' for none), as the router's own `push` would add it. */
export function pushQuery(query: string): void {
  const index = (window.history.state as RouterHistoryState | null)?.idx ?? 0;
  const key = Math.random().toString(36).slice(2, 10);
  window.history.pushState({ usr: null, key, idx: index + 1 }, '', window.location.pathname + query);
  for (const listener of listeners) listener();
}
