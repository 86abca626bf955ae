import { useCallback, useEffect, useRef, useState } from 'react';
import { analyzeDraft, type DraftAnalysis } from './analyzeDraft';
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';
import type { ShownDraft } from './PreviewPanes';

interface State {
  readonly analysis: DraftAnalysis | null;
  /** The latest draft that could be shown: it stays on screen while the draft has fatal errors. */
  readonly shown: ShownDraft | null;
  /** The text `analysis` is of, for placing what is found later (what the panes measure) in it. */
  readonly text: string;
}

function next(state: State, analysis: DraftAnalysis, revision: number, text: string): State {
  return { analysis, shown: analysis.ok ? { article: analysis.article, revision } : state.shown, text };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./draftAnalysis.worker.ts', import.meta.url), { type: 'module', name: 'draft-analysis' });
  } catch {
    return null;
  }
}

/**
 * Checks drafts in a worker, so that typing never waits for a check (on the main thread only where
 * there is no worker, as in jsdom, or when it fails to start). Answers to requests older than the
 * latest are dropped: a slow check never overwrites a newer one.
 */
export function useDraftAnalysis(): State & { check: (text: string) => void } {
  const [state, setState] = useState<State>({ analysis: null, shown: null, text: '' });
  const worker = useRef<Worker | null>(null);
  const failed = useRef(false);
  const latest = useRef<AnalysisRequest>({ revision: 0, text: '' });

  const ensureWorker = useCallback((): Worker | null => {
    if (worker.current || failed.current) return worker.current;
    const started = startWorker();
    if (!started) {
      failed.current = true;
      return null;
    }
    started.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      const { revision, analysis } = event.data;
      const { text } = latest.current;
      if (revision === latest.current.revision) setState((state) => next(state, analysis, revision, text));
    });
    started.addEventListener('error', () => {
      // A worker that cannot start (a strict policy, a blocked file) must not stop the checks.
      started.terminate();
      worker.current = null;
      failed.current = true;
      const { revision, text } = latest.current;
      setState((state) => next(state, analyzeDraft(text), revision, text));
    });
    worker.current = started;
    return started;
  }, []);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  const check = useCallback(
    (text: string) => {
      const revision = latest.current.revision + 1;
      latest.current = { revision, text };
      const running = ensureWorker();
      if (running) running.postMessage(latest.current);
      else setState((state) => next(state, analyzeDraft(text), revision, text));
    },
    [ensureWorker],
  );

  return { ...state, check };
}
