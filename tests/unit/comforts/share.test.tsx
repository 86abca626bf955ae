/**
 * Sharing: "Copy link" where there is no share sheet (jsdom, like a desktop browser), the system
 * share sheet on a touch device that has one. Links point at the story, a person's card or an event.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import { ArticleView } from '../../../src/features/article/ArticleView';
import { ShareButton } from '../../../src/ui/ShareButton';
import { keyPeople, openStory, REAL_HEADLINE, REAL_STORY, REAL_STORY_PATH, timeline, timelineEvent } from '../support/storyPage';

const STORY_URL = `${window.location.origin}${REAL_STORY_PATH}`;

/** A phone: a coarse pointer and the Web Share API. Returns the stand-in for navigator.share. */
function onAPhone(share: (data: ShareData) => Promise<void> = () => Promise.resolve()) {
  const shareSheet = vi.fn(share);
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === '(pointer: coarse)',
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  Object.defineProperty(navigator, 'share', { value: shareSheet, configurable: true });
  return shareSheet;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'share');
});

describe('copying a link, where there is no share sheet', () => {
  it('copies the story’s address from the button beside the dateline', async () => {
    const { user } = await openStory();
    await user.click(screen.getByRole('button', { name: 'Copy link to this story' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(STORY_URL);
  });

  it('leaves the filter out of the story’s address', async () => {
    const { user } = await openStory(`${REAL_STORY_PATH}?person=ron-dermer`);
    await user.click(screen.getByRole('button', { name: 'Copy link to this story' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(STORY_URL);
  });

  it('copies a link to a person’s card', async () => {
    const { user } = await openStory();
    await user.click(within(keyPeople()).getByRole('button', { name: 'Copy link to Ron Dermer’s card' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(`${STORY_URL}#person-ron-dermer`);
  });

  it('copies a link to a timeline event, which carries that id', async () => {
    const { user } = await openStory();
    const event = timelineEvent('Trump returns to office');
    expect(event).toHaveAttribute('id', 'event-trump-returns-to-office');
    await user.click(within(event).getByRole('button', { name: 'Copy link to the event “Trump returns to office”' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(`${STORY_URL}#event-trump-returns-to-office`);
  });

  it('links to the story’s own address from any page that shows it, such as the editors’ preview', async () => {
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/preview/frame']}>
        <ArticleView article={REAL_STORY} />
      </MemoryRouter>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy link to Ron Dermer’s card' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(`${STORY_URL}#person-ron-dermer`);
  });

  it('says "Link copied" in a polite live region', async () => {
    const user = userEvent.setup();
    render(<ShareButton what="this story" title={REAL_HEADLINE} path={REAL_STORY_PATH} />);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    await user.click(screen.getByRole('button', { name: 'Copy link to this story' }));
    expect(status).toHaveTextContent('Link copied');
  });

  it('speaks through the list’s one live region when given one, and still shows its message', async () => {
    const user = userEvent.setup();
    const heard: string[] = [];
    render(<ShareButton what="this story" title={REAL_HEADLINE} path={REAL_STORY_PATH} announce={(message) => heard.push(message)} />);
    expect(screen.queryByRole('status')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Copy link to this story' }));
    expect(heard).toEqual(['', 'Link copied']);
    expect(screen.getByText('Link copied')).toBeVisible();
  });

  it('says "Link copied" for an event from the timeline’s one live region', async () => {
    const { user } = await openStory();
    const statuses = within(timeline()).getAllByRole('status');
    await user.click(within(timelineEvent('Trump returns to office')).getByRole('button', { name: 'Copy link to the event “Trump returns to office”' }));
    expect(within(timelineEvent('Trump returns to office')).queryByRole('status')).toBeNull();
    expect(statuses.filter((status) => status.textContent === 'Link copied')).toHaveLength(1);
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    render(<ShareButton what="Ron Dermer’s card" title="Ron Dermer" path={REAL_STORY_PATH} fragment="person-ron-dermer" />);
    await user.click(screen.getByRole('button', { name: 'Copy link to Ron Dermer’s card' }));
    expect(screen.getByRole('status')).toHaveTextContent(`Couldn’t copy the link. Here it is: ${STORY_URL}#person-ron-dermer`);
  });
});

describe('the share sheet, on a phone', () => {
  it('offers the story to the system share sheet, with its headline', async () => {
    const shareSheet = onAPhone();
    const user = userEvent.setup();
    render(<ShareButton what="this story" title={REAL_HEADLINE} path={REAL_STORY_PATH} variant="text" />);
    await user.click(screen.getByRole('button', { name: 'Share this story' }));
    expect(shareSheet).toHaveBeenCalledWith({ title: REAL_HEADLINE, url: STORY_URL });
  });

  it('copies nothing and says nothing when the reader closes the sheet', async () => {
    onAPhone(() => Promise.reject(new DOMException('Share canceled', 'AbortError')));
    const user = userEvent.setup();
    const copy = vi.spyOn(navigator.clipboard, 'writeText');
    render(<ShareButton what="this story" title={REAL_HEADLINE} path={REAL_STORY_PATH} />);
    await user.click(screen.getByRole('button', { name: 'Share this story' }));
    expect(copy).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('falls back to copying when the sheet cannot open', async () => {
    onAPhone(() => Promise.reject(new DOMException('Not allowed', 'NotAllowedError')));
    const user = userEvent.setup();
    render(<ShareButton what="this story" title={REAL_HEADLINE} path={REAL_STORY_PATH} />);
    await user.click(screen.getByRole('button', { name: 'Share this story' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(STORY_URL);
    expect(screen.getByRole('status')).toHaveTextContent('Link copied');
  });
});
