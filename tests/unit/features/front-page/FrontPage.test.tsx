import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, serveFeed } from '../../support/fakeFeed';
import { REAL_STORY_SLUG } from '../../support/fixtures';
import { renderApp } from '../../support/renderApp';
import { REAL_HEADLINE } from '../../support/storyPage';

/** The front page, with the story list answered by a fixture in place of the real index. */
async function openFrontPage(index = 'index/several-stories.json') {
  const feed = serveFeed();
  feed.on('/content/articles/index.json', reply.fixture(index));
  const app = renderApp('/');
  const list = await screen.findByRole('list');
  return { ...app, list };
}

function headlinesIn(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
}

describe('the front page', () => {
  it('is headed "Latest stories"', async () => {
    await openFrontPage();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Latest stories');
  });

  it('lists every story in the index, newest first', async () => {
    const { list } = await openFrontPage();
    expect(headlinesIn(list)).toEqual([
      'Late-night statement from Washington', // 2025-03-20T23:30:00-04:00, 21 March in UTC
      REAL_HEADLINE, // 2025-03-20
      'Talks on Iran move to the White House', // 2025-03-19
      'Iran and the nuclear deal: a timeline', // 2024-10-26
    ]);
  });

  it('links each story to its page', async () => {
    const { list } = await openFrontPage();
    expect(within(list).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/articles/story-published-with-offset',
      `/articles/${REAL_STORY_SLUG}`,
      '/articles/bad-event-unknown-person',
      '/articles/story-timeline-unordered',
    ]);
  });

  it('opens a story from its link', async () => {
    const { list, user } = await openFrontPage();
    await user.click(within(list).getByRole('link', { name: REAL_HEADLINE }));
    expect(await screen.findByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });

  it('leaves out an index entry that breaks the rules, and lists the rest', async () => {
    const { list } = await openFrontPage('index/one-bad-entry.json');
    expect(headlinesIn(list)).toEqual([REAL_HEADLINE, 'Iran and the nuclear deal: a timeline']);
  });

  it('lists the stories of the real feed', async () => {
    serveFeed();
    renderApp('/');
    expect(await screen.findByRole('link', { name: REAL_HEADLINE })).toHaveAttribute('href', `/articles/${REAL_STORY_SLUG}`);
  });

  it('is titled with the site’s name', async () => {
    await openFrontPage();
    await waitFor(() => expect(document.title).toBe('Dispatch'));
  });
});
