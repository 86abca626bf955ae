// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CARD_FONT_URLS } from '../../../src/features/preview/cardFontUrls';
import { previewCardInput } from '../../../src/features/preview/previewCardInput';
import { CARD_FONT_FILES, READABLE_HEADLINE_SIZE, cardTextOf, headlineSizeWarning } from '../../../src/ui/socialCard';
import { realStory } from '../support/fixtures';

const ORIGIN = 'https://news.example';
const story = realStory();
const withImage = (src: string) => ({ ...story, image: { src, alt: 'Lead', width: 1600, height: 900 } });

describe('the preview’s card', () => {
  it('says what the build’s card says', () => {
    expect(previewCardInput(story, 'Dispatch', ORIGIN)).toEqual(cardTextOf(story, 'Dispatch'));
  });

  it('draws in a lead picture on this site that the build would draw in, by its address', () => {
    expect(previewCardInput(withImage('/content/images/lead.svg'), 'Dispatch', ORIGIN).image).toBe(`${ORIGIN}/content/images/lead.svg`);
    expect(previewCardInput(withImage('images/lead.JPG'), 'Dispatch', ORIGIN).image).toBe(`${ORIGIN}/images/lead.JPG`);
  });

  it.each([
    ['an https: picture, which the build never fetches', 'https://news.example/lead.jpg'],
    ['a picture on another site', '//images.example/lead.png'],
    ['a picture satori cannot place', '/content/images/lead.webp'],
  ])('leaves out %s, as the build does', (_what, src) => {
    expect(previewCardInput(withImage(src), 'Dispatch', ORIGIN).image).toBeUndefined();
  });

  it('loads exactly the font files the build draws with', () => {
    expect(Object.keys(CARD_FONT_URLS).sort()).toEqual(CARD_FONT_FILES.map(({ file }) => file).sort());
    for (const url of Object.values(CARD_FONT_URLS)) expect(url).toMatch(/\.woff$/);
  });
});

describe('headlineSizeWarning', () => {
  it('warns at $.headline below the readable size, and not at it', () => {
    expect(headlineSizeWarning(READABLE_HEADLINE_SIZE)).toBeUndefined();
    expect(headlineSizeWarning(76)).toBeUndefined();
    expect(headlineSizeWarning(31)).toEqual({
      path: '$.headline',
      message: 'the social card draws this headline at 31 px to fit it whole, below a readable 34 px: a shorter headline would read better',
    });
  });
});
