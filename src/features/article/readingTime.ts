import type { Block } from '../../content/schema';

/** A comfortable pace for news prose on a screen. */
export const WORDS_PER_MINUTE = 230;

export interface ReadingTime {
  readonly words: number;
  readonly minutes: number;
}

/** A word is a run of non-spaces with at least one letter or digit: "U.S.-Iran" is one, a lone "–" none. */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/u)) if (/[\p{L}\p{N}]/u.test(token)) words += 1;
  return words;
}

/** Words in the body (headings, paragraphs, quotes and their attributions) and the minutes to read them, never under one. */
export function readingTime(body: readonly Block[]): ReadingTime {
  let words = 0;
  for (const block of body) {
    words += countWords(block.text);
    if (block.type === 'quote' && block.attribution) words += countWords(block.attribution);
  }
  return { words, minutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)) };
}

/**
 * "12,345", as en-GB writes a whole number. Not `Intl.NumberFormat`: the first one a page makes
 * loads the locale's data (12 to 41 ms in a fresh page here), and made as this module was
 * evaluated it was most of the app's first task (58 to 72 ms of it at 4x CPU slowdown, profiled).
 */
export const groupThousands = (value: number): string => String(value).replace(/\B(?=(\d{3})+$)/g, ',');

/** "4 min read" and "712 words", for the line beside the dateline. */
export function formatReadingTime({ words, minutes }: ReadingTime): { readonly time: string; readonly count: string } {
  return { time: `${minutes} min read`, count: `${groupThousands(words)} ${words === 1 ? 'word' : 'words'}` };
}
