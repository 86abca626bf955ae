/** The story's timeline, rendered from the real content file through the whole app, and narrowing it to one person. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  REAL_HEADLINE,
  REAL_STORY_PATH,
  REAL_TIMELINE_ORDER,
  keyPeople,
  openStory,
  timeline,
  timelineEntries,
  timelineEvent,
  titlesOf,
} from '../../support/storyPage';

/**
 * A key person's "N events" link, which narrows the timeline to them. Its name is "Show Ron
 * Dermer’s 1 event in the timeline" in browsers; jsdom's name computation drops the spaces at
 * the edges of the visually hidden spans, hence the \s*.
 */
function personFilterLink(name: string): HTMLElement {
  return within(keyPeople()).getByRole('link', { name: new RegExp(`^Show ${name}’s\\s*\\d+ events?\\s*in the timeline$`) });
}

/** The reader's clock (Date alone: the app's timers and Testing Library's stay real). */
function readerClockAt(iso: string): void {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the timeline', () => {
  it('lists the events in date order with "This story" where the story falls', async () => {
    await openStory();
    expect(timelineEntries()).toEqual(titlesOf(REAL_TIMELINE_ORDER));
  });

  it('puts events written out of order into date order', async () => {
    await openStory('/articles/story-timeline-unordered');
    const sameMonth = new Set(titlesOf(['trump-letter-to-khamenei', 'khamenei-rejects-bullying']));
    expect(timelineEntries().filter((title) => !sameMonth.has(title))).toEqual(titlesOf(REAL_TIMELINE_ORDER).filter((title) => !sameMonth.has(title)));
  });

  it('marks the story’s own place as the current one', async () => {
    await openStory();
    expect(within(timeline()).getByText('This story').closest('li')).toHaveAttribute('aria-current', 'true');
  });

  it('marks the upcoming event, and only that one', async () => {
    readerClockAt('2025-03-21T12:00:00Z');
    await openStory();
    const upcoming = within(timeline()).getAllByText('Upcoming').map((badge) => badge.closest('li'));
    expect(upcoming).toEqual([timelineEvent('U.S.-Israel talks on Iran at the White House')]);
  });

  it('marks an upcoming event even when the editors gave it no status', async () => {
    readerClockAt('2025-03-21T12:00:00Z');
    await openStory('/articles/story-timeline-unordered');
    expect(within(timelineEvent('U.S.-Israel talks on Iran at the White House')).getByText('Upcoming')).toBeInTheDocument();
  });

  it('says the event was expected, as of the story’s date, once its week is behind the reader', async () => {
    // The talks are dated 2025-W13 (24–30 March): on 31 March the week is over everywhere.
    readerClockAt('2025-03-31T12:00:00Z');
    await openStory();
    const talks = timelineEvent('U.S.-Israel talks on Iran at the White House');
    expect(within(talks).getByText('Expected, as of 20 March 2025')).toBeInTheDocument();
    expect(within(talks).queryByText('Upcoming')).not.toBeInTheDocument();
  });

  it('still says upcoming on the last day of the event’s week', async () => {
    readerClockAt('2025-03-30T12:00:00Z');
    await openStory();
    expect(within(timelineEvent('U.S.-Israel talks on Iran at the White House')).getByText('Upcoming')).toBeInTheDocument();
  });

  it('shows a vague date in the editors’ words', async () => {
    await openStory();
    expect(timelineEvent('U.S.-Israel talks on Iran at the White House').querySelector('time')).toHaveTextContent(/^Early next week$/);
  });

  it('shows a range of days', async () => {
    await openStory();
    const range = within(timelineEvent('The United States re-imposes sanctions on Iran')).getByText('7 August 2018').parentElement;
    expect(range).toHaveTextContent(/^7 August 2018 – 5 November 2018$/);
  });

  it('names the people in each event, linked to their cards', async () => {
    await openStory();
    const links = within(timelineEvent('U.S.-Israel talks on Iran at the White House')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Ron Dermer', '#person-ron-dermer'],
      ['Tzachi Hanegbi', '#person-tzachi-hanegbi'],
      ['Donald Trump', '#person-donald-trump'],
    ]);
  });
});

describe('narrowing the timeline to one person', () => {
  it('shows only that person’s events after following their link', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ron Dermer'));
    expect(timelineEntries()).toEqual(titlesOf(['This story', 'white-house-talks']));
  });

  it('puts the person in the address', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ron Dermer'));
    expect(window.location.search).toBe('?person=ron-dermer');
  });

  it('says how many events are shown, and whose', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ali Khamenei'));
    // Each person's status line for the first paint is on the page too, hidden (personFilter.ts).
    const shown = within(timeline()).getByText('Showing 2 of 14 events, those with Ali Khamenei.', { ignore: '[hidden] *, script, style' });
    expect(shown).toHaveAttribute('role', 'status');
  });

  it('takes the reader to the timeline it has just narrowed', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ron Dermer'));
    expect(within(timeline()).getByRole('heading', { level: 2 })).toHaveFocus();
  });

  it('shows every event again with "Show all events", and clears the address', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ron Dermer'));
    await user.click(within(timeline()).getByRole('link', { name: 'Show all events' }));
    expect([timelineEntries().length, window.location.search]).toEqual([15, '']);
  });

  it('follows Back and Forward through the people chosen', async () => {
    const { user } = await openStory();
    await user.click(personFilterLink('Ron Dermer'));
    await user.click(personFilterLink('Ali Khamenei'));
    const khamenei = timelineEntries();
    window.history.back();
    await waitFor(() => expect(window.location.search).toBe('?person=ron-dermer'));
    await waitFor(() => expect(timelineEntries()).toEqual(titlesOf(['This story', 'white-house-talks'])));
    window.history.back();
    await waitFor(() => expect(timelineEntries()).toHaveLength(15));
    window.history.forward();
    await waitFor(() => expect(timelineEntries()).toEqual(titlesOf(['This story', 'white-house-talks'])));
    window.history.forward();
    await waitFor(() => expect(timelineEntries()).toEqual(khamenei));
  });

  // Each change of person is a history entry of its own, which the router counts on from and
  // comes back to after a trip elsewhere in the site.
  it('keeps the person chosen through a trip elsewhere in the site and Back', async () => {
    const { user } = await openStory();
    const start = (window.history.state as { idx: number }).idx;
    await user.click(personFilterLink('Ron Dermer'));
    expect(window.history.state).toMatchObject({ usr: null, idx: start + 1 });
    await user.click(within(screen.getByRole('navigation', { name: 'Topics' })).getByRole('link', { name: 'Iran' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Iran' })).toBeInTheDocument();
    expect([window.location.pathname, (window.history.state as { idx: number }).idx]).toEqual(['/tag/iran', start + 2]);
    window.history.back();
    await screen.findByRole('heading', { level: 1, name: REAL_HEADLINE });
    await waitFor(() => expect(timelineEntries()).toEqual(titlesOf(['This story', 'white-house-talks'])));
    expect(window.location.search).toBe('?person=ron-dermer');
    window.history.back();
    await waitFor(() => expect(timelineEntries()).toHaveLength(15));
  });

  it('opens narrowed when the address names a person', async () => {
    await openStory(`${REAL_STORY_PATH}?person=ron-dermer`);
    expect(timelineEntries()).toEqual(titlesOf(['This story', 'white-house-talks']));
  });

  it('shows every event when the address names nobody in the story', async () => {
    await openStory(`${REAL_STORY_PATH}?person=nobody`);
    expect(timelineEntries()).toHaveLength(15);
  });
});
