import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
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
  return <LoadedArticle slug={slug} />;
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

  if (isPending) return <ArticleSkeleton />;
  if (data) {
    return (
      <>
        {error || savedAt ? <StaleNotice onRetry={retry} retrying={isFetching} savedAt={savedAt} /> : null}
        <ArticleView article={data.article} />
      </>
    );
  }
  if (error instanceof ContentError && error.kind === 'not-found') return <NotFoundPage what="story" />;
  return <LoadError error={error} what="this story" onRetry={retry} retrying={isFetching} />;
}
