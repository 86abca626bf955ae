/** From a story into the archive: its section's pages from the kicker, its topics' pages from its tags. */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REAL_HEADLINE, REAL_STORY, openStory } from '../../support/storyPage';

const topics = () => screen.getByRole('navigation', { name: 'Topics' });

describe('a story’s way into the archive', () => {
  it('links its section’s name to the section’s pages', async () => {
    await openStory();
    const header = screen.getByRole('heading', { level: 1, name: REAL_HEADLINE }).closest('header');
    if (!header) throw new Error('the headline is not in a header');
    expect(within(header).getByRole('link', { name: 'World' })).toHaveAttribute('href', '/section/world');
  });

  it('lists its tags as topics, each linking to the topic’s pages by its key', async () => {
    await openStory();
    const links = within(topics()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Iran', '/tag/iran'],
      ['Israel', '/tag/israel'],
      ['United States', '/tag/united-states'],
      ['Nuclear programme', '/tag/nuclear-programme'],
      ['Diplomacy', '/tag/diplomacy'],
    ]);
    expect(REAL_STORY.tags).toHaveLength(5);
  });

  it('shows the topics as text, never as markup', async () => {
    await openStory('/articles/story-markup-in-text', { headline: 'Talks on <b>Iran</b> & Israel' });
    const tag = '<i>Israel</i> & <b>Iran</b>';
    expect(within(topics()).getByRole('link', { name: tag })).toHaveAttribute('href', '/tag/i-israel-i-b-iran-b');
    expect(topics().querySelector('i, b')).toBeNull();
  });

  it('opens the topic’s page from its link', async () => {
    const { user } = await openStory();
    await user.click(within(topics()).getByRole('link', { name: 'Iran' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Iran' })).toBeInTheDocument();
    expect(screen.getByText('Topic')).toBeInTheDocument();
  });

  it('starts loading the section’s page when the reader points at its name', async () => {
    const { feed, user } = await openStory();
    await user.hover(screen.getByRole('link', { name: 'World' }));
    expect(feed.requests).toContain('/content/lists/section/world/latest.json');
  });
});
