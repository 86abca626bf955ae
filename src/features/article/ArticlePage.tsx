import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect } from 'react';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ContentError } from '../../content/fetchContent';
import { articleQuery } from '../../content/queries';
import { LoadError } from '../../ui/LoadError';
import { ArticleSkeleton } from './ArticleSkeleton';
import { ArticleView } from './ArticleView';
import { StaleNotice } from './StaleNotice';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function ArticlePage() {
  const { slug = '' } = useParams();
  if (!SLUG.test(slug)) return <NotFoundPage what="story" />;
  // One instance per story: moving to another story never shows the last one while it loads.
  return <LoadedArticle key={slug} slug={slug} />;
}

function LoadedArticle({ slug }: { readonly slug: string }) {
  const { data, error, isPending, isFetching, refetch } = useQuery(articleQuery(slug));
  const retry = () => void refetch();
  const savedAt = data?.savedAt;

  // A saved copy is replaced by the fresh story as soon as the network is back.
  useEffect(() => {
    if (!savedAt) return;
    const refresh = () => void refetch();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [savedAt, refetch]);

  // A story that arrives while the page is open is laid out in the background, in slices that
  // yield to the browser between them, so that even one of several megabytes never freezes the
  // page (the skeleton, or the version already shown, stays until it is ready). A story already in
  // the cache (prerendered, or prefetched from the front page) shows at once.
  const shown = useDeferredValue(data);

  if (isPending || (data && !shown)) return <ArticleSkeleton />;
  if (shown) {
    return (
      <>
        {error || shown.savedAt ? <StaleNotice onRetry={retry} retrying={isFetching} savedAt={shown.savedAt} /> : null}
        <ArticleView article={shown.article} />
      </>
    );
  }
  if (error instanceof ContentError && error.kind === 'not-found') return <NotFoundPage what="story" />;
  return <LoadError error={error} what="this story" onRetry={retry} retrying={isFetching} />;
}
