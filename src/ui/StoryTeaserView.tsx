import type { HTMLAttributes } from 'react';
import { Link } from './Link';
import { formatDateString } from '../content/dates';
import type { IndexEntry } from '../content/schema';
import styles from './StoryTeaser.module.css';

type Intent = Pick<HTMLAttributes<HTMLAnchorElement>, 'onPointerEnter' | 'onFocus' | 'onTouchStart'>;

interface StoryTeaserViewProps {
  readonly entry: IndexEntry;
  /** The headline's level where the teaser stands: 2 on the front page. */
  readonly headingLevel?: 2 | 3 | 4;
  /**
   * Handlers on the headline's link (the front page prefetches the story on intent); `false` for
   * no link at all, as in the preview, where the draft has no page to go to yet.
   */
  readonly link?: Intent | false;
  /** The section above the headline: off where every story is of one section. */
  readonly showSection?: boolean;
}

/**
 * A story as the front page lists it: kicker, headline (the whole teaser is its link's tap
 * target), standfirst and date. The one view of a teaser, shared by the front page and the preview.
 */
export function StoryTeaserView({ entry, headingLevel = 2, link = {}, showSection = true }: StoryTeaserViewProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={styles.teaser}>
      {showSection && entry.section ? <p className={styles.kicker}>{entry.section}</p> : null}
      <Heading className={styles.headline}>
        {link === false ? (
          entry.headline
        ) : (
          <Link to={`/articles/${entry.slug}`} className={styles.link} {...link}>
            {entry.headline}
          </Link>
        )}
      </Heading>
      {entry.standfirst ? <p className={styles.standfirst}>{entry.standfirst}</p> : null}
      <p className={styles.meta}>
        <time dateTime={entry.published}>{formatDateString(entry.published)}</time>
        {entry.corrected ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className={styles.corrected}>Corrected</span>
          </>
        ) : null}
      </p>
    </article>
  );
}
