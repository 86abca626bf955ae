import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Article } from '../../content/schema';
import { SectionBoundary } from '../../ui/SectionBoundary';
import { useDocumentHead } from '../../ui/useDocumentHead';
import { ArticleBody, type ArticleBodyProps } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { KeyPeople } from './KeyPeople';
import { LazyCorrections } from './lazyCorrections';
import { PeopleStrip } from './PeopleStrip';
import { Timeline } from './Timeline';
import { Topics } from './Topics';
import { useRevealTarget } from './useRevealTarget';
import styles from './ArticleView.module.css';

export const PERSON_PARAM = 'person';

interface ArticleViewProps {
  readonly article: Article;
  /** After a live update: marks the blocks that changed. */
  readonly decorate?: ArticleBodyProps['decorate'];
}

/** The story's page: one grid whose named areas are placed per breakpoint in ArticleView.module.css. */
export function ArticleView({ article, decorate }: ArticleViewProps) {
  // Read from the location rather than with useSearchParams, which is more of the router than this needs.
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const requested = new URLSearchParams(search).get(PERSON_PARAM);
  const person = article.people?.find((candidate) => candidate.id === requested);
  const timelineHeading = useRef<HTMLHeadingElement>(null);
  const movedByReader = useRef(false);

  useDocumentHead(article.headline, article.standfirst);
  useRevealTarget();

  // When a reader chooses or clears a person, take them to the timeline that just changed:
  // on a phone it is far below the cards.
  useEffect(() => {
    if (!movedByReader.current) return;
    movedByReader.current = false;
    timelineHeading.current?.focus();
  }, [requested]);

  // Stable, so that the memoised person cards are not all redrawn on every change of filter. The
  // cards and the timeline follow their filter links through this, not through router links,
  // which every change of address redraws (two hundred of them in a long story).
  // The router stays the one owner of the address (its links, Back and Forward): the timeline's
  // list is one memoised element, so the redraw a change of address costs stops at the list.
  const choosePerson = useCallback(
    (id: string | undefined) => {
      movedByReader.current = true;
      navigate({ search: id === undefined ? '' : `?${PERSON_PARAM}=${id}` });
    },
    [navigate],
  );
  // The same elements while the story is the same: a change of filter leaves the header and the
  // body (hundreds of paragraphs in a long story) as they are.
  const header = useMemo(() => <ArticleHeader article={article} />, [article]);
  const body = useMemo(() => <ArticleBody article={article} decorate={decorate} />, [article, decorate]);
  const topics = useMemo(() => (article.tags ? <Topics tags={article.tags} /> : null), [article.tags]);
  const corrections = article.corrections && article.corrections.length > 0 ? <LazyCorrections.Page corrections={article.corrections} /> : null;
  const people = article.people ?? [];
  const hasTimeline = (article.timeline ?? []).length > 0;

  return (
    <article className={styles.layout} aria-labelledby="headline">
      <div className={styles.header}>
        {header}
      </div>
      {people.length > 0 ? (
        <div className={styles.strip}>
          <PeopleStrip people={people} />
        </div>
      ) : null}
      <div className={styles.body}>
        {body}
        {corrections}
        {topics}
      </div>
      {people.length > 0 ? (
        <div className={styles.people}>
          <SectionBoundary label="The key people">
            <KeyPeople article={article} activeId={person?.id} basePath={pathname} onChoose={choosePerson} />
          </SectionBoundary>
        </div>
      ) : null}
      {hasTimeline ? (
        <div className={styles.timeline}>
          <SectionBoundary label="The timeline">
            <Timeline article={article} person={person} headingRef={timelineHeading} basePath={pathname} onChoose={choosePerson} />
          </SectionBoundary>
        </div>
      ) : null}
    </article>
  );
}
