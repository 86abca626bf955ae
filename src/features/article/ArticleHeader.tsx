import { useSyncExternalStore } from 'react';
import { Link } from '../../ui/Link';
import { formatDateString, isLater } from '../../content/dates';
import { listKey, listRoute } from '../../content/lists';
import type { Article } from '../../content/schema';
import { ShareButton } from '../../ui/ShareButton';
import { siteAddress } from '../../ui/siteAddress';
import { usePrefetchList } from '../../ui/usePrefetchList';
import { formatReadingTime, readingTime } from './readingTime';
import { storyPath } from './storyPath';
import styles from './ArticleHeader.module.css';

const noSubscription = () => () => undefined;
const serverOrigin = (): string | null => null;
const clientOrigin = (): string | null => window.location.origin;

/** The story's address, for paper only: a printed page cannot be clicked back to. */
function PrintedAddress({ path }: { readonly path: string }) {
  // The server does not know the site's origin; the address appears once the page runs.
  const origin = useSyncExternalStore(noSubscription, clientOrigin, serverOrigin);
  if (!origin) return null;
  const address = siteAddress(path);
  return (
    <p className={styles.address}>
      Read online at <a href={address}>{address}</a>
    </p>
  );
}

/** The section's name, linking to its pages (a name with no key, in another script, has none and stays text). */
function SectionKicker({ section }: { readonly section: string }) {
  const key = listKey(section);
  const list = { kind: 'section', key } as const;
  const intent = usePrefetchList(list);
  return (
    <p className={styles.kicker}>
      {key === '' ? (
        section
      ) : (
        <Link to={listRoute(list)} className={styles.kickerLink} {...intent}>
          {section}
        </Link>
      )}
    </p>
  );
}

export function ArticleHeader({ article }: { readonly article: Article }) {
  const { section, headline, standfirst, dateline, published, updated, byline, source } = article;
  const showUpdated = updated !== undefined && isLater(updated, published);
  const reading = formatReadingTime(readingTime(article.body));
  const path = storyPath(article.slug);
  return (
    <header className={styles.header}>
      {section ? <SectionKicker section={section} /> : null}
      <h1 id="headline" className={styles.headline}>
        {headline}
      </h1>
      {standfirst ? <p className={styles.standfirst}>{standfirst}</p> : null}
      <div className={styles.meta}>
        <div className={styles.lines}>
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
          <p className={styles.reading}>
            {reading.time}
            <span aria-hidden="true"> · </span>
            {reading.count}
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
          <PrintedAddress path={path} />
        </div>
        <ShareButton what="this story" title={headline} path={path} variant="text" />
      </div>
    </header>
  );
}
