import { useCallback, useEffect, useState } from 'react';
import type { LoadedArticle } from '../../content/queries';
import type { StoryDiff } from '../../content/storyDiff';
import type { Place } from './storyUpdate';

/** The code that compares versions and shows what changed: fetched only once a newer version arrives. */
export type UpdateTools = typeof import('./storyUpdate');

export interface AppliedUpdate {
  readonly diff: StoryDiff;
  /** Where the reader was, to be found again once the new version is on screen; consumed then. */
  readonly place: Place | null;
  /** The reader closed "What changed" (the marks in the text stay). */
  readonly closed: boolean;
}

interface Held {
  /** The last version the query gave. */
  readonly data: LoadedArticle | undefined;
  /** The version on screen: the reader's text never changes under them. */
  readonly shown: LoadedArticle | undefined;
  /** A newer version, held aside until compared with the one on screen. */
  readonly arrived: LoadedArticle | undefined;
  /** A newer version that reads differently: the reader is told, and chooses when to see it. */
  readonly update: { readonly data: LoadedArticle; readonly diff: StoryDiff } | undefined;
  readonly applied: AppliedUpdate | undefined;
}

function receive(held: Held, data: LoadedArticle | undefined): Held {
  const { shown } = held;
  if (!data) return { ...held, data };
  // Nothing on screen yet; or the same story (the query's structural sharing keeps its object when
  // nothing in it changed); or a copy saved for offline reading, which the reader was promised
  // would be replaced as soon as the network is back: shown at once.
  if (!shown || data.article === shown.article || shown.savedAt) return { ...held, data, shown: data, arrived: undefined };
  // A saved copy served while the network is down is older than the story on screen, never an update.
  if (data.savedAt) return { ...held, data };
  return { ...held, data, arrived: data };
}

/**
 * The story a page keeps on screen while newer versions of it arrive: each is held aside, compared
 * (by the lazily loaded diff code), and shown only when the reader asks for it.
 */
export function useStoryUpdates(data: LoadedArticle | undefined) {
  const [held, setHeld] = useState<Held>(() => receive({ data: undefined, shown: undefined, arrived: undefined, update: undefined, applied: undefined }, data));
  const [tools, setTools] = useState<UpdateTools>();
  // Adjusted while rendering, not in an effect: the version on screen never shows a frame late.
  if (data !== held.data) setHeld(receive(held, data));

  const { arrived, shown } = held;
  useEffect(() => {
    // A failed load leaves the story as it is; the next version to arrive tries again.
    if (arrived && !tools) import('./storyUpdate').then(setTools, () => undefined);
  }, [arrived, tools]);
  // Compared while rendering, once both versions and the code are at hand: a version that reads
  // the same (only what the reader never sees differs) replaces the one on screen silently.
  if (arrived && tools && shown) {
    const diff = tools.diffStories(shown.article, arrived.article);
    setHeld(
      tools.countChanges(diff) === 0
        ? { ...held, shown: arrived, arrived: undefined }
        : { ...held, arrived: undefined, update: { data: arrived, diff } },
    );
  }

  const showUpdate = useCallback(
    (place: Place | null) => {
      setHeld((current) =>
        current.update ? { ...current, shown: current.update.data, update: undefined, applied: { diff: current.update.diff, place, closed: false } } : current,
      );
    },
    [],
  );
  const placeRestored = useCallback(() => setHeld((current) => (current.applied ? { ...current, applied: { ...current.applied, place: null } } : current)), []);
  const closeChanges = useCallback(() => setHeld((current) => (current.applied ? { ...current, applied: { ...current.applied, closed: true } } : current)), []);

  return { shown, update: held.update, applied: held.applied, tools, showUpdate, placeRestored, closeChanges };
}
