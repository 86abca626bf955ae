import { memo, useEffect, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { followPlainClick } from '../../ui/Link';
import { formatPartialDate, formatDateString } from '../../content/dates';
import type { Article, Person } from '../../content/schema';
import { ShareButton } from '../../ui/ShareButton';
import { personAnchor } from './PersonCard';
import { storyPath } from './storyPath';
import { filterablePeople, retireFirstPaintFilter, withPerson } from './personFilter';
import { UpcomingBadge } from './UpcomingBadge';
import { buildTimeline, countEventsFor, shownFor, type TimelineEntry } from './timelineModel';
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
  /** The list's one live region, which every event's share button speaks through. */
  readonly announce: (message: string) => void;
}

/** The same for every filter: which events show is set on the page (`useNarrowing`), not rendered. */
const EventItem = memo(function EventItem({ entry, people, story, announce }: EventItemProps) {
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
          // Text and links, with no element around each: this line is in every one of thousands of events.
          <p className={styles.people}>
            {'With '}
            {involved.map((person, index) => [
              index > 0 && ', ',
              <a key={person.id} href={`#${personAnchor(person.id)}`}>
                {person.name}
              </a>,
            ])}
          </p>
        ) : null}
      </div>
      <ShareButton
        what={`the event “${event.title}”`}
        title={`${event.title}: ${story.headline}`}
        path={storyPath(story.slug)}
        fragment={eventAnchor(event.id)}
        className={styles.share}
        announce={announce}
      />
    </li>
  );
});

const LIST_ID = 'timeline-events';
/** As many items as the full list lays out before it skips those off screen (Timeline.module.css). */
const LAID_OUT_AT_ONCE = 30;

/**
 * Shows only the chosen person's events (all of them with no one chosen) by setting `hidden` on the
 * list's items themselves, before the browser paints, and only on those whose state changes. From
 * one person to another only the two people's events are looked at: a pass over every item of a
 * long list (2,000) cost more than the change itself. Rendered through React, a change compared
 * every item of the list, and one from the whole list to a person re-rendered them all (about
 * 400 ms). React never sets `hidden` on these items, so the two do not compete.
 */
function useNarrowing(entries: readonly TimelineEntry[], personId: string | undefined): void {
  useLayoutEffect(() => {
    const list = document.getElementById(LIST_ID);
    if (!list) return;
    let count = 0;
    // The list's items are the entries, in order.
    entries.forEach((entry, index) => {
      const shown = shownFor(entry, personId);
      const item = list.children[index] as HTMLElement;
      if (shown) count += 1;
      if (item.hidden === shown) item.hidden = !shown;
    });
    // A list narrowed to a few events lays them out at once (Timeline.module.css).
    list.toggleAttribute('data-narrowed', personId !== undefined && count <= LAID_OUT_AT_ONCE);
  }, [entries, personId]);
}

const summary = (shown: number, total: number, person: Person | undefined): string =>
  person
    ? `Showing ${shown} of ${total} events, those with ${person.name}.`
    : `${total} related event${total === 1 ? '' : 's'}, oldest first.`;

export function Timeline({ article, person, headingRef, basePath, onChoose }: TimelineProps) {
  const total = article.timeline?.length ?? 0;
  // What the events' share buttons last said ("Link copied"), heard from one region for them all.
  const [announcement, setAnnouncement] = useState('');
  // Everything here depends on the story alone, so a change of person reuses it as it is.
  const { entries, alternatives, list } = useMemo(() => {
    const entries = buildTimeline(article);
    const people = new Map((article.people ?? []).map((candidate) => [candidate.id, candidate]));
    // A link opened with ?person=… is narrowed before the app starts (personFilter.ts): each
    // person's status line is on the page, hidden until that person is the one in the address.
    const alternatives = filterablePeople(article).map((id) => (
      <div key={id} className={styles.filter} data-filter-for={id} hidden>
        <p>{summary(countEventsFor(article, id), total, people.get(id))}</p>
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
            <EventItem key={entry.event.id} entry={entry} people={people} story={article} announce={setAnnouncement} />
          ),
        )}
      </ol>
    );
    return { entries, alternatives, list };
  }, [article, total]);
  useNarrowing(entries, person?.id);

  // The app now narrows the list itself, from the URL.
  useEffect(retireFirstPaintFilter, []);

  return (
    <section className={styles.timeline} aria-labelledby="timeline-heading" id="timeline">
      <h2 id="timeline-heading" className={styles.heading} ref={headingRef} tabIndex={-1}>
        Timeline<span className={styles.subtitle}>: how we got here</span>
      </h2>
      <div className={styles.filter} data-filter-live="">
        <p role="status">{summary(person ? countEventsFor(article, person.id) : total, total, person)}</p>
        {person ? (
          <a href={basePath} className={styles.clear} onClick={(event) => followPlainClick(event, () => onChoose(undefined))}>
            Show all events
          </a>
        ) : null}
      </div>
      {alternatives}
      {list}
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </section>
  );
}
