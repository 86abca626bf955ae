// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ContentError, fetchContentText } from '../../../src/content/fetchContent';
import { loadArticle, loadIndex, shouldRetry } from '../../../src/content/queries';
import { reply, serveFeed } from '../support/fakeFeed';
import { REAL_STORY_SLUG, realStoryText } from '../support/fixtures';

const STORY_URL = `/content/articles/${REAL_STORY_SLUG}.json`;

async function failureOf(promise: Promise<unknown>): Promise<ContentError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ContentError)) throw new Error(`expected a ContentError, got ${String(error)}`);
  return error;
}

describe('fetchContentText', () => {
  it('returns a content file’s text', async () => {
    serveFeed();
    await expect(fetchContentText(STORY_URL)).resolves.toBe(realStoryText());
  });

  it('asks for JSON', async () => {
    serveFeed();
    await fetchContentText(STORY_URL);
    expect(fetch).toHaveBeenCalledWith(STORY_URL, expect.objectContaining({ headers: { Accept: 'application/json' } }));
  });

  it('reads a 404 as not found', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.status(404));
    expect(await failureOf(fetchContentText(STORY_URL))).toMatchObject({ kind: 'not-found', status: 404, retryable: false });
  });

  it('reads a 410 as not found', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.status(410));
    expect(await failureOf(fetchContentText(STORY_URL))).toMatchObject({ kind: 'not-found', status: 410 });
  });

  it('reads the single-page fallback (HTML with status 200) for a missing file as not found', async () => {
    serveFeed();
    expect(await failureOf(fetchContentText('/content/articles/no-such-story.json'))).toMatchObject({ kind: 'not-found', status: 200 });
  });

  it('reads a server error as a server failure worth retrying, with its status', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.status(503));
    expect(await failureOf(fetchContentText(STORY_URL))).toMatchObject({ kind: 'server', status: 503, retryable: true });
  });

  it('reads a failed request as a network failure worth retrying', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.networkError());
    expect(await failureOf(fetchContentText(STORY_URL))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('reads a body cut short in transfer as a network failure worth retrying, not as content that can’t be shown', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/unknown-fields.json', reply.cutShort('articles/unknown-fields.json'));
    expect(await failureOf(loadArticle('unknown-fields'))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('gives up on a request that takes too long, as a timeout worth retrying', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.hang());
    feed.shortenTimeouts();
    expect(await failureOf(fetchContentText(STORY_URL))).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('lets a request the caller cancels end as the caller’s abort, not as a failure to show', async () => {
    const feed = serveFeed();
    feed.on(STORY_URL, reply.hang());
    const controller = new AbortController();
    const request = fetchContentText(STORY_URL, controller.signal);
    controller.abort();
    await expect(request).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('loadArticle and loadIndex', () => {
  it('loads the real story with no warnings', async () => {
    serveFeed();
    await expect(loadArticle(REAL_STORY_SLUG)).resolves.toMatchObject({ article: { slug: REAL_STORY_SLUG }, warnings: [] });
  });

  it('fails a story that breaks the contract as invalid, with the parser’s reason and no retry', async () => {
    serveFeed();
    expect(await failureOf(loadArticle('bad-headline-missing'))).toMatchObject({
      kind: 'invalid',
      message: 'This story can’t be shown: headline is missing.',
      retryable: false,
      failure: { errors: [{ path: '$.headline' }] },
    });
  });

  it('keeps a bad optional item’s warning for the preview', async () => {
    serveFeed();
    await expect(loadArticle('bad-event-impossible-date')).resolves.toMatchObject({ warnings: [{ path: '$.timeline[3].date' }] });
  });

  it('loads the story list', async () => {
    serveFeed();
    await expect(loadIndex()).resolves.toMatchObject({ articles: [{ slug: REAL_STORY_SLUG }] });
  });

  it('fails a story list that is not JSON as invalid', async () => {
    const feed = serveFeed();
    feed.on('/content/articles/index.json', reply.fixture('articles/truncated.json'));
    expect(await failureOf(loadIndex())).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^The list of stories can’t be shown: not valid JSON at line 44/) });
  });
});

describe('shouldRetry', () => {
  it('retries a network failure a few times, then stops', () => {
    const error = new ContentError('network', 'offline');
    expect([1, 2, 3].map((count) => shouldRetry(count, error))).toEqual([true, true, false]);
  });

  it.each(['not-found', 'invalid'] as const)('never retries %s by itself', (kind) => {
    expect(shouldRetry(0, new ContentError(kind, kind))).toBe(false);
  });
});
