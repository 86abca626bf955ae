/**
 * Results of an asynchronous job over a list, in the list's order, with at most `window` jobs
 * started ahead of the one being used: the build asks the card workers for the next cards while
 * it writes the page of the story whose card is done (a pipeline rather than a phase), without
 * ever holding 10,000 cards in memory.
 */
export async function* inOrderAhead<T, R>(items: readonly T[], window: number, start: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`inOrderAhead: a window of ${window} jobs`);
  const started: Promise<R>[] = [];
  let asked = 0;
  for (const [index, item] of items.entries()) {
    for (; asked < Math.min(items.length, index + window); asked += 1) {
      const next = start(items[asked] as T);
      // Handled when its turn comes; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      started.push(next);
    }
    yield [item, await (started.shift() as Promise<R>)];
  }
}
