import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../content/queries';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Stories change rarely once published; a minute keeps navigation instant.
        staleTime: 60_000,
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
        refetchOnWindowFocus: false,
        // Always ask: offline, the service worker may still answer with a saved copy.
        networkMode: 'always',
        // …which would otherwise turn this off; a page that failed offline mends itself when the network is back.
        refetchOnReconnect: true,
      },
    },
  });
}
