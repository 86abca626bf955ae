import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/content/schema';
import { TravelPreviews } from '../../../src/features/preview/TravelPreviews';
import { cutText } from '../../../src/features/preview/travelCuts';
import type { SocialCardState } from '../../../src/features/preview/useSocialCard';
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
  const retry = vi.fn();
  const drawing: SocialCardState = { card: null, current: false, drawing: true, error: null, retry };
  const drawn = (headlineSize: number): SocialCardState => ({
    card: { url: 'blob:http://localhost/card', headline: story.headline, headlineSize },
    current: true,
    drawing: false,
    error: null,
    retry,
  });

  it('shows the teaser whole, and the social card and search result cut where they would be', () => {
    render(<TravelPreviews article={story} card={drawn(76)} />);
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
    // The cut part is still there to read, and said to be cut.
    expect(social.textContent).toContain('(cut from here:');
  });

  it('says the card is being drawn, without an image, until it is', () => {
    render(<TravelPreviews article={story} card={drawing} />);
    const social = screen.getByRole('region', { name: 'Social card' });
    expect(within(social).getByRole('status')).toHaveTextContent('Drawing the card as the build will…');
    expect(within(social).queryByRole('img')).toBeNull();
    expect(TRAVEL_LIMITS.socialDescription).toBeLessThan(232);
  });

  it('shows the drawn card named by its headline, and the size the headline was drawn at', () => {
    render(<TravelPreviews article={story} card={drawn(76)} />);
    const social = screen.getByRole('region', { name: 'Social card' });
    const image = within(social).getByRole('img', { name: story.headline });
    expect(image).toHaveAttribute('src', 'blob:http://localhost/card');
    expect(image).toHaveAttribute('width', '1200');
    expect(image).toHaveAttribute('height', '630');
    expect(within(social).getByRole('status')).toHaveTextContent('The card the build will make, 1200 × 630: the headline drawn at 76 px.');
  });

  it('says when the headline was drawn below a readable size', () => {
    render(<TravelPreviews article={story} card={drawn(31)} />);
    expect(within(screen.getByRole('region', { name: 'Social card' })).getByRole('status')).toHaveTextContent(
      'the headline drawn at 31 px, below a readable 34 px.',
    );
  });

  it('keeps the last card, marked out of date, while the draft cannot be parsed', () => {
    render(<TravelPreviews article={story} card={drawn(76)} outOfDate />);
    const social = screen.getByRole('region', { name: 'Social card' });
    expect(within(social).getByRole('img', { name: story.headline })).toBeInTheDocument();
    expect(within(social).getByRole('status')).toHaveTextContent(/^Out of date: the draft cannot be parsed/);
  });

  it('says why a card could not be drawn, and draws it again when asked', () => {
    render(<TravelPreviews article={story} card={{ ...drawing, drawing: false, error: 'the network is down' }} />);
    const social = screen.getByRole('region', { name: 'Social card' });
    expect(within(social).getByRole('status')).toHaveTextContent('The card could not be drawn: the network is down.');
    fireEvent.click(within(social).getByRole('button', { name: 'Draw the card again' }));
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
