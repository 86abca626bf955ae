/**
 * A bad optional item is left out and the rest of the story shows (the contract's bad-input
 * table); nothing in a story ever runs as code.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keyPeople, openStory, timeline, timelineEntries, timelineEvent } from '../../support/storyPage';

const HEADLINE = 'US, Israel To Hold High-Level Talks On Iran At White House Next Week';
const open = (slug: string, headline: string | RegExp = HEADLINE) => openStory(`/articles/${slug}`, { headline });

const cardNames = () =>
  within(keyPeople())
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

describe('a story with a bad optional item', () => {
  it('shows the other key people when one has no name', async () => {
    await open('bad-person-no-name');
    expect(cardNames()).toEqual(['Donald Trump', 'Abbas Araqchi', 'Ron Dermer', 'Tzachi Hanegbi']);
  });

  it('still shows the paragraph naming the person left out', async () => {
    await open('bad-person-no-name');
    expect(screen.getByText(/^Trump said he sent the letter to Ayatollah Ali Khamenei, /)).toBeInTheDocument();
  });

  it('links nowhere for the person left out', async () => {
    await open('bad-person-no-name');
    expect(screen.queryByRole('link', { name: /Khamenei/ })).not.toBeInTheDocument();
  });

  it('leaves an event with an impossible date out of the timeline', async () => {
    await open('bad-event-impossible-date');
    expect(timelineEntries()).toHaveLength(14);
    expect(within(timeline()).queryByRole('heading', { name: /Iran begins to breach/ })).not.toBeInTheDocument();
  });

  it('leaves out a block of an unknown type and shows every other paragraph', async () => {
    await open('bad-block-unknown-type');
    expect(screen.queryByText(/Video: the White House briefing/)).not.toBeInTheDocument();
    expect(screen.getByText(/Iran's Foreign Minister/)).toBeInTheDocument();
  });

  it('uses no picture with a javascript: URL', async () => {
    await open('bad-image-javascript-url');
    expect(document.querySelector('[src^="javascript:" i], [href^="javascript:" i]')).toBeNull();
  });

  it('shows a person whose picture has a data: URL, without the picture', async () => {
    await open('bad-image-data-url');
    expect(cardNames()).toContain('Donald Trump');
    expect(document.querySelector('img[src^="data:" i]')).toBeNull();
  });

  it('shows each person once when two share an id', async () => {
    await open('bad-person-duplicate-id');
    expect(cardNames()).toEqual(['Donald Trump', 'Ali Khamenei', 'Abbas Araqchi', 'Ron Dermer', 'Tzachi Hanegbi']);
  });

  it('shows an event that names an unknown person with the people it does know', async () => {
    await open('bad-event-unknown-person');
    const people = within(timelineEvent('U.S.-Israel talks on Iran at the White House')).getAllByRole('link');
    expect(people.map((link) => link.textContent)).toEqual(['Ron Dermer', 'Tzachi Hanegbi', 'Donald Trump']);
  });

  it('ignores unknown fields', async () => {
    await open('unknown-fields');
    expect(screen.queryByText('Exclusive')).not.toBeInTheDocument();
    expect(screen.queryByText(/@realDonaldTrump/)).not.toBeInTheDocument();
  });
});

describe('markup in a story’s text', () => {
  it('shows tags in the headline as the characters they are', async () => {
    await open('story-markup-in-text', 'Talks on <b>Iran</b> & Israel');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Talks on <b>Iran</b> & Israel');
  });

  it('shows tags in a paragraph as text', async () => {
    await open('story-markup-in-text', 'Talks on <b>Iran</b> & Israel');
    expect(screen.getByText(/<script>window\.hacked = true<\/script>/)).toBeInTheDocument();
  });

  it('makes no element from them, and runs nothing', async () => {
    await open('story-markup-in-text', 'Talks on <b>Iran</b> & Israel');
    const article = screen.getByRole('article');
    expect([article.querySelector('b, script, img[src="x"]'), Reflect.get(window, 'hacked')]).toEqual([null, undefined]);
  });
});
