import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';

const inBrowserEnvironment = typeof window !== 'undefined';

if (inBrowserEnvironment) {
  // A busy machine can take more than Testing Library's default second to render a whole story.
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5000 });

  // The lazily loaded pages (the lists), loaded once before any test as the built site loads the
  // one at its address before hydrating: a test times the page, not the first import of its module.
  beforeAll(async () => {
    const { preloadAllPages } = await import('../../src/app/AppRoutes');
    await preloadAllPages();
  });

  // jsdom has no layout, so it only logs "not implemented" for scrolling: the shell scrolls to the
  // top after each client-side navigation.
  beforeEach(() => {
    vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  });
}

afterEach(async () => {
  if (inBrowserEnvironment) {
    // Imported here, not at the top, so that node-environment test files need no DOM.
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    document.title = '';
    document.head.querySelector('meta[name="description"]')?.remove();
    window.history.replaceState(null, '', '/');
  }
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
