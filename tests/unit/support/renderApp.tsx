import { QueryClient } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { onTestFinished } from 'vitest';
import { App } from '../../../src/app/App';
import { createQueryClient } from '../../../src/app/queryClient';

/** The app's own query client and retry policy, with retries a millisecond apart so failures show at once. */
export function testQueryClient(overrides: { staleTime?: number } = {}): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retryDelay: 1, ...overrides },
  });
  onTestFinished(() => client.clear());
  return client;
}

export interface RenderAppOptions {
  readonly client?: QueryClient;
  readonly onCaughtError?: RenderOptions['onCaughtError'];
}

/** The whole app, opened at `path` as if the reader had typed it into the address bar. */
export function renderApp(path: string, { client = testQueryClient(), onCaughtError }: RenderAppOptions = {}) {
  window.history.pushState(null, '', path);
  const user = userEvent.setup({ delay: null });
  const view = render(<App client={client} />, onCaughtError ? { onCaughtError } : {});
  return { ...view, client, user };
}
