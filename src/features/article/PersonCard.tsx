import { memo } from 'react';
import { followPlainClick } from '../../ui/Link';
import type { Article, Person } from '../../content/schema';
import { ShareButton } from '../../ui/ShareButton';
import { directionOf } from '../../ui/textDirection';
import { storyPath } from './storyPath';
import styles from './PersonCard.module.css';

export const personAnchor = (id: string): string => `person-${id}`;

export function initials(name: string): string {
  const words = name.trim().split(/\s+/u);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words.at(-1) ?? '') : '';
  return `${[...first][0] ?? ''}${[...last][0] ?? ''}`.toUpperCase();
}

interface PersonCardProps {
  readonly person: Person;
  readonly eventCount: number;
  readonly active: boolean;
  /** The page's path, which the filter link adds its query to. */
  readonly basePath: string;
  readonly onChoose: (personId: string | undefined) => void;
  /** The story the card belongs to, for a shared link to the card. */
  readonly story: Pick<Article, 'slug' | 'headline'>;
}

/** Memoised: a filter change redraws only the cards it makes or unmakes active. */
export const PersonCard = memo(function PersonCard({ person, eventCount, active, basePath, onChoose, story }: PersonCardProps) {
  const { id, name, role, affiliation, nativeName, nativeLang, summary, image } = person;
  return (
    <div id={personAnchor(id)} className={styles.card} data-active={active || undefined}>
      {image ? (
        <img className={styles.avatar} src={image.src} alt="" width={image.width} height={image.height} loading="lazy" />
      ) : (
        <span className={styles.avatar} aria-hidden="true">
          {initials(name)}
        </span>
      )}
      <div className={styles.text}>
        <h3 className={styles.name}>{name}</h3>
        {nativeName ? (
          <p className={styles.native} lang={nativeLang} dir={directionOf(nativeLang)}>
            {nativeName}
          </p>
        ) : null}
        <p className={styles.role}>
          {role}
          {affiliation ? <span className={styles.affiliation}>, {affiliation}</span> : null}
        </p>
        {summary ? <p className={styles.summary}>{summary}</p> : null}
      </div>
      <ShareButton
        what={`${name}’s card`}
        title={`${name}: ${story.headline}`}
        path={storyPath(story.slug)}
        fragment={personAnchor(id)}
        className={styles.share}
      />
      <div className={styles.action}>
        {active ? (
          <a href={basePath} className={styles.filter} data-active="true" onClick={(event) => followPlainClick(event, () => onChoose(undefined))}>
            Show all events
          </a>
        ) : eventCount > 0 ? (
          <a href={`${basePath}?person=${id}`} className={styles.filter} onClick={(event) => followPlainClick(event, () => onChoose(id))}>
            <span className="visually-hidden">Show {name}’s </span>
            {eventCount} {eventCount === 1 ? 'event' : 'events'}
            <span className="visually-hidden"> in the timeline</span>
          </a>
        ) : (
          <span className={styles.none}>Not in the timeline</span>
        )}
      </div>
    </div>
  );
});
