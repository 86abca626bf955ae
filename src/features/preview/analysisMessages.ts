import type { DraftAnalysis } from './analyzeDraft';

/** What the page asks the analysis worker: check this text, numbered so stale answers are dropped. */
export interface AnalysisRequest {
  readonly revision: number;
  readonly text: string;
}

export interface AnalysisResponse {
  readonly revision: number;
  readonly analysis: DraftAnalysis;
}
