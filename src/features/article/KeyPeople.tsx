import { useMemo } from 'react';
import type { Article } from '../../content/schema';
import { PersonCard } from './PersonCard';
import { countEventsFor } from './timelineModel';
import styles from './KeyPeople.module.css';

interface KeyPeopleProps {
  readonly article: Article;
  readonly activeId: string | undefined;
  readonly onFilterChange: () => void;
}

export function KeyPeople({ article, activeId, onFilterChange }: KeyPeopleProps) {
  // Counted once per story, not again each time the filter changes (200 people × 2,000 events
  // was most of a filter's time in a story at the bench's scale).
  const eventCounts = useMemo(() => new Map((article.people ?? []).map((person) => [person.id, countEventsFor(article, person.id)])), [article]);
  return (
    <aside className={styles.aside} aria-labelledby="key-people-heading">
      <h2 id="key-people-heading" className={styles.heading}>
        Key people
      </h2>
      <ul className={styles.list}>
        {(article.people ?? []).map((person) => (
          <li key={person.id}>
            <PersonCard
              person={person}
              eventCount={eventCounts.get(person.id) ?? 0}
              active={person.id === activeId}
              onFilterChange={onFilterChange}
              story={article}
            />
          </li>
        ))}
      </ul>
    </aside>
  );
}
