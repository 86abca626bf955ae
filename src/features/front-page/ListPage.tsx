import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { ContentError } from '../../content/fetchContent';
import { isListKey, listFile, pageNumber, type ListKind, type ListRef } from '../../content/lists';
import { listQuery } from '../../content/queries';
import { LoadError } from '../../ui/LoadError';
import { useDocumentHead } from '../../ui/useDocumentHead';
import { Pagination } from './Pagination';
import { StoryList } from './StoryList';
import styles from './FrontPage.module.css';

/** A page of the archive: `/page/:n`, `/section/:key` and `/tag/:key`, and their `/page/:n`. */
export function ListPage({ kind }: { readonly kind: ListKind }) {
  const { key = '', n } = useParams();
  const list: ListRef | null = kind === 'all' ? { kind } : isListKey(key) ? { kind, key } : null;
  const page = n === undefined ? undefined : pageNumber(n);
  if (list === null || page === null) return <NotFoundPage />;
  const path = listFile(list, page);
  // One instance per file: moving to another page never shows the last one's stories while it loads.
  return <LoadedList key={path} list={list} page={page} path={path} />;
}

/** A name to show before the file has said it, or when it does not: "nuclear-programme" → "Nuclear programme". */
function nameFromKey(key: string): string {
  const words = key.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Naming {
  /** Above the heading: what kind of list this is. */
  readonly label: string | null;
  readonly heading: string;
  readonly description: string;
}

function naming(list: ListRef, title: string | undefined): Naming {
  switch (list.kind) {
    case 'all':
      return { label: null, heading: 'All stories', description: 'Every story from Dispatch, newest first.' };
    case 'section': {
      const name = title ?? nameFromKey(list.key);
      return { label: 'Section', heading: name, description: `${name}: the latest stories from Dispatch.` };
    }
    case 'tag': {
      const name = title ?? nameFromKey(list.key);
      return { label: 'Topic', heading: name, description: `Stories about ${name} from Dispatch.` };
    }
  }
}

function pageOf(page: number, pages: number | undefined): string {
  return pages !== undefined && pages >= page ? `Page ${page} of ${pages}` : `Page ${page}`;
}

interface LoadedListProps {
  readonly list: ListRef;
  readonly page: number | undefined;
  readonly path: string;
}

function LoadedList({ list, page, path }: LoadedListProps) {
  const { data, error, isPending, refetch, isFetching } = useQuery(listQuery(path));
  const { label, heading, description } = naming(list, data?.list?.title);
  const position = page === undefined ? null : pageOf(page, data?.list?.pages);
  useDocumentHead(position === null ? heading : `${heading}, ${position.toLowerCase()}`, description);

  const title = (
    <header className={styles.heading}>
      {label ? <p className={styles.label}>{label}</p> : null}
      <h1 className={styles.title}>{heading}</h1>
      {position ? <p className={styles.position}>{position}</p> : null}
    </header>
  );

  if (isPending) {
    return (
      <div className={styles.page} aria-busy="true">
        {title}
        <p className="visually-hidden" role="status">
          Loading the stories…
        </p>
        <div className={styles.skeleton} aria-hidden="true" />
      </div>
    );
  }
  // A list already on the page (the prerendered one, refreshed on arrival) stays if asking again fails.
  if (data === undefined) {
    if (error instanceof ContentError && error.kind === 'not-found') return <NotFoundPage />;
    return <LoadError error={error} what="this list of stories" onRetry={() => void refetch()} retrying={isFetching} />;
  }
  return (
    <div className={styles.page}>
      {title}
      <StoryList entries={data.articles} showSection={list.kind !== 'section'} />
      <Pagination list={list} page={page} info={data.list} />
    </div>
  );
}
