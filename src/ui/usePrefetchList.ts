import { QueryClientContext } from '@tanstack/react-query';
import { useContext, useMemo } from 'react';
import { listFile, type ListRef } from '../content/lists';
import { indexQuery, listQuery } from '../content/queries';

/**
 * Starts loading a list's page the moment a reader shows intent (pointer over, focus, touch), as
 * the front page does for stories. Every story's latest page is the front page, read through
 * `indexQuery` (its own cache entry), so a link to it warms that one.
 */
export function usePrefetchList(list: ListRef, page?: number) {
  // Read without requiring a provider: the story's view is also drawn on its own (the preview, tests),
  // where its links still work and there is simply nothing to warm.
  const queryClient = useContext(QueryClientContext);
  const path = list.kind === 'all' && page === undefined ? null : listFile(list, page);
  return useMemo(() => {
    const prefetch = () => {
      if (!queryClient) return;
      void (path === null ? queryClient.prefetchQuery(indexQuery()) : queryClient.prefetchQuery(listQuery(path)));
    };
    return { onPointerEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
  }, [queryClient, path]);
}
