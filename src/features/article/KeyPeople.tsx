import type { Article } from '../../content/schema';
import { KEY_PEOPLE_ID } from './PeopleStrip';
import { PersonCard } from './PersonCard';
import { countEventsFor } from './timelineModel';
import styles from './KeyPeople.module.css';

interface KeyPeopleProps {
  readonly article: Article;
  readonly activeId: string | undefined;
  /** The page's path, which the filter links add their query to. */
  readonly basePath: string;
  readonly onChoose: (personId: string | undefined) => void;
}

export function KeyPeople({ article, activeId, basePath, onChoose }: KeyPeopleProps) {
  return (
    <aside id={KEY_PEOPLE_ID} className={styles.aside} aria-labelledby="key-people-heading">
      <h2 id="key-people-heading" className={styles.heading}>
        Key people
      </h2>
      <ul className={styles.list}>
        {(article.people ?? []).map((person) => (
          <li key={person.id}>
            <PersonCard
              person={person}
              eventCount={countEventsFor(article, person.id)}
              active={person.id === activeId}
              basePath={basePath}
              onChoose={onChoose}
              story={article}
            />
          </li>
        ))}
      </ul>
    </aside>
  );
}
