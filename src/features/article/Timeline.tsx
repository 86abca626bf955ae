import { memo, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { followPlainClick } from '../../ui/Link';
import { formatPartialDate, formatDateString } from '../../content/dates';
import type { Article, Person } from '../../content/schema';
import { ShareButton } from '../../ui/ShareButton';
import { personAnchor } from './PersonCard';
import { storyPath } from './storyPath';
import { filterablePeople, retireFirstPaintFilter, withPerson } from './personFilter';
import { UpcomingBadge } from './UpcomingBadge';
import { buildTimeline, type TimelineEntry } from './timelineModel';
import styles from './Timeline.module.css';

interface TimelineProps {
  readonly article: Article;
  /** The person the reader chose, when the timeline is narrowed to them. */
  readonly person: Person | undefined;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  /** The page's path, which "Show all events" leads back to. */
  readonly basePath: string;
  readonly onChoose: (personId: string | undefined) => void;
}

export const eventAnchor = (id: string): string => `event-${id}`;

interface EventItemProps {
  readonly entry: Extract<TimelineEntry, { kind: 'event' }>;
  readonly people: ReadonlyMap<string, Person>;
  readonly story: Pick<Article, 'slug' | 'headline' | 'published'>;
}

/** The same for every filter: which events show is set on the page (`useNarrowing`), not rendered. */
const EventItem = memo(function EventItem({ entry, people, story }: EventItemProps) {
  const { event, date, upcoming } = entry;
  const involved = (event.people ?? []).flatMap((id) => people.get(id) ?? []);
  return (
    <li
      id={eventAnchor(event.id)}
      className={[styles.item, ...(event.people ?? []).map(withPerson)].join(' ')}
      data-upcoming={upcoming || undefined}
    >
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
        {upcoming ? <UpcomingBadge date={date} asOf={story.published} className={styles.badge} /> : null}
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
});

const LIST_ID = 'timeline-events';
/** As many events as the full list lays out before it skips those off screen (Timeline.module.css). */
const LAID_OUT_AT_ONCE = 30;

type EventEntry = Extract<TimelineEntry, { kind: 'event' }>;

/**
 * Shows only the chosen person's events (all of them with no one chosen), by setting `hidden` on
 * the events' items themselves, before the browser paints. A change from one person to another
 * touches only those two people's events: rendered through React, it redrew or at least compared
 * every item of the list (2,000 in a long story), and a change from the whole list to one person
 * re-rendered them all (about 400 ms). React never sets `hidden` on these items, so the two do not
 * compete; a new list (an update to the story) is narrowed afresh.
 */
function useNarrowing(events: readonly EventEntry[], personId: string | undefined): void {
  const applied = useRef<{ events: readonly EventEntry[]; personId: string | undefined } | null>(null);
  useLayoutEffect(() => {
    const before = applied.current;
    applied.current = { events, personId };
    if (before === null && personId === undefined) return; // As rendered: every event shown.
    // From one person to another in the same list, only their events can change.
    const from = before?.events === events && personId !== undefined ? before.personId : undefined;
    let count = 0;
    for (const { event } of events) {
      const involved = event.people ?? [];
      const shown = personId === undefined || involved.includes(personId);
      if (shown) count += 1;
      if (from !== undefined && !shown && !involved.includes(from)) continue;
      const item = document.getElementById(eventAnchor(event.id));
      if (item && item.hidden === shown) item.hidden = !shown;
    }
    // A list narrowed to a few events lays them out at once (Timeline.module.css).
    document.getElementById(LIST_ID)?.toggleAttribute('data-narrowed', personId !== undefined && count <= LAID_OUT_AT_ONCE);
  }, [events, personId]);
}

const summary = (shown: number, total: number, person: Person | undefined): string =>
  person
    ? `Showing ${shown} of ${total} events, those with ${person.name}.`
    : `${total} related event${total === 1 ? '' : 's'}, oldest first.`;

export function Timeline({ article, person, headingRef, basePath, onChoose }: TimelineProps) {
  const total = article.timeline?.length ?? 0;
  // Everything here depends on the story alone, so a change of person reuses it as it is.
  const { events, counts, alternatives, list } = useMemo(() => {
    const entries = buildTimeline(article);
    const events = entries.filter((entry): entry is EventEntry => entry.kind === 'event');
    const people = new Map((article.people ?? []).map((candidate) => [candidate.id, candidate]));
    const counts = new Map<string, number>();
    for (const entry of entries) {
      if (entry.kind === 'event') for (const id of new Set(entry.event.people ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // A link opened with ?person=… is narrowed before the app starts (personFilter.ts): each
    // person's status line is on the page, hidden until that person is the one in the address.
    const alternatives = filterablePeople(article).map((id) => (
      <div key={id} className={styles.filter} data-filter-for={id} hidden>
        <p>{summary(counts.get(id) ?? 0, total, people.get(id))}</p>
        <a href={storyPath(article.slug)} className={styles.clear}>
          Show all events
        </a>
      </div>
    ));
    // The list is the same element whatever the filter: React leaves it alone on a change of person.
    const list = (
      <ol id={LIST_ID} className={styles.list}>
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
    );
    return { events, counts, alternatives, list };
  }, [article, total]);
  useNarrowing(events, person?.id);

  // The app now narrows the list itself, from the URL.
  useEffect(retireFirstPaintFilter, []);

  return (
    <section className={styles.timeline} aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading" className={styles.heading} ref={headingRef} tabIndex={-1}>
        Timeline<span className={styles.subtitle}>: how we got here</span>
      </h2>
      <div className={styles.filter} data-filter-live="">
        <p role="status">{summary(person ? (counts.get(person.id) ?? 0) : total, total, person)}</p>
        {person ? (
          <a href={basePath} className={styles.clear} onClick={(event) => followPlainClick(event, () => onChoose(undefined))}>
            Show all events
          </a>
        ) : null}
      </div>
      {alternatives}
      {list}
    </section>
  );
}
