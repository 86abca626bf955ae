import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { articleQuery } from '../../content/queries';

/**
 * Starts loading a story the moment a reader shows intent (pointer over, focus, touch), so that
 * by the time the click lands its data is usually in the cache and the page opens at once.
 */
export function usePrefetchArticle(slug: string) {
  const queryClient = useQueryClient();
  return useMemo(() => {
    const prefetch = () => {
      void queryClient.prefetchQuery(articleQuery(slug));
    };
    return { onPointerEnter: prefetch, onFocus: prefetch, onTouchStart: prefetch };
  }, [queryClient, slug]);
}
