/** Every way loading a story can fail, as the reader sees it: a message, a retry, never a blank page. */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, serveFeed } from '../../support/fakeFeed';
import { renderApp, testQueryClient } from '../../support/renderApp';
import { REAL_HEADLINE, REAL_STORY_PATH, openStory } from '../../support/storyPage';
import { REAL_STORY_SLUG } from '../../support/fixtures';

const STORY_FILE = `/content/articles/${REAL_STORY_SLUG}.json`;

/** Opens `path` and waits for the page's heading to say `title`. */
async function openFailing(path: string, title: string) {
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: title });
  return app;
}

describe('content that breaks the contract', () => {
  it.each([
    ['bad-headline-missing', 'This story can’t be shown: headline is missing.'],
    ['bad-dateline-not-text', 'This story can’t be shown: dateline must be text.'],
    ['bad-published-not-a-date', 'This story can’t be shown: published is not a real date.'],
    ['bad-body-only-invalid-blocks', 'This story can’t be shown: body must hold at least one block.'],
    ['not-an-object', 'This story can’t be shown: a story must be a JSON object, not a list.'],
    ['html-page', 'This story can’t be shown: this is an HTML page, not JSON.'],
    ['truncated', /^This story can’t be shown: not valid JSON at line 44, column 30: /],
  ])('%s: says it can’t be shown, and why', async (slug, message) => {
    serveFeed();
    await openFailing(`/articles/${slug}`, 'This can’t be shown');
    expect(screen.getByRole('alert')).toHaveTextContent(message);
  });

  it('names the version it does not know', async () => {
    serveFeed();
    await openFailing('/articles/bad-schema-version-2', 'This can’t be shown');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This story can’t be shown: schema version 2 is not supported; this reader understands schema version 1.',
    );
  });

  it('says the version is missing', async () => {
    serveFeed();
    await openFailing('/articles/bad-schema-version-missing', 'This can’t be shown');
    expect(screen.getByRole('alert')).toHaveTextContent(/schemaVersion is missing/);
  });

  it('offers to try again', async () => {
    serveFeed();
    await openFailing('/articles/bad-headline-missing', 'This can’t be shown');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('does not ask again by itself: bad content will not mend on a retry', async () => {
    const feed = serveFeed();
    await openFailing('/articles/bad-headline-missing', 'This can’t be shown');
    expect(feed.requests).toEqual(['/content/articles/bad-headline-missing.json']);
  });
});

describe('a network failure', () => {
  it('says the reader seems to be offline', async () => {
    const feed = serveFeed();
    feed.offline();
    await openFailing(REAL_STORY_PATH, 'You seem to be offline');
    expect(screen.getByRole('alert')).toHaveTextContent('We couldn’t reach the newsroom to load this story.');
  });

  it('shows the story after "Try again" once the network is back', async () => {
    const feed = serveFeed();
    feed.offline();
    const { user } = await openFailing(REAL_STORY_PATH, 'You seem to be offline');
    feed.online();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });

  it('keeps offering to try again while the network is still down', async () => {
    const feed = serveFeed();
    feed.offline();
    const { user } = await openFailing(REAL_STORY_PATH, 'You seem to be offline');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('a server error', () => {
  it('says something went wrong on the newsroom’s side, with the status', async () => {
    const feed = serveFeed();
    feed.on(STORY_FILE, reply.status(500));
    await openFailing(REAL_STORY_PATH, 'Something went wrong on our side');
    expect(screen.getByRole('alert')).toHaveTextContent('The newsroom answered with an error (500).');
  });

  it('shows the story after "Try again" once the server has recovered', async () => {
    const feed = serveFeed();
    feed.on(STORY_FILE, reply.status(500));
    const { user } = await openFailing(REAL_STORY_PATH, 'Something went wrong on our side');
    feed.off(STORY_FILE);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });
});

describe('a request that takes too long', () => {
  it('says it is taking too long, and offers to try again', async () => {
    const feed = serveFeed();
    feed.on(STORY_FILE, reply.hang());
    feed.shortenTimeouts();
    await openFailing(REAL_STORY_PATH, 'This is taking too long');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('a story already read', () => {
  /** Reads the story, goes to the front page, loses the network, and comes back to the story. */
  async function returnWhileOffline() {
    // Stale at once, so coming back to the story checks for a newer version.
    const { user, feed } = await openStory(REAL_STORY_PATH, { client: testQueryClient({ staleTime: 0 }) });
    await user.click(screen.getByRole('link', { name: 'Dispatch' }));
    const teaser = await screen.findByRole('link', { name: REAL_HEADLINE });
    feed.offline();
    await user.click(teaser);
    await screen.findByText(/We couldn’t check for a newer version of this story/);
    return { feed, user };
  }

  it('stays readable when checking for a newer version fails', async () => {
    await returnWhileOffline();
    expect(screen.getByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });

  it('tells the reader, politely, that it may be out of date', async () => {
    await returnWhileOffline();
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContainEqual(
      expect.stringMatching(/^We couldn’t check for a newer version of this story\. You are reading the copy already loaded\./),
    );
  });

  it('drops the notice once "Check again" succeeds', async () => {
    const { feed, user } = await returnWhileOffline();
    feed.online();
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(screen.queryByText(/We couldn’t check for a newer version/)).not.toBeInTheDocument());
    expect(screen.getByRole('heading', { level: 1, name: REAL_HEADLINE })).toBeInTheDocument();
  });
});

describe('the story list failing', () => {
  it('says the list can’t be loaded and recovers with "Try again"', async () => {
    const feed = serveFeed();
    feed.offline();
    const { user } = await openFailing('/', 'You seem to be offline');
    feed.online();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Latest stories' })).toBeInTheDocument();
  });
});
