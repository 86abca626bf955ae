import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { formatTime, isLater } from '../../content/dates';
import { ContentError } from '../../content/fetchContent';
import { articleQuery } from '../../content/queries';
import { LoadError } from '../../ui/LoadError';
import { ArticleSkeleton } from './ArticleSkeleton';
import { ArticleView } from './ArticleView';
import { StaleNotice } from './StaleNotice';
import { ShowUpdateButton, UpdateNotice } from './UpdateNotice';
import { UPDATE_CHECK_MS } from './updateChecks';
import { useStoryUpdates } from './useStoryUpdates';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isOnline = (): boolean => navigator.onLine;
function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function ArticlePage() {
  const { slug = '' } = useParams();
  if (!SLUG.test(slug)) return <NotFoundPage what="story" />;
  // One instance per story: moving to another story never shows the last one while it loads.
  return <LoadedArticle key={slug} slug={slug} />;
}

function LoadedArticle({ slug }: { readonly slug: string }) {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const { data, error, isPending, isFetching, isStale, dataUpdatedAt, refetch } = useQuery({
    ...articleQuery(slug),
    // Checks for a newer version: when the reader comes back to the tab (if the copy is over a
    // minute old), and every few minutes while the page is visible; never hidden, never offline.
    refetchOnWindowFocus: isOnline,
    refetchInterval: online ? UPDATE_CHECK_MS : false,
    refetchIntervalInBackground: false,
  });
  const retry = () => void refetch();
  const { shown: current, update, applied, tools, showUpdate, placeRestored, closeChanges } = useStoryUpdates(data);
  const savedAt = current?.savedAt;

  // A failed check, while the story is open, changes nothing: the reader is told only when the
  // story they came back to could not be brought up to date (it was stale when they arrived, and
  // nothing has been heard from the newsroom since).
  const [openedAt] = useState(() => (isStale ? Date.now() : 0));
  const checkFailed = error !== null && (openedAt === 0 || dataUpdatedAt >= openedAt);

  // A saved copy is replaced by the fresh story as soon as the network is back.
  useEffect(() => {
    if (!savedAt) return;
    const refresh = () => void refetch();
    window.addEventListener('online', refresh);
    return () => window.removeEventListener('online', refresh);
  }, [savedAt, refetch]);

  // The tab says so too, for a reader in another tab.
  useEffect(() => {
    if (!update) return;
    document.title = `(Updated) ${document.title}`;
    return () => {
      document.title = document.title.replace(/^\(Updated\) /, '');
    };
  }, [update]);

  // A story that arrives while the page is open is laid out in the background, in slices that
  // yield to the browser between them, so that even one of several megabytes never freezes the
  // page (the skeleton, or the version already shown, stays until it is ready). A story already in
  // the cache (prerendered, or prefetched from the front page) shows at once.
  const shown = useDeferredValue(current);

  // Once the update is on screen (before it is painted), the reader's paragraph goes back to where
  // it was, and focus to "What changed". Measuring is right here: it is the reader's own scroll.
  const summary = useRef<HTMLElement>(null);
  const before = useRef(shown);
  useLayoutEffect(() => {
    const previous = before.current;
    before.current = shown;
    if (!applied?.place || !tools || !previous || !shown || previous === shown) return;
    const main = document.getElementById('main');
    if (main) tools.restorePlace(main, applied.place, applied.diff, { before: previous.article.body.length, after: shown.article.body.length });
    summary.current?.focus({ preventScroll: true });
    placeRestored();
  }, [shown, applied, tools, placeRestored]);

  const decorate = useMemo(() => (applied && tools ? tools.blockMarks(applied.diff) : undefined), [applied, tools]);

  if (isPending || (data && !shown)) return <ArticleSkeleton />;
  if (shown) {
    const updated = update?.data.article.updated;
    const message = !update
      ? ''
      : updated && isLater(updated, shown.article.updated ?? shown.article.published) && formatTime(updated)
        ? `This story was updated at ${formatTime(updated)}.`
        : 'This story has been updated.';
    const onShow = () => {
      const main = document.getElementById('main');
      showUpdate(main && tools ? tools.placeOf(main) : null);
    };
    return (
      <>
        {checkFailed || shown.savedAt ? <StaleNotice onRetry={retry} retrying={isFetching} savedAt={shown.savedAt} /> : null}
        <ArticleView article={shown.article} decorate={decorate} />
        <UpdateNotice message={message}>
          {update ? (
            <ShowUpdateButton onClick={onShow} />
          ) : applied && !applied.closed && tools ? (
            <tools.WhatChanged diff={applied.diff} updated={shown.article.updated} summaryRef={summary} onClose={closeChanges} />
          ) : undefined}
        </UpdateNotice>
      </>
    );
  }
  if (error instanceof ContentError && error.kind === 'not-found') return <NotFoundPage what="story" />;
  return <LoadError error={error} what="this story" onRetry={retry} retrying={isFetching} />;
}
