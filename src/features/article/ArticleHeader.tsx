import { formatDateString, isLater } from '../../content/dates';
import type { Article } from '../../content/schema';
import styles from './ArticleHeader.module.css';

export function ArticleHeader({ article }: { readonly article: Article }) {
  const { section, headline, standfirst, dateline, published, updated, byline, source } = article;
  const showUpdated = updated !== undefined && isLater(updated, published);
  return (
    <header className={styles.header}>
      {section ? <p className={styles.kicker}>{section}</p> : null}
      <h1 id="headline" className={styles.headline}>
        {headline}
      </h1>
      {standfirst ? <p className={styles.standfirst}>{standfirst}</p> : null}
      <div className={styles.meta}>
        <p className={styles.dateline}>
          <span className={styles.place}>{dateline}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={published}>{formatDateString(published)}</time>
          {showUpdated ? (
            <>
              <span aria-hidden="true"> · </span>
              <span>
                Updated <time dateTime={updated}>{formatDateString(updated)}</time>
              </span>
            </>
          ) : null}
        </p>
        {byline || source ? (
          <p className={styles.credit}>
            {byline ? <span>By {byline}</span> : null}
            {byline && source ? <span aria-hidden="true"> · </span> : null}
            {source ? (
              <span>
                {source.name}
                {source.syndicatedBy ? `, via ${source.syndicatedBy}` : null}
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
    </header>
  );
}
