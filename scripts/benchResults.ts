/** The middle of the values (the upper one of an even count), as every bench reports them. */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/**
 * What scripts/benchMainThread.ts (run by `npm run bench` as a process of its own) leaves for
 * scripts/bench.ts's table of issue 14's goals: only the parts it measured.
 */
export const MAIN_THREAD_RESULTS = 'bench-results/main-thread.json';

export interface MainThreadResults {
  longestTask?: { storyMs: number; floorMs: number; ratio: number; runs: number };
  filter?: {
    medianMs: number;
    worstMs: number;
    changes: number;
    /** The same changes in the same story with only the two people's events in its timeline. */
    control?: { events: number; medianMs: number; worstMs: number };
    /** The same kind of change on the story as published. */
    published?: { events: number; medianMs: number; worstMs: number };
    /** The same changes with the app's handling replaced by a plain script (scripts/benchFilterFloor.ts). */
    floor?: { medianMs: number; worstMs: number; publishedMedianMs: number };
  };
}
