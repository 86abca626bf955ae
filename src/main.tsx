import type { DehydratedState } from '@tanstack/react-query';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot, type RootOptions } from 'react-dom/client';
import { App } from './app/App';
import { preloadPage } from './app/AppRoutes';
import { PRERENDERED_ATTRIBUTE, STATE_ELEMENT_ID, seedQueryCache } from './app/prerenderedState';
import { createQueryClient } from './app/queryClient';
import { indexQuery, listQuery } from './content/queries';
import { registerServiceWorker } from './app/registerServiceWorker';
import './styles/global.css';

const options: RootOptions = {
  // A section caught by its own boundary is already explained on the page: a warning, not an error.
  onCaughtError: (error, info) => console.warn('A section of the page could not be shown:', error, info.componentStack),
};

/** The cache the page was prerendered from, as fresh as the HTML that carried it. */
function readPrerenderedState(): DehydratedState | null {
  const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const state = JSON.parse(text) as DehydratedState;
    const now = Date.now();
    // The lists of stories grow without a rebuild (a story published into content/ is listed by
    // index.json and the list files alone): the build's list paints the page, and is asked for
    // again at once. The archive's pages too: a publish rewrites a list's newest chunk and a
    // correction any chunk that holds the story, so one small request is worth its certainty.
    const listKinds = new Set<unknown>([indexQuery().queryKey[0], listQuery('').queryKey[0]]);
    const isList = (key: readonly unknown[]) => listKinds.has(key[0]);
    return {
      ...state,
      queries: state.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: isList(query.queryKey) ? 0 : now } })),
    };
  } catch {
    return null;
  }
}

const container = document.getElementById('root');
if (container) {
  const client = createQueryClient();
  const state = readPrerenderedState();
  if (state) seedQueryCache(client, state);
  const app = (
    <StrictMode>
      <App client={client} />
    </StrictMode>
  );
  // Hydrate only markup made for exactly this address; anything else (the single-page fallback
  // shell, or a page opened with a filter in its query) is rendered afresh from the seeded cache.
  const renderedFor = container.getAttribute(PRERENDERED_ATTRIBUTE);
  if (renderedFor !== null && renderedFor === window.location.pathname + window.location.search) {
    // As a transition, hydration yields to the browser every few milliseconds instead of holding
    // the main thread for the whole page: a reader can scroll and click while it runs.
    // A page whose code is loaded lazily (a list) is fetched first, so that hydration meets the
    // page itself, not a fallback. Should that fail, the page stays as served: readable, with
    // plain links.
    preloadPage(window.location.pathname, container).then(
      () =>
        startTransition(() => {
          hydrateRoot(container, app, options);
        }),
      (error: unknown) => console.warn('The page could not be made interactive:', error),
    );
  } else {
    createRoot(container, options).render(app);
  }
}

registerServiceWorker();
