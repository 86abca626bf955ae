import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/content/schema';
import type { CardRequest, CardResponse } from '../../../src/features/preview/previewCardProtocol';
import { useSocialCard } from '../../../src/features/preview/useSocialCard';
import { realStory } from '../support/fixtures';

/** A stand-in for the card worker: records what it is asked, answers when the test says. */
class FakeWorker {
  static started: FakeWorker[] = [];
  readonly requests: CardRequest[] = [];
  private readonly listeners: ((event: MessageEvent<CardResponse>) => void)[] = [];
  terminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<CardResponse>) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(request: CardRequest): void {
    this.requests.push(request);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(response: { ok: true; svg: string; headlineSize: number } | { ok: false; message: string }): void {
    const last = this.requests.at(-1);
    if (!last) throw new Error('nothing was asked');
    act(() => {
      for (const listener of this.listeners) listener(new MessageEvent('message', { data: { ...response, id: last.id } as CardResponse }));
    });
  }
}

const story = realStory();
const withHeadline = (headline: string): Article => ({ ...story, headline });

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
  URL.createObjectURL ??= () => '';
  URL.revokeObjectURL ??= () => undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:card-${Math.random()}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('useSocialCard', () => {
  it('draws the card once for drafts whose card is the same (only the body changed)', () => {
    const { result, rerender } = renderHook(({ article }) => useSocialCard(article), { initialProps: { article: story } });
    const worker = FakeWorker.started[0];
    expect(worker?.requests).toHaveLength(1);
    expect(result.current.drawing).toBe(true);
    worker?.answer({ ok: true, svg: '<svg/>', headlineSize: 76 });
    expect(result.current).toMatchObject({ drawing: false, current: true, error: null, card: { headline: story.headline, headlineSize: 76 } });
    rerender({ article: { ...story, body: story.body.slice(1) } });
    expect(worker?.requests).toHaveLength(1);
    expect(result.current.current).toBe(true);
  });

  it('while one card is drawn, draws only the latest of the drafts that arrive meanwhile', () => {
    const { result, rerender } = renderHook(({ article }) => useSocialCard(article), { initialProps: { article: withHeadline('One') } });
    rerender({ article: withHeadline('Two') });
    rerender({ article: withHeadline('Three') });
    const worker = FakeWorker.started[0];
    expect(worker?.requests.map((request) => request.input.headline)).toEqual(['One']);
    worker?.answer({ ok: true, svg: '<svg/>', headlineSize: 76 });
    // The card of "One" is shown, not current, while "Three" is drawn.
    expect(result.current).toMatchObject({ current: false, drawing: true, card: { headline: 'One' } });
    expect(worker?.requests.map((request) => request.input.headline)).toEqual(['One', 'Three']);
    worker?.answer({ ok: true, svg: '<svg/>', headlineSize: 68 });
    expect(result.current).toMatchObject({ current: true, drawing: false, card: { headline: 'Three', headlineSize: 68 } });
  });

  it('keeps the last card on a failure, says why, and draws again with a new worker when asked', () => {
    const { result, rerender } = renderHook(({ article }) => useSocialCard(article), { initialProps: { article: withHeadline('One') } });
    const first = FakeWorker.started[0];
    first?.answer({ ok: true, svg: '<svg/>', headlineSize: 76 });
    rerender({ article: withHeadline('Two') });
    first?.answer({ ok: false, message: 'the network is down' });
    expect(result.current).toMatchObject({ error: 'the network is down', drawing: false, current: false, card: { headline: 'One' } });
    expect(first?.terminated).toBe(true);
    act(() => result.current.retry());
    const second = FakeWorker.started[1];
    expect(second?.requests.map((request) => request.input.headline)).toEqual(['Two']);
    second?.answer({ ok: true, svg: '<svg/>', headlineSize: 76 });
    expect(result.current).toMatchObject({ error: null, current: true, card: { headline: 'Two' } });
  });
});
