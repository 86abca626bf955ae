/** Finding the reader's paragraph again after an update: where a block of the old version now stands. */
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../../../src/content/schema';
import { diffStories } from '../../../../src/content/storyDiff';
import { followBlock } from '../../../../src/features/article/storyUpdate';
import { realStory } from '../../support/fixtures';

const paragraph = (text: string): Block => ({ type: 'paragraph', text });
const withBody = (body: readonly Block[]): Article => ({ ...realStory(), body: [...body] });

const before = withBody(['One fish swims.', 'Two birds fly high.', 'Three dogs bark loudly.', 'Four cats sleep all day.'].map(paragraph));

function follow(after: Article, index: number): number | undefined {
  return followBlock(diffStories(before, after), index, before.body.length, after.body.length);
}

describe('followBlock()', () => {
  it('moves a kept block down by the blocks added above it', () => {
    const after = withBody([paragraph('A new first paragraph, quite different.'), ...before.body]);
    expect(follow(after, 2)).toBe(3);
  });

  it('follows an edited block to its new wording', () => {
    const after = withBody(before.body.map((block, index) => (index === 2 ? paragraph('Three dogs bark very loudly.') : block)));
    expect(follow(after, 2)).toBe(2);
  });

  it('gives a removed block’s place to the next one kept', () => {
    const after = withBody(before.body.filter((_, index) => index !== 1));
    expect(follow(after, 1)).toBe(1);
    expect(follow(after, 3)).toBe(2);
  });
});
