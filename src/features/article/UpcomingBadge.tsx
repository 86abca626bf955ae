import { useSyncExternalStore } from 'react';
import { formatDay, hasPassed, type PartialDate } from '../../content/dates';

/** Asked again when the reader comes back to the tab: a page left open overnight may have gone past the event. */
function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

/** The reader's clock to the minute: a stable snapshot between calls, as useSyncExternalStore needs. */
const readerMinute = (): number => Math.floor(Date.now() / 60_000) * 60_000;
/** The prerendering server knows no reader: its page says what the story said, and hydrates unchanged. */
const noReader = (): null => null;

interface UpcomingBadgeProps {
  readonly date: PartialDate;
  /** The story's `published`: "upcoming" is true as of it. */
  readonly asOf: string;
  readonly className: string | undefined;
}

/**
 * "Upcoming", as the story said; once the event's date is behind the reader (their clock, read
 * after hydration), "Expected, as of 20 March 2025": the story did not say it happened.
 */
export function UpcomingBadge({ date, asOf, className }: UpcomingBadgeProps) {
  const now = useSyncExternalStore(subscribe, readerMinute, noReader);
  const passed = now !== null && hasPassed(date, now);
  return <p className={className}>{passed ? `Expected, as of ${formatDay(asOf)}` : 'Upcoming'}</p>;
}
