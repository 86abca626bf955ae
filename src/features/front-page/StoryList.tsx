import { parsePartialDate } from '../../content/dates';
import type { IndexEntry } from '../../content/schema';
import { StoryTeaser } from './StoryTeaser';
import styles from './FrontPage.module.css';

/** Newest first, whatever order the file lists them in (stories of the same instant keep it). */
function newestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const key = (entry: IndexEntry) => parsePartialDate(entry.published)?.sortKey ?? 0;
  return [...entries].sort((a, b) => key(b) - key(a));
}

interface StoryListProps {
  readonly entries: readonly IndexEntry[];
  /** Off on a section's own pages, where every teaser would repeat the page's heading. */
  readonly showSection?: boolean;
}

export function StoryList({ entries, showSection = true }: StoryListProps) {
  if (entries.length === 0) return <p>There are no stories yet.</p>;
  return (
    <ol className={styles.list}>
      {newestFirst(entries).map((entry) => (
        <li key={entry.slug}>
          <StoryTeaser entry={entry} showSection={showSection} />
        </li>
      ))}
    </ol>
  );
}
