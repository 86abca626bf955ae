/// <reference lib="webworker" />
/**
 * Parses and checks drafts off the main thread, so that typing in a 1 MB draft never waits for it.
 */
import { analyzeDraft } from './analyzeDraft';
import type { AnalysisRequest, AnalysisResponse } from './analysisMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const { revision, text } = event.data;
  const response: AnalysisResponse = { revision, analysis: analyzeDraft(text) };
  scope.postMessage(response);
});
