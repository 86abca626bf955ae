import { Link } from 'react-router';
import { formatDateString } from '../../content/dates';
import type { IndexEntry } from '../../content/schema';
import { usePrefetchArticle } from './usePrefetchArticle';
import styles from './FrontPage.module.css';

export function StoryTeaser({ entry }: { readonly entry: IndexEntry }) {
  const intent = usePrefetchArticle(entry.slug);
  return (
    <article className={styles.teaser}>
      {entry.section ? <p className={styles.kicker}>{entry.section}</p> : null}
      <h2 className={styles.headline}>
        <Link to={`/articles/${entry.slug}`} className={styles.link} {...intent}>
          {entry.headline}
        </Link>
      </h2>
      {entry.standfirst ? <p className={styles.standfirst}>{entry.standfirst}</p> : null}
      <p className={styles.meta}>
        <time dateTime={entry.published}>{formatDateString(entry.published)}</time>
      </p>
    </article>
  );
}
