import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/content/schema';
import { TravelPreviews } from '../../../src/features/preview/TravelPreviews';
import { cutText } from '../../../src/features/preview/travelCuts';
import { TRAVEL_LIMITS } from '../../../src/features/preview/warningThresholds';
import { realStory } from '../support/fixtures';

describe('cutText', () => {
  it('keeps what fits and cuts between words', () => {
    expect(cutText('Short and sweet', 60)).toEqual({ kept: 'Short and sweet', cut: '', length: 15, limit: 60 });
    const cut = cutText('The planned meeting follows the letter to Iran', 30);
    expect(cut.kept).toBe('The planned meeting follows');
    expect(cut.cut).toBe(' the letter to Iran');
    expect(cut.kept + cut.cut).toBe('The planned meeting follows the letter to Iran');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(cutText('عباس عراقچی 🙂', 20).length).toBe(13);
  });
});

describe('TravelPreviews', () => {
  const story: Article = realStory();

  it('shows the teaser whole, and the social card and search result cut where they would be', () => {
    render(<TravelPreviews article={story} />);
    const teaser = screen.getByRole('region', { name: 'Front-page teaser' });
    expect(within(teaser).getByText(story.headline)).toBeInTheDocument();

    const search = screen.getByRole('region', { name: 'Search result' });
    const searchCuts = search.querySelectorAll('[data-cut]');
    // "US, Israel To Hold … Next Week | Dispatch" is 79 characters: past 60, so cut; so is the 232-character standfirst.
    expect(searchCuts).toHaveLength(2);
    expect(within(search).getByText(/Title \(with the site’s name\): 79 characters, cut after about 60/)).toBeInTheDocument();
    expect(within(search).getByText(/Snippet: 232 characters, cut after about 160/)).toBeInTheDocument();

    const social = screen.getByRole('region', { name: 'Social card' });
    expect(within(social).getByText(/Title: 68 characters, all shown \(up to 70\)/)).toBeInTheDocument();
    expect(within(social).getByText(/No lead image/)).toBeInTheDocument();
    // The cut part is still there to read, and said to be cut.
    expect(social.textContent).toContain('(cut from here:');
  });

  it('shows the lead image with its alt text on the social card', () => {
    render(
      <TravelPreviews
        article={{ ...story, image: { src: 'https://example.com/white-house.jpg', alt: 'The White House at dusk', width: 1200, height: 630 } }}
      />,
    );
    expect(screen.getByRole('img', { name: 'The White House at dusk' })).toHaveAttribute('src', 'https://example.com/white-house.jpg');
    expect(TRAVEL_LIMITS.socialDescription).toBeLessThan(232);
  });
});
