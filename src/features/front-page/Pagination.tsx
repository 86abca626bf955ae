import type { ReactNode } from 'react';
import { Link } from '../../ui/Link';
import { listRoute, type ListRef } from '../../content/lists';
import type { ListInfo } from '../../content/schema';
import { usePrefetchList } from '../../ui/usePrefetchList';
import styles from './Pagination.module.css';

interface PageLinkProps {
  readonly list: ListRef;
  /** The chunk linked to; absent for the list's latest page. */
  readonly page: number | undefined;
  readonly rel: 'prev' | 'next';
  readonly children: ReactNode;
}

function PageLink({ list, page, rel, children }: PageLinkProps) {
  const intent = usePrefetchList(list, page);
  return (
    <Link to={listRoute(list, page)} rel={rel} className={styles.link} {...intent}>
      {children}
    </Link>
  );
}

interface PaginationProps {
  readonly list: ListRef;
  /** The chunk shown; absent on a list's latest page (the front page, /section/world). */
  readonly page?: number | undefined;
  /** What the file says of its list; an old index without it has no pages to link to. */
  readonly info?: ListInfo | undefined;
}

type Target = { readonly page: number | undefined } | null;

/**
 * Newer and older stories, as the design has them: a latest page links to the chunk that holds its
 * oldest unshown story; a chunk links to the next newer chunk (or, from the newest, back to the
 * latest page) and to the one before it. Newer is "prev" and older "next": the pages run newest first.
 */
export function Pagination({ list, page, info }: PaginationProps) {
  const newer: Target = page === undefined ? null : { page: info?.newer ?? undefined };
  const olderPage = page === undefined ? (info?.older ?? undefined) : page > 1 ? page - 1 : undefined;
  const older: Target = olderPage === undefined ? null : { page: olderPage };
  if (newer === null && older === null) return null;
  return (
    <nav aria-label="Pages" className={styles.pages}>
      <ul className={styles.links}>
        {newer ? (
          <li className={styles.newer}>
            <PageLink list={list} page={newer.page} rel="prev">
              <span aria-hidden="true">←</span>Newer stories
            </PageLink>
          </li>
        ) : null}
        {older ? (
          <li className={styles.older}>
            <PageLink list={list} page={older.page} rel="next">
              Older stories<span aria-hidden="true">→</span>
            </PageLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
