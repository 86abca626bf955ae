import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { reply, serveFeed } from '../../support/fakeFeed';
import { renderApp } from '../../support/renderApp';

/** Opens an archive page (its file served from tests/fixtures/lists) and waits for its stories. */
async function openList(path: string) {
  const feed = serveFeed();
  const app = renderApp(path);
  const [list] = await screen.findAllByRole('list');
  if (!list) throw new Error(`${path} shows no list`);
  return { ...app, feed, list };
}

function headlinesIn(list: HTMLElement): string[] {
  return within(list)
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);
}

const pages = () => screen.getByRole('navigation', { name: 'Pages' });
const pageLink = (name: 'Newer stories' | 'Older stories') => within(pages()).getByRole('link', { name });

describe('a chunk of every story (/page/n)', () => {
  it('lists its twenty stories, newest first, under "All stories" and "Page 2 of 3"', async () => {
    const { list } = await openList('/page/2');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('All stories');
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();
    const headlines = headlinesIn(list);
    expect(headlines).toHaveLength(20);
    expect(headlines[0]).toMatch(/^Archive story 40:/);
    expect(headlines.at(-1)).toMatch(/^Archive story 21:/);
  });

  it('links newer stories to the next chunk and older stories to the one before, with rel prev and next', async () => {
    await openList('/page/2');
    expect(pageLink('Newer stories')).toHaveAttribute('href', '/page/3');
    expect(pageLink('Newer stories')).toHaveAttribute('rel', 'prev');
    expect(pageLink('Older stories')).toHaveAttribute('href', '/page/1');
    expect(pageLink('Older stories')).toHaveAttribute('rel', 'next');
  });

  it('links the newest chunk’s newer stories to the front page', async () => {
    await openList('/page/3');
    expect(pageLink('Newer stories')).toHaveAttribute('href', '/');
  });

  it('has no older stories on the first chunk', async () => {
    await openList('/page/1');
    expect(within(pages()).queryByRole('link', { name: 'Older stories' })).not.toBeInTheDocument();
    expect(pageLink('Newer stories')).toHaveAttribute('href', '/page/2');
  });

  it('is titled with its place in the archive', async () => {
    await openList('/page/2');
    await waitFor(() => expect(document.title).toBe('All stories, page 2 of 3 | Dispatch'));
  });

  it('moves to the older chunk when its link is followed', async () => {
    const { user } = await openList('/page/2');
    await user.click(pageLink('Older stories'));
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent(/^Archive story 20:/);
  });

  it('starts loading the linked chunk when the reader points at its link', async () => {
    const { feed, user } = await openList('/page/2');
    await user.hover(pageLink('Older stories'));
    expect(feed.requests).toContain('/content/lists/all/1.json');
  });
});

describe('the front page of an archive', () => {
  it('links "Older stories" to the chunk its index names, and has no newer stories', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/index.json', reply.fixture('index/with-older-pages.json'));
    renderApp('/');
    const link = await screen.findByRole('link', { name: 'Older stories' });
    expect(link).toHaveAttribute('href', '/page/2');
    expect(link).toHaveAttribute('rel', 'next');
    expect(within(pages()).queryByRole('link', { name: 'Newer stories' })).not.toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(20);
  });

  it('still reads an old index with no list: every story, and no links to other pages', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/index.json', reply.fixture('index/old-style.json'));
    renderApp('/');
    const [list] = await screen.findAllByRole('list');
    if (!list) throw new Error('the front page shows no list');
    expect(headlinesIn(list)).toEqual(['Archive story 3: a new survey', 'Archive story 2: markets steady', 'Archive story 1: talks resume']);
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });
});

describe('a section’s pages', () => {
  it('are headed with the section’s name, and list its stories without repeating it on each', async () => {
    const { list } = await openList('/section/world');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('World');
    expect(headlinesIn(list)).toHaveLength(15);
    expect(within(list).queryByText('World')).not.toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('World | Dispatch'));
  });

  it('have no page links when every story fits on the latest page', async () => {
    await openList('/section/world');
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });

  it('link a single chunk’s newer stories back to the section', async () => {
    await openList('/section/world/page/1');
    expect(screen.getByText('Page 1 of 1')).toBeInTheDocument();
    expect(pageLink('Newer stories')).toHaveAttribute('href', '/section/world');
  });
});

describe('a tag’s pages', () => {
  it('are headed with the tag’s name and link older stories to the chunk the file names', async () => {
    const { list } = await openList('/tag/iran');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Iran');
    expect(screen.getByText('Topic')).toBeInTheDocument();
    expect(headlinesIn(list)).toHaveLength(20);
    expect(pageLink('Older stories')).toHaveAttribute('href', '/tag/iran/page/1');
  });

  it('link the newest chunk back to the tag’s latest page', async () => {
    const { list } = await openList('/tag/iran/page/2');
    expect(screen.getByText('Page 2 of 2')).toBeInTheDocument();
    expect(headlinesIn(list)).toEqual(['Archive story 45: a new survey', 'Archive story 43: talks resume', 'Archive story 41: markets steady']);
    expect(pageLink('Newer stories')).toHaveAttribute('href', '/tag/iran');
    expect(pageLink('Older stories')).toHaveAttribute('href', '/tag/iran/page/1');
  });

  it('leave out an entry that breaks the rules, and a list description that does, and show the rest', async () => {
    const { list } = await openList('/tag/diplomacy');
    expect(headlinesIn(list)).toEqual(['Archive story 45: a new survey', 'Archive story 43: talks resume']);
    // Without its list description the page still knows its tag, by the key in its address.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Diplomacy');
    expect(screen.queryByRole('navigation', { name: 'Pages' })).not.toBeInTheDocument();
  });
});

describe('an archive address that shows nothing', () => {
  it.each(['/page/0', '/page/-1', '/page/02', '/page/two', '/page/1.5', '/section/World', '/tag/iran/page/0', '/section/world/page/'])(
    '%s is the not-found page, without asking the feed',
    async (path) => {
      const feed = serveFeed();
      renderApp(path);
      expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
      expect(feed.requests.filter((request) => request.startsWith('/content/lists/'))).toEqual([]);
    },
  );

  it.each(['/page/4', '/section/sport', '/tag/iran/page/3'])('%s, whose file is missing, is the not-found page', async (path) => {
    serveFeed();
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('is the not-found page when the feed answers 404', async () => {
    const feed = serveFeed();
    feed.on('/content/lists/all/2.json', reply.status(404));
    renderApp('/page/2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('explains a server error with a retry, rather than saying the page does not exist', async () => {
    const feed = serveFeed();
    feed.on('/content/lists/all/2.json', reply.status(500));
    renderApp('/page/2');
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
