import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, serveFeed } from '../support/fakeFeed';
import { renderApp } from '../support/renderApp';

describe('an address with no page', () => {
  it('says the page is not found', async () => {
    serveFeed();
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Page not found');
  });

  it('offers the way back to the front page', async () => {
    serveFeed();
    renderApp('/no/such/page');
    expect(await screen.findByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
  });
});

describe('a story that does not exist', () => {
  it('says "Story not found" when the server answers with its single-page fallback (HTML, status 200)', async () => {
    serveFeed();
    renderApp('/articles/no-such-story');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story not found' })).toBeInTheDocument();
  });

  it('does not call the fallback page invalid content', async () => {
    serveFeed();
    renderApp('/articles/no-such-story');
    await screen.findByRole('heading', { level: 1, name: 'Story not found' });
    expect(screen.queryByText(/can’t be shown/)).not.toBeInTheDocument();
  });

  it('says "Story not found" when the server answers 404', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/taken-down.json', reply.status(404));
    renderApp('/articles/taken-down');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story not found' })).toBeInTheDocument();
  });

  it('asks only once for a story the server says is not there', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/taken-down.json', reply.status(404));
    renderApp('/articles/taken-down');
    await screen.findByRole('heading', { level: 1, name: 'Story not found' });
    expect(feed.requests).toEqual(['/content/articles/taken-down.json']);
  });

  it('says "Story not found" for an address that cannot be a story, without asking the server', async () => {
    const feed = serveFeed();
    renderApp('/articles/Not_A_Slug');
    expect(await screen.findByRole('heading', { level: 1, name: 'Story not found' })).toBeInTheDocument();
    expect(feed.requests).toEqual([]);
  });

  it('titles the page "Story not found"', async () => {
    serveFeed();
    renderApp('/articles/no-such-story');
    await screen.findByRole('heading', { level: 1, name: 'Story not found' });
    await waitFor(() => expect(document.title).toBe('Story not found | Dispatch'));
  });
});
