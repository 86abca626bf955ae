/**
 * Dates as the pages show them. This file runs in UTC, Los Angeles and Tehran (see the projects in
 * vite.config.ts) and expects the same text in each: a date without a time is never shifted by the
 * reader's time zone, and a date-time is shown at the offset it was written with. (The order of
 * events in each zone is proven on the timeline model, in the same three zones.)
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, serveFeed } from '../support/fakeFeed';
import { renderApp } from '../support/renderApp';
import { datelineOf, openStory, timelineEvent } from '../support/storyPage';

describe('on the story page', () => {
  it('shows the day of publication as written: 20 March 2025', async () => {
    await openStory();
    expect(datelineOf('Washington')).toHaveTextContent(/^Washington · 20 March 2025$/);
  });

  it('shows a published date-time and a later update at the offsets they were written with', async () => {
    await openStory('/articles/story-published-with-offset');
    expect(datelineOf('Washington')).toHaveTextContent(
      /^Washington · 20 March 2025, 23:30 GMT-4 · Updated 21 March 2025, 09:15 GMT\+3:30$/,
    );
  });

  it('shows a year-and-month event as the month', async () => {
    await openStory();
    expect(timelineEvent("Iran begins to breach the deal's limits").querySelector('time')).toHaveTextContent(/^July 2019$/);
  });

});

describe('on the front page', () => {
  it('shows each story’s date as written', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/index.json', reply.fixture('index/several-stories.json'));
    renderApp('/');
    const link = await screen.findByRole('link', { name: 'Late-night statement from Washington' });
    const teaser = link.closest('article');
    expect(teaser && within(teaser).getByText(/2025/)).toHaveTextContent(/^20 March 2025, 23:30 GMT-4$/);
  });
});
