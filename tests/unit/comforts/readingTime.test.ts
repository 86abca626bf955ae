// @vitest-environment node
/** Reading time and word count, from the body text alone. */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/content/schema';
import { countWords, formatReadingTime, groupThousands, readingTime, WORDS_PER_MINUTE } from '../../../src/features/article/readingTime';
import { realStory } from '../support/fixtures';

const paragraph = (text: string): Block => ({ type: 'paragraph', text });
const words = (count: number): string => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('counting words', () => {
  it('counts runs of letters or digits between spaces', () => {
    expect(countWords('The United States and Israel will hold talks in 2025.')).toBe(10);
  });

  it('counts a hyphenated or dotted word once ("U.S.-Iran")', () => {
    expect(countWords('potential for U.S.-Iran nuclear talks')).toBe(5);
  });

  it('does not count a dash or quotation marks standing alone', () => {
    expect(countWords('Tehran – and “ the threats ”')).toBe(4);
  });

  it('counts words in other scripts', () => {
    expect(countWords('علی خامنه‌ای said')).toBe(3);
  });

  it('finds no words in an empty or blank text', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n\t ')).toBe(0);
  });
});

describe('reading time', () => {
  it('gives the real story 377 words, a two-minute read', () => {
    expect(readingTime(realStory().body)).toEqual({ words: 377, minutes: 2 });
  });

  it('counts headings, quotes and their attributions', () => {
    const body: Block[] = [
      { type: 'heading', text: 'Two words' },
      { type: 'quote', text: 'Three more words', attribution: 'A spokesman' },
      paragraph('And four at last'),
    ];
    expect(readingTime(body).words).toBe(11);
  });

  it(`reads ${WORDS_PER_MINUTE} words in a minute, and any part of a minute as a whole one`, () => {
    expect(readingTime([paragraph(words(WORDS_PER_MINUTE))]).minutes).toBe(1);
    expect(readingTime([paragraph(words(WORDS_PER_MINUTE + 1))]).minutes).toBe(2);
    expect(readingTime([paragraph(words(712))]).minutes).toBe(4);
  });

  it('never says less than a minute', () => {
    expect(readingTime([paragraph('Brief.')])).toEqual({ words: 1, minutes: 1 });
  });
});

describe('the line beside the dateline', () => {
  it('reads "4 min read" and "712 words"', () => {
    expect(formatReadingTime({ words: 712, minutes: 4 })).toEqual({ time: '4 min read', count: '712 words' });
  });

  it('groups thousands and says "word" for one', () => {
    expect(formatReadingTime({ words: 1204, minutes: 6 }).count).toBe('1,204 words');
    expect(formatReadingTime({ words: 1, minutes: 1 }).count).toBe('1 word');
  });

  it('groups a whole number as en-GB does, without Intl on the page', () => {
    const enGB = new Intl.NumberFormat('en-GB');
    for (const value of [0, 7, 999, 1000, 1204, 12_345, 100_000, 999_999, 1_000_000, 1_234_567, 123_456_789, 2_147_483_647]) {
      expect(groupThousands(value)).toBe(enGB.format(value));
    }
  });
});
