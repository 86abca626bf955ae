/**
 * Archive pages and a story with a lead picture as the build prerenders them (entry-server's
 * `render`), then hydrated in place by the app from the embedded cache: the same markup, no
 * mismatch, and no request for what the page arrived with.
 */
import { act, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/App';
import { preloadPage } from '../../../src/app/AppRoutes';
import { seedQueryCache } from '../../../src/app/prerenderedState';
import { parseIndex, parseJsonText } from '../../../src/content/parse';
import type { ArticleIndex } from '../../../src/content/schema';
import { CORRECTIONS_HEADING_ID, LazyCorrections } from '../../../src/features/article/lazyCorrections';
import { render, type PrerenderData } from '../../../src/entry-server';
import { serveFeed } from '../support/fakeFeed';
import { fixtureStory, fixtureText } from '../support/fixtures';
import { testQueryClient } from '../support/renderApp';

function listFixture(file: string): ArticleIndex {
  const json = parseJsonText(fixtureText(file));
  const result = json.ok ? parseIndex(json.value) : json;
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.value;
}

/** Prerenders `url`, puts the HTML where the built page has it, and hydrates it as main.tsx does. */
async function prerenderAndHydrate(url: string, data: PrerenderData) {
  const feed = serveFeed();
  const rendered = render(url, data);
  window.history.pushState(null, '', url);
  const container = document.createElement('div');
  container.id = 'root';
  container.innerHTML = rendered.html;
  document.body.append(container);
  const client = testQueryClient();
  seedQueryCache(client, rendered.state);
  const onRecoverableError = vi.fn();
  const root = await act(async () =>
    hydrateRoot(
      container,
      <StrictMode>
        <App client={client} />
      </StrictMode>,
      { onRecoverableError },
    ),
  );
  // The markup as the browser parsed it from the page: what hydration must leave exactly as it was.
  const parsed = document.createElement('div');
  parsed.innerHTML = rendered.html;
  return { html: rendered.html, parsedHtml: parsed.innerHTML, container, feed, onRecoverableError, unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

describe('a prerendered archive page', () => {
  it('is whole in its HTML: heading, place, stories and page links', () => {
    const { html } = render('/tag/iran/page/1', { list: { path: 'lists/tag/iran/1.json', data: listFixture('lists/tag/iran/1.json') } });
    expect(html).toContain('<h1');
    expect(html).toContain('Page 1 of 2');
    expect(html.match(/href="\/articles\/archive-story-\d+"/g)).toHaveLength(20);
    expect(html).toContain('<a rel="prev" class="link" href="/tag/iran/page/2"');
  });

  it.each([
    ['/page/2', 'lists/all/2.json'],
    ['/section/world', 'lists/section/world/latest.json'],
    ['/tag/iran', 'lists/tag/iran/latest.json'],
  ])('%s hydrates without a mismatch or a request for its list', async (url, path) => {
    const page = await prerenderAndHydrate(url, { list: { path, data: listFixture(path) } });
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    expect(page.container.innerHTML).toBe(page.parsedHtml);
    expect(page.feed.requests.filter((request) => request.startsWith('/content/'))).toEqual([]);
    await page.unmount();
  });

  it('the front page of an archive hydrates with its "Older stories" link', async () => {
    const page = await prerenderAndHydrate('/', { index: listFixture('index/with-older-pages.json') });
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: 'Older stories' })).toHaveAttribute('href', '/page/2');
    await page.unmount();
  });
});

describe('a prerendered story with a lead picture', () => {
  it('carries the picture in its HTML and hydrates without a mismatch', async () => {
    const article = fixtureStory('articles/story-with-image.json');
    const page = await prerenderAndHydrate('/articles/story-with-image', { article: { slug: article.slug, loaded: { article, warnings: [] } } });
    expect(page.html).toMatch(/<img[^>]*fetchPriority="high"|<img[^>]*fetchpriority="high"/);
    expect(page.html).toContain('srcSet="/content/images/test-lead-640.svg 640w');
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    await page.unmount();
  });
});

describe('a prerendered story with corrections', () => {
  it('carries its corrections in its HTML, and the client fetches their code before hydrating, without a mismatch', async () => {
    const article = fixtureStory('articles/story-corrected.json');
    const page = await prerenderAndHydrate('/articles/story-corrected', { article: { slug: article.slug, loaded: { article, warnings: [] } } });
    expect(page.html).toContain(`id="${CORRECTIONS_HEADING_ID}"`);
    // What src/main.tsx awaits before hydrating: the block's code, once the page shows the block.
    expect(preloadPage('/articles/story-corrected', page.container)).toBe(LazyCorrections.preload());
    expect(page.onRecoverableError).not.toHaveBeenCalled();
    // The block as the page carried it (the rest of a story gains its print-only address once hydrated).
    const served = document.createElement('div');
    served.innerHTML = page.parsedHtml;
    expect(screen.getByRole('region', { name: 'Corrections' }).outerHTML).toBe(served.querySelector(`section[aria-labelledby="${CORRECTIONS_HEADING_ID}"]`)?.outerHTML);
    await page.unmount();
  });

  it('a story without corrections fetches no corrections code before hydrating', async () => {
    const article = fixtureStory('articles/story-with-image.json');
    const page = await prerenderAndHydrate('/articles/story-with-image', { article: { slug: article.slug, loaded: { article, warnings: [] } } });
    expect(page.html).not.toContain(CORRECTIONS_HEADING_ID);
    const preload = vi.spyOn(LazyCorrections, 'preload');
    await expect(preloadPage('/articles/story-with-image', page.container)).resolves.toBeUndefined();
    expect(preload).not.toHaveBeenCalled();
    preload.mockRestore();
    await page.unmount();
  });
});
