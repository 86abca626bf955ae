// @vitest-environment node
/** inOrderAhead (scripts/site/ahead.ts): the build's pipeline of cards and pages. */
import { describe, expect, it } from 'vitest';
import { inOrderAhead } from '../../../scripts/site/ahead';

/** A job whose promise the test settles by hand, so the order of completion is the test's. */
function deferredJobs() {
  const settle = new Map<number, (value: string) => void>();
  let running = 0;
  let most = 0;
  const start = (item: number) =>
    new Promise<string>((resolve) => {
      running += 1;
      most = Math.max(most, running);
      settle.set(item, (value) => {
        running -= 1;
        resolve(value);
      });
    });
  return { start, settle, most: () => most, started: () => [...settle.keys()] };
}

describe('inOrderAhead', () => {
  it('gives results in the list’s order, whatever order the jobs finish in', async () => {
    const jobs = deferredJobs();
    const results = (async () => {
      const out: [number, string][] = [];
      for await (const pair of inOrderAhead([1, 2, 3, 4], 4, jobs.start)) out.push(pair);
      return out;
    })();
    await Promise.resolve();
    expect(jobs.started()).toEqual([1, 2, 3, 4]);
    for (const item of [4, 2, 3, 1]) jobs.settle.get(item)?.(`card ${item}`);
    expect(await results).toEqual([
      [1, 'card 1'],
      [2, 'card 2'],
      [3, 'card 3'],
      [4, 'card 4'],
    ]);
  });

  it('starts at most `window` jobs ahead of the result being used', async () => {
    const jobs = deferredJobs();
    const items = Array.from({ length: 10 }, (_, index) => index);
    const iterator = inOrderAhead(items, 3, jobs.start);
    const first = iterator.next();
    await Promise.resolve();
    expect(jobs.started()).toEqual([0, 1, 2]);
    jobs.settle.get(0)?.('zero');
    expect((await first).value).toEqual([0, 'zero']);
    const second = iterator.next();
    await Promise.resolve();
    expect(jobs.started()).toEqual([0, 1, 2, 3]);
    for (const item of items.slice(1)) {
      // Settled as they are started, so the rest of the list runs through.
      jobs.settle.get(item)?.(`${item}`);
      await Promise.resolve();
    }
    expect((await second).value).toEqual([1, '1']);
    await iterator.return(undefined);
    expect(jobs.most()).toBeLessThanOrEqual(3);
  });

  it('passes a job’s failure on when its turn comes, and none before', async () => {
    const failing = (item: number) => (item === 2 ? Promise.reject(new Error('card 2 failed')) : Promise.resolve(`card ${item}`));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const [item] of inOrderAhead([1, 2, 3], 3, failing)) seen.push(item);
      })(),
    ).rejects.toThrow('card 2 failed');
    expect(seen).toEqual([1]);
  });

  it('refuses a window of no jobs', async () => {
    await expect(inOrderAhead([1], 0, async () => 1).next()).rejects.toThrow(RangeError);
  });
});
