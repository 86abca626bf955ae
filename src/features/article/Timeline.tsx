import type { RefObject } from 'react';
import { Link } from '../../ui/Link';
import { formatPartialDate, formatDateString } from '../../content/dates';
import type { Article, Person } from '../../content/schema';
import { ShareButton } from '../../ui/ShareButton';
import { personAnchor } from './PersonCard';
import { storyPath } from './storyPath';
import { buildTimeline, type TimelineEntry } from './timelineModel';
import styles from './Timeline.module.css';

interface TimelineProps {
  readonly article: Article;
  /** The person the reader chose, when the timeline is narrowed to them. */
  readonly person: Person | undefined;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly onFilterChange: () => void;
}

export const eventAnchor = (id: string): string => `event-${id}`;

interface EventItemProps {
  readonly entry: Extract<TimelineEntry, { kind: 'event' }>;
  readonly people: ReadonlyMap<string, Person>;
  readonly story: Pick<Article, 'slug' | 'headline'>;
}

function EventItem({ entry, people, story }: EventItemProps) {
  const { event, date, upcoming } = entry;
  const involved = (event.people ?? []).flatMap((id) => people.get(id) ?? []);
  return (
    <li id={eventAnchor(event.id)} className={styles.item} data-upcoming={upcoming || undefined}>
      <p className={styles.when}>
        <time dateTime={event.date}>{event.dateLabel ?? formatPartialDate(date)}</time>
        {event.endDate && !event.dateLabel ? (
          <>
            {' – '}
            <time dateTime={event.endDate}>{formatDateString(event.endDate)}</time>
          </>
        ) : null}
      </p>
      <div className={styles.what}>
        {upcoming ? <p className={styles.badge}>Upcoming</p> : null}
        <h3 className={styles.title}>{event.title}</h3>
        {event.summary ? <p className={styles.summary}>{event.summary}</p> : null}
        {involved.length > 0 ? (
          <p className={styles.people}>
            <span className={styles.peopleLabel}>With </span>
            {involved.map((person, index) => (
              <span key={person.id}>
                {index > 0 ? ', ' : null}
                <a href={`#${personAnchor(person.id)}`}>{person.name}</a>
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <ShareButton
        what={`the event “${event.title}”`}
        title={`${event.title}: ${story.headline}`}
        path={storyPath(story.slug)}
        fragment={eventAnchor(event.id)}
        className={styles.share}
      />
    </li>
  );
}

export function Timeline({ article, person, headingRef, onFilterChange }: TimelineProps) {
  const entries = buildTimeline(article, person?.id);
  const people = new Map((article.people ?? []).map((candidate) => [candidate.id, candidate]));
  const shown = entries.filter((entry) => entry.kind === 'event').length;
  const total = article.timeline?.length ?? 0;

  return (
    <section className={styles.timeline} aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading" className={styles.heading} ref={headingRef} tabIndex={-1}>
        Timeline<span className={styles.subtitle}>: how we got here</span>
      </h2>
      <div className={styles.filter}>
        <p role="status">
          {person
            ? `Showing ${shown} of ${total} events, those with ${person.name}.`
            : `${total} related event${total === 1 ? '' : 's'}, oldest first.`}
        </p>
        {person ? (
          <Link to={{ search: '' }} className={styles.clear} onClick={onFilterChange}>
            Show all events
          </Link>
        ) : null}
      </div>
      <ol className={styles.list}>
        {entries.map((entry) =>
          entry.kind === 'story' ? (
            <li key="this-story" className={styles.item} data-story aria-current="true">
              <p className={styles.when}>
                <time dateTime={article.published}>{formatPartialDate(entry.date)}</time>
              </p>
              <div className={styles.what}>
                <p className={styles.storyLabel}>This story</p>
                <p className={styles.title}>{article.headline}</p>
              </div>
            </li>
          ) : (
            <EventItem key={entry.event.id} entry={entry} people={people} story={article} />
          ),
        )}
      </ol>
    </section>
  );
}
