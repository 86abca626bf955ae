import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../content/schema';
import { SITE_NAME } from '../../ui/site';
import type { CardInput } from '../../ui/socialCard';
import type { CardRequest, CardResponse } from './previewCardProtocol';
import { previewCardInput } from './previewCardInput';

/** A card the worker drew, ready to show. */
export interface PreviewCard {
  /** A blob: URL of the card's SVG (its text is already paths: it needs no fonts to show). */
  readonly url: string;
  /** The alt text, as the story page's og:image:alt: the headline. */
  readonly headline: string;
  readonly headlineSize: number;
  /** Why the draft's lead picture is not in the card, when it could not be loaded. */
  readonly imageNote?: string;
}

export interface SocialCardState {
  /** The last card drawn; kept on screen while the next is drawn, or when it fails. */
  readonly card: PreviewCard | null;
  /** Whether `card` is of the draft as it is now (a warning about it belongs to this draft). */
  readonly current: boolean;
  readonly drawing: boolean;
  /** Why the last card could not be drawn. */
  readonly error: string | null;
  /** Asks for the card again (after a failure). */
  readonly retry: () => void;
}

interface Job {
  readonly key: string;
  readonly input: CardInput;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./previewCard.worker.ts', import.meta.url), { type: 'module', name: 'social-card' });
  } catch {
    return null;
  }
}

type DrawState = Pick<SocialCardState, 'card' | 'drawing' | 'error'> & { readonly key: string | null };

/**
 * The draft's social card, drawn in a worker as the build draws it. Only the card's own words
 * (and picture) decide it, so editing the body draws nothing; while one card is drawn, only the
 * latest of the drafts that arrive meanwhile is drawn next.
 */
export function useSocialCard(article: Article | null): SocialCardState {
  // The card's inputs as text: a new draft whose card would be the same (the body edited) is not drawn again.
  const key = useMemo(() => (article === null ? null : JSON.stringify(previewCardInput(article, SITE_NAME, window.location.origin))), [article]);
  const [state, setState] = useState<DrawState>({ card: null, key: null, drawing: false, error: null });
  const [attempt, setAttempt] = useState(0);
  const worker = useRef<Worker | null>(null);
  /** The card being drawn, and the one to draw after it (only the latest). */
  const busy = useRef<(Job & { readonly id: number }) | null>(null);
  const next = useRef<Job | null>(null);
  const ids = useRef(0);

  const post = useCallback((running: Worker, job: Job) => {
    ids.current += 1;
    busy.current = { ...job, id: ids.current };
    setState((current) => ({ ...current, drawing: true }));
    const request: CardRequest = { id: ids.current, input: job.input };
    running.postMessage(request);
  }, []);

  const draw = useCallback((job: Job) => {
    if (busy.current !== null) {
      next.current = job;
      return;
    }
    const running = worker.current ?? startWorker();
    if (running === null) {
      setState((current) => ({ ...current, error: 'this browser cannot draw the card here (it has no web workers)' }));
      return;
    }
    if (worker.current === null) {
      worker.current = running;
      running.addEventListener('message', (event: MessageEvent<CardResponse>) => {
        const done = busy.current;
        if (done === null || event.data.id !== done.id) return;
        busy.current = null;
        const response = event.data;
        const waiting = next.current;
        next.current = null;
        const drawing = waiting !== null;
        if (response.ok) {
          const { headlineSize, imageNote, svg } = response;
          const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
          const card: PreviewCard = { url, headline: done.input.headline, headlineSize, ...(imageNote !== undefined ? { imageNote } : {}) };
          setState({ card, key: done.key, drawing, error: null });
        } else {
          setState((current) => ({ ...current, drawing, error: response.message }));
        }
        // A failed worker may be left unusable (satori's engine aborts for good): the next card starts another.
        if (!response.ok) {
          running.terminate();
          worker.current = null;
          // The draft changed meanwhile: draw it (the latest) with a new worker.
          if (waiting) setAttempt((count) => count + 1);
        } else if (waiting) post(running, waiting);
      });
      running.addEventListener('error', (event) => {
        // The worker could not start (its script did not load): say so; a retry starts another.
        event.preventDefault();
        running.terminate();
        worker.current = null;
        busy.current = null;
        next.current = null;
        setState((current) => ({ ...current, drawing: false, error: 'the card’s drawing could not start' }));
      });
    }
    post(running, job);
  }, [post]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
      busy.current = null;
      next.current = null;
    },
    [],
  );

  useEffect(() => {
    if (key !== null) draw({ key, input: JSON.parse(key) as CardInput });
  }, [draw, key, attempt]);

  // A card's URL is let go once another has replaced it on screen, or the page has gone.
  const shownUrl = state.card?.url;
  useEffect(
    () => () => {
      if (shownUrl !== undefined) URL.revokeObjectURL(shownUrl);
    },
    [shownUrl],
  );

  return {
    card: state.card,
    current: state.card !== null && state.key === key,
    drawing: state.drawing,
    error: state.error,
    retry: () => setAttempt((count) => count + 1),
  };
}
