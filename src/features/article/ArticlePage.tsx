import { onlineManager, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ContentError } from '../../content/fetchContent';
import { articleQuery, type LoadedArticle as Loaded } from '../../content/queries';
import { LoadError } from '../../ui/LoadError';
import { ArticleSkeleton } from './ArticleSkeleton';
import { ArticleView } from './ArticleView';
import { StaleNotice } from './StaleNotice';
import type { AppliedUpdate } from './storyUpdate';
import buttons from '../../ui/Button.module.css';
import { UPDATE_CHECK_MS } from './updateChecks';
import styles from './UpdateDock.module.css';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Comparing versions and showing what changed: fetched only when a newer version arrives. */
type UpdateTools = typeof import('./storyUpdate');

// TanStack's own record of the browser's online and offline events.
const isOnline = (): boolean => onlineManager.isOnline();
const subscribeOnline = (onChange: () => void) => onlineManager.subscribe(onChange);

export function ArticlePage() {
  const { slug = '' } = useParams();
  if (!SLUG.test(slug)) return <NotFoundPage what="story" />;
  // One instance per story: moving to another story never shows the last one while it loads.
  return <LoadedArticle key={slug} slug={slug} />;
}

interface Held {
  /** The last version the query gave. */
  readonly data: Loaded | undefined;
  /** The version on screen. */
  readonly current: Loaded | undefined;
  /** The newsroom has answered since the page opened (or it opened on a fresh copy): from then on, checks are quiet. */
  readonly heard: boolean;
}

/**
 * What a version that arrives does to the one on screen. It replaces it at once when there is none
 * yet, when the one on screen is a copy saved for offline reading (the reader was told it would be
 * replaced as soon as the network is back), or when it is the same story (the query's structural
 * sharing keeps the object when nothing changed), unless it is a saved copy the service worker
 * answered a quiet check with: a failed check changes nothing. Anything else is held aside.
 */
function receive(held: Held, data: Loaded | undefined): Held {
  const { current, heard } = held;
  const replaces =
    data !== undefined && (!current || current.savedAt !== undefined || (data.article === current.article && !(heard && data.savedAt)));
  return { data, current: replaces ? data : current, heard: heard || (data !== undefined && !data.savedAt) };
}

function LoadedArticle({ slug }: { readonly slug: string }) {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true);
  const { data, error, isPending, isFetching, isStale, refetch } = useQuery({
    ...articleQuery(slug),
    // Checks for a newer version: when the reader comes back to the tab (if the copy is over a
    // minute old), and every few minutes while the page is visible; never hidden, never offline.
    refetchOnWindowFocus: isOnline,
    refetchInterval: online ? UPDATE_CHECK_MS : false,
    refetchIntervalInBackground: false,
  });
  const retry = () => void refetch();

  // The version on screen: a newer one is held aside until the reader asks for it. Adjusted while
  // rendering, not in an effect, so that the version on screen is never a frame late.
  const [held, setHeld] = useState<Held>(() => ({ data, current: data, heard: data !== undefined && !isStale && !data.savedAt }));
  if (data !== held.data) setHeld(receive(held, data));
  const { current, heard } = held;
  // A copy saved offline is older than the story on screen: never an update.
  const arrived = data && data !== current && !data.savedAt ? data : undefined;
  const [tools, setTools] = useState<UpdateTools>();
  useEffect(() => {
    // A failed load leaves the story as it is; the next version to arrive tries again.
    if (arrived && !tools) import('./storyUpdate').then(setTools, () => undefined);
  }, [arrived, tools]);
  const diff = useMemo(() => (arrived && current && tools ? tools.compare(current.article, arrived.article) : undefined), [arrived, current, tools]);
  // A version that reads the same (only what a reader never sees differs) replaces the one on screen silently.
  if (arrived && tools && !diff) setHeld({ ...held, current: arrived });
  const waiting = diff && arrived;
  const [applied, setApplied] = useState<AppliedUpdate>();
  const summary = useRef<HTMLElement>(null);

  // The tab says so too, for a reader in another tab.
  useEffect(() => (waiting && tools ? tools.markTitle() : undefined), [waiting, tools]);
  const savedAt = current?.savedAt;

  // A failed check, while the story is open, changes nothing: the reader is told only when the
  // story they came back to could not be brought up to date (it was stale when they arrived, and
  // nothing has been heard from the newsroom since).
  const checkFailed = error !== null && !heard;

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
  const shown = useDeferredValue(current);

  // Once an update the reader asked for is on screen, and before it is painted, their place is
  // put back (see storyUpdate.tsx).
  const settle = useRef<(() => void) | undefined>(undefined);
  useLayoutEffect(() => {
    if (shown !== current) return;
    settle.current?.();
    settle.current = undefined;
  }, [shown, current]);

  if (isPending || (data && !shown)) return <ArticleSkeleton />;
  if (shown && current) {
    return (
      <>
        {checkFailed || shown.savedAt ? <StaleNotice onRetry={retry} retrying={isFetching} savedAt={shown.savedAt} /> : null}
        <ArticleView article={shown.article} decorate={applied?.decorate} />
        <div className={styles.dock}>
          {/* Always in the page, empty until there is news: a live region that exists before its message is announced. */}
          <p role="status" className={styles.message}>
            {waiting && tools ? tools.messageFor(current.article, waiting.article) : null}
          </p>
          {waiting && diff && tools ? (
            <button
              type="button"
              className={buttons.button}
              onClick={() => {
                const { update, afterSwap } = tools.applyUpdate(current.article, waiting.article, diff, summary);
                settle.current = afterSwap;
                setHeld({ ...held, current: waiting });
                setApplied(update);
              }}
            >
              Show the update
            </button>
          ) : applied && !applied.closed && tools ? (
            <tools.WhatChanged update={applied} summaryRef={summary} onClose={() => setApplied({ ...applied, closed: true })} />
          ) : null}
        </div>
      </>
    );
  }
  if (error instanceof ContentError && error.kind === 'not-found') return <NotFoundPage what="story" />;
  return <LoadError error={error} what="this story" onRetry={retry} retrying={isFetching} />;
}
