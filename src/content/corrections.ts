import { parsePartialDate } from './dates';
import type { Article, Correction } from './schema';

const instant = (correction: Correction): number => parsePartialDate(correction.date)?.sortKey ?? 0;

/** The story's corrections, oldest first (ties keep the editors' order): the order they were made in. */
export function correctionsInOrder(article: Pick<Article, 'corrections'>): Correction[] {
  return [...(article.corrections ?? [])].sort((a, b) => instant(a) - instant(b));
}

/** The date-time of the latest correction, as written; undefined for a story never corrected. */
export function latestCorrection(article: Pick<Article, 'corrections'>): string | undefined {
  return correctionsInOrder(article).at(-1)?.date;
}
