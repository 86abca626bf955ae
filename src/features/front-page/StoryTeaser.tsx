import { Link } from 'react-router';
import { formatDateString } from '../../content/dates';
import type { IndexEntry } from '../../content/schema';
import { usePrefetchArticle } from './usePrefetchArticle';
import styles from './FrontPage.module.css';

interface StoryTeaserProps {
  readonly entry: IndexEntry;
  readonly showSection?: boolean;
}

export function StoryTeaser({ entry, showSection = true }: StoryTeaserProps) {
  const intent = usePrefetchArticle(entry.slug);
  return (
    <article className={styles.teaser}>
      {showSection && entry.section ? <p className={styles.kicker}>{entry.section}</p> : null}
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
