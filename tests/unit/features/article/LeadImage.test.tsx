/** The story's lead picture, from the contract's `image` (tests/fixtures/articles/story-with-image.json). */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseArticleText } from '../../../../src/content/parse';
import { fixtureText } from '../../support/fixtures';
import { REAL_HEADLINE, openStory } from '../../support/storyPage';

const ALT = 'A drawn horizon: a dark band of land under an orange evening sky';

async function openStoryWithImage(name = 'story-with-image') {
  const app = await openStory(`/articles/${name}`);
  const image = screen.getByRole('img', { name: ALT });
  const figure = image.closest('figure');
  if (!figure) throw new Error('the lead picture is not in a figure');
  return { ...app, figure, image };
}

describe('a story’s lead picture', () => {
  it('is a figure captioned with its caption and its credit', async () => {
    const { figure } = await openStoryWithImage();
    const caption = figure.querySelector('figcaption');
    expect(caption).toHaveTextContent('The evening sky over the test fixtures, drawn for the reader’s tests. Illustration: Dispatch');
    expect(within(figure).getByText('Illustration: Dispatch')).toBeInTheDocument();
  });

  it('reserves its box with its width and height, and is fetched first, never lazily', async () => {
    const { image } = await openStoryWithImage();
    expect(image).toHaveAttribute('src', '/content/images/test-lead.svg');
    expect(image).toHaveAttribute('width', '1200');
    expect(image).toHaveAttribute('height', '675');
    expect(image).toHaveAttribute('fetchpriority', 'high');
    expect(image).not.toHaveAttribute('loading');
  });

  it('offers its renditions and itself as a srcset, with the sizes the body is laid out at', async () => {
    const { image } = await openStoryWithImage();
    expect(image).toHaveAttribute('srcset', '/content/images/test-lead-640.svg 640w, /content/images/test-lead.svg 1200w');
    expect(image.getAttribute('sizes')).toMatch(/38rem/);
  });

  it('opens the body, before the first paragraph in the page’s order', async () => {
    const { figure } = await openStoryWithImage();
    const next = figure.nextElementSibling;
    expect(next?.tagName).toBe('P');
    expect(figure.closest('article')).toHaveAccessibleName(REAL_HEADLINE);
  });

  it('leaves out renditions that break the rules and keeps the good ones', async () => {
    const { image } = await openStoryWithImage('bad-image-renditions');
    expect(image).toHaveAttribute('srcset', '/content/images/test-lead-640.svg 640w, /content/images/test-lead.svg 1200w');
  });

  it('is not there when the story has none (the real story: no picture is made up)', async () => {
    await openStory();
    expect(screen.getByRole('article').querySelector('img')).toBeNull();
  });
});

describe('bad renditions in the contract', () => {
  it('are each left out with a warning at their path', () => {
    const result = parseArticleText(fixtureText('articles/bad-image-renditions.json'));
    if (!result.ok) throw new Error('the story does not parse');
    expect(result.warnings.map((warning) => warning.path)).toEqual([
      '$.image.renditions[1].src',
      '$.image.renditions[2].width',
      '$.image.renditions[3].src',
    ]);
    expect(result.value.image?.renditions?.map((rendition) => rendition.width)).toEqual([640, 1200]);
  });

  it('leave the story with a picture and no warning when they are all good', () => {
    const result = parseArticleText(fixtureText('articles/story-with-image.json'));
    expect(result.ok && result.warnings).toEqual([]);
  });
});
