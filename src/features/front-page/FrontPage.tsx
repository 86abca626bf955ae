import { useQuery } from '@tanstack/react-query';
import { parsePartialDate } from '../../content/dates';
import { indexQuery } from '../../content/queries';
import type { IndexEntry } from '../../content/schema';
import { LoadError } from '../../ui/LoadError';
import { useDocumentHead } from '../../ui/useDocumentHead';
import { StoryTeaser } from './StoryTeaser';
import styles from './FrontPage.module.css';

function newestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  const key = (entry: IndexEntry) => parsePartialDate(entry.published)?.sortKey ?? 0;
  return [...entries].sort((a, b) => key(b) - key(a));
}

export function FrontPage() {
  const { data, error, isPending, refetch, isFetching } = useQuery(indexQuery());
  useDocumentHead(undefined, 'Dispatch: world news, clearly told.');

  if (isPending) {
    return (
      <div className={styles.page} aria-busy="true">
        <h1 className={styles.title}>Latest stories</h1>
        <p className="visually-hidden" role="status">
          Loading the latest stories…
        </p>
        <div className={styles.skeleton} aria-hidden="true" />
      </div>
    );
  }
  // A list already on the page (the prerendered one, refreshed on arrival) stays if asking again fails.
  if (data === undefined) {
    return <LoadError error={error} what="the list of stories" onRetry={() => void refetch()} retrying={isFetching} />;
  }

  const stories = newestFirst(data.articles);
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Latest stories</h1>
      {stories.length === 0 ? (
        <p>There are no stories yet.</p>
      ) : (
        <ol className={styles.list}>
          {stories.map((entry) => (
            <li key={entry.slug}>
              <StoryTeaser entry={entry} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
