import { useQuery } from '@tanstack/react-query';
import { indexQuery } from '../../content/queries';
import { LoadError } from '../../ui/LoadError';
import { useDocumentHead } from '../../ui/useDocumentHead';
import { Pagination } from './Pagination';
import { StoryList } from './StoryList';
import styles from './FrontPage.module.css';

const ALL = { kind: 'all' } as const;

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

  // An index with no `list` (every story in one file, as before the archive) has no older pages.
  return (
    <div className={styles.page}>
      <h1 className={styles.title}>Latest stories</h1>
      <StoryList entries={data.articles} />
      <Pagination list={ALL} info={data.list} />
    </div>
  );
}
