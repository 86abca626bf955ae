// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/content/schema';
import { linkFirstMentions, type Segment } from '../../../../src/features/article/mentions';
import { fixtureStory, realStory } from '../../support/fixtures';

type Link = Exclude<Segment, string>;

function segmentsOf(article: Article): Segment[][] {
  return linkFirstMentions(article.body, article.people ?? []);
}

function linksOf(article: Article): Link[] {
  return segmentsOf(article).flat().filter((segment): segment is Link => typeof segment !== 'string');
}

/** Each block's segments as one string, links shown as [text→id]. */
function marked(article: Article): string[] {
  return segmentsOf(article).map((segments) =>
    segments.map((segment) => (typeof segment === 'string' ? segment : `[${segment.text}→${segment.personId}]`)).join(''),
  );
}

describe('linking the first mention of each person in the real story', () => {
  it('links each person once, at their first mention, in reading order', () => {
    expect(linksOf(realStory())).toEqual([
      { text: 'Donald Trump', personId: 'donald-trump' },
      { text: 'Ron Dermer', personId: 'ron-dermer' },
      { text: 'Tzachi Hanegbi', personId: 'tzachi-hanegbi' },
      { text: 'Ayatollah Ali Khamenei', personId: 'ali-khamenei' },
      { text: 'Abbas Araqchi', personId: 'abbas-araqchi' },
    ]);
  });

  it('prefers the longest name at a mention ("Ayatollah Ali Khamenei", not "Khamenei")', () => {
    expect(marked(realStory())[4]).toMatch(/^Trump said he sent the letter to \[Ayatollah Ali Khamenei→ali-khamenei\], Iran's/);
  });

  it('leaves later mentions as text', () => {
    expect(marked(realStory())[2]).toContain('will meet with senior Trump advisers');
  });

  it('loses no text: every block reads as it was written', () => {
    const article = realStory();
    expect(segmentsOf(article).map((segments) => segments.map((s) => (typeof s === 'string' ? s : s.text)).join(''))).toEqual(
      article.body.map((block) => block.text),
    );
  });

  it('links nothing when the story names no people', () => {
    const article = realStory();
    expect(linkFirstMentions(article.body, []).flat().every((segment) => typeof segment === 'string')).toBe(true);
  });
});

describe('linking mentions in the edge-case story', () => {
  const article = fixtureStory('articles/story-mention-edge-cases.json');

  it('leaves headings unlinked', () => {
    expect(marked(article)[0]).toBe('Trump and Khamenei trade words');
  });

  it('matches whole words only: "Trumpism" is not Trump', () => {
    expect(marked(article)[1]).toBe('Supporters of Trumpism cheered as [Trump→donald-trump] spoke; Trump repeated the threat.');
  });

  it('links in quotes too, preferring the longest name', () => {
    expect(marked(article)[2]).toBe(
      'We will not be bullied, [Ayatollah Ali Khamenei→ali-khamenei] said, and Khamenei meant it.',
    );
  });

  it('links a name followed by a possessive, but not a name run into letters or digits', () => {
    expect(marked(article)[3]).toBe(
      '[Araqchi→abbas-araqchi]’s reply came a day later; Dermer2025 is a handle, not a name, and Hanegbiya is a village.',
    );
  });
});
