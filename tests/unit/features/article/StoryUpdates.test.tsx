/**
 * A developing story, through the whole app: a newer version found when the reader comes back to
 * the tab is held aside and announced; shown on request, with its changes marked and listed; a
 * check that fails changes nothing. (The browser suite covers the timer, the 304 and the scroll.)
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, type Reply } from '../../support/fakeFeed';
import { fixtureStory } from '../../support/fixtures';
import { testQueryClient } from '../../support/renderApp';
import { REAL_STORY, REAL_STORY_PATH, openStory } from '../../support/storyPage';

const STORY_FILE = `/content/articles/${REAL_STORY.slug}.json`;
const DEVELOPING = fixtureStory('articles/story-developing.json');
const ADDED = DEVELOPING.body[0]?.text ?? '';

/** Opens the real story, stale at once so that coming back to the tab checks for a newer version. */
async function openAndComeBack(answer: Reply) {
  const opened = await openStory(REAL_STORY_PATH, { client: testQueryClient({ staleTime: 0 }) });
  opened.feed.on(STORY_FILE, answer);
  const before = opened.feed.requests.length;
  // What the browser does when the reader returns to the tab; TanStack Query listens for it.
  act(() => {
    window.dispatchEvent(new Event('visibilitychange'));
  });
  await waitFor(() => expect(opened.feed.requests.length).toBeGreaterThan(before));
  return { ...opened, checksFrom: before };
}

const liveRegion = () => screen.getAllByRole('status').find((status) => status.textContent?.startsWith('This story'));

describe('a newer version, found when the reader comes back to the tab', () => {
  it('is held aside: the story on screen stays as it was, and the reader is told once', async () => {
    await openAndComeBack(reply.fixture('articles/story-developing.json'));
    await waitFor(() => expect(liveRegion()).toHaveTextContent(/^This story was updated at 16:05 GMT\.$/));
    expect(screen.queryByText(ADDED)).not.toBeInTheDocument();
    // The tab's title is marked by an effect after the commit that shows the announcement.
    await waitFor(() => expect(document.title).toMatch(/^\(Updated\) /));
    expect(screen.getByRole('button', { name: 'Show the update' })).toBeInTheDocument();
  });

  it('is shown on request, with its new and reworded paragraphs marked and what changed listed', async () => {
    const { user } = await openAndComeBack(reply.fixture('articles/story-developing.json'));
    await user.click(await screen.findByRole('button', { name: 'Show the update' }));

    expect(await screen.findByText(ADDED)).toBeInTheDocument();
    await waitFor(() => expect(document.title).not.toMatch(/^\(Updated\)/));
    const summary = screen.getByText('What changed', { selector: 'summary' });
    expect(summary).toHaveFocus();

    const added = screen.getByText(ADDED).closest('div');
    expect(added && within(added).getByText('New')).toBeInTheDocument();
    const reworded = screen.getByText(/regional issues related to Tehran and its allies/).closest('div');
    expect(reworded && within(reworded).getByText('Updated')).toBeInTheDocument();
    expect(reworded && within(reworded).getByText(REAL_STORY.body[3]?.text ?? '')).toBeInTheDocument();

    const changes = screen.getByRole('region', { name: 'The changes' });
    expect(within(changes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Paragraph added: “The White House confirmed the meeting/),
      expect.stringMatching(/^Paragraph updated: “The two teams are expected/),
      'Person added: Karoline Leavitt',
      'Timeline event added: The White House confirms the talks',
      'Correction added: An earlier version of this story misspelled Tzachi Hanegbi’s name.',
    ]);
    expect(within(changes).getByText('20 March 2025, 16:05 GMT')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Corrections' })).toBeInTheDocument();
  });

  it('closes "What changed" and leaves the marks', async () => {
    const { user } = await openAndComeBack(reply.fixture('articles/story-developing.json'));
    await user.click(await screen.findByRole('button', { name: 'Show the update' }));
    await user.click(await screen.findByRole('button', { name: 'Close “What changed”' }));
    expect(screen.queryByText('What changed')).not.toBeInTheDocument();
    expect(screen.getByText('New')).toBeInTheDocument();
  });
});

describe('a check that finds nothing new, or fails', () => {
  it('changes nothing when the story is the same', async () => {
    const { feed } = await openAndComeBack(reply.fixture('articles/unknown-fields.json'));
    await waitFor(() => expect(feed.requests.filter((path) => path === STORY_FILE).length).toBeGreaterThan(0));
    expect(screen.queryByRole('button', { name: 'Show the update' })).not.toBeInTheDocument();
  });

  it('says nothing when the check fails, and the story stays', async () => {
    const { feed, checksFrom } = await openAndComeBack(reply.networkError());
    // The check and its three retries, a millisecond apart here.
    await waitFor(() => expect(feed.requests.slice(checksFrom).filter((path) => path === STORY_FILE)).toHaveLength(4));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.queryByText(/couldn’t check for a newer version/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: REAL_STORY.headline })).toBeInTheDocument();
  });
});
