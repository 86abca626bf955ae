/**
 * What the story page needs once a newer version of the story has arrived, and only then (it is
 * loaded on demand, with the diff engine): comparing the versions, keeping the reader's place
 * across the swap, marking the paragraphs that changed, and the "What changed" summary.
 *
 * It imports nothing from React at run time (no hooks; the page holds the state): a chunk loaded
 * on demand that did would make the bundler move React and its runtime out of the page's own
 * chunk into a shared one, some 400 bytes more for every reader of every story.
 */
import type { ReactNode, RefObject } from 'react';
import { formatDateString, formatTime, isLater } from '../../content/dates';
import type { Article, Block } from '../../content/schema';
import { countChanges, diffStories, type BlockChange, type StoryDiff } from '../../content/storyDiff';
import buttons from '../../ui/Button.module.css';
import styles from './storyUpdate.module.css';

/** The element at the top of the viewport: a body block by its index, or another part by its id. */
export interface Place {
  readonly block?: number;
  readonly id?: string;
  /** Its top, from the top of the viewport, in CSS pixels. */
  readonly top: number;
}

const BLOCK = 'data-block';

/** The first block (else the first part with an id) not wholly above the viewport. */
export function placeOf(root: ParentNode): Place | null {
  for (const element of root.querySelectorAll<HTMLElement>(`[${BLOCK}]`)) {
    const { top, bottom } = element.getBoundingClientRect();
    if (bottom > 0 && top < window.innerHeight) return { block: Number(element.getAttribute(BLOCK)), top };
  }
  for (const element of root.querySelectorAll<HTMLElement>('[id]')) {
    const { top, bottom } = element.getBoundingClientRect();
    if (bottom > 0 && top < window.innerHeight) return { id: element.id, top };
  }
  return null;
}

/**
 * Where a block of the version shown before now stands: an edited block is its new wording; a
 * kept block is matched with the kept blocks in order; a removed one gives way to the next.
 */
export function followBlock(diff: StoryDiff, beforeIndex: number, beforeLength: number, afterLength: number): number | undefined {
  if (diff.bodyRewritten) return undefined;
  const goneBefore = new Set<number>();
  const newAfter = new Set<number>();
  const edited = new Map<number, number>();
  for (const change of diff.body) {
    if (change.kind !== 'added') goneBefore.add(change.beforeIndex);
    if (change.kind !== 'removed') newAfter.add(change.afterIndex);
    if (change.kind === 'edited') edited.set(change.beforeIndex, change.afterIndex);
  }
  const keptAfter = Array.from({ length: afterLength }, (_, index) => index).filter((index) => !newAfter.has(index));
  let kept = 0;
  for (let index = 0; index < beforeLength; index++) {
    if (index >= beforeIndex) {
      const at = edited.get(index) ?? (goneBefore.has(index) ? undefined : keptAfter[kept]);
      if (at !== undefined) return at;
    }
    if (!goneBefore.has(index)) kept++;
  }
  return undefined;
}

/** Scrolls by what the place moved in the swap, so that what the reader was reading stays where it was. */
export function restorePlace(root: ParentNode, place: Place, diff: StoryDiff, lengths: { before: number; after: number }): void {
  const block = place.block === undefined ? undefined : followBlock(diff, place.block, lengths.before, lengths.after);
  const element =
    block !== undefined
      ? root.querySelector(`[${BLOCK}="${block}"]`)
      : place.id !== undefined
        ? document.getElementById(place.id)
        : null;
  if (!element) return;
  const moved = element.getBoundingClientRect().top - place.top;
  if (moved !== 0) window.scrollBy({ top: moved, left: 0, behavior: 'instant' });
}

// ---------------------------------------------------------------------------------------------

type Mark = { readonly kind: 'added' } | { readonly kind: 'edited'; readonly before: Block };

/** A body block as ArticleBody draws it, with its mark when it is new or reworded. */
export type DecorateBlock = (index: number, element: ReactNode) => ReactNode;

export function blockMarks(diff: StoryDiff): DecorateBlock {
  const marks = new Map<number, Mark>();
  for (const change of diff.body) {
    if (change.kind === 'added') marks.set(change.afterIndex, { kind: 'added' });
    else if (change.kind === 'edited') marks.set(change.afterIndex, { kind: 'edited', before: change.before });
  }
  return (index, element) => {
    const mark = marks.get(index);
    if (!mark) return element;
    return (
      <div key={index} className={styles.changed}>
        <p className={styles.mark}>{mark.kind === 'added' ? 'New' : 'Updated'}</p>
        {element}
        {mark.kind === 'edited' ? (
          <details className={styles.earlier}>
            <summary>Earlier wording</summary>
            <p>{mark.before.text}</p>
          </details>
        ) : null}
      </div>
    );
  };
}

// ---------------------------------------------------------------------------------------------

const EXCERPT_WORDS = 14;

function excerpt(text: string): string {
  const words = text.split(/\s+/);
  return words.length > EXCERPT_WORDS ? `“${words.slice(0, EXCERPT_WORDS).join(' ')} …”` : `“${text}”`;
}

const BLOCK_NAMES: Record<Block['type'], string> = { paragraph: 'Paragraph', heading: 'Heading', quote: 'Quote' };

function blockLine(change: BlockChange): string {
  switch (change.kind) {
    case 'added':
      return `${BLOCK_NAMES[change.block.type]} added: ${excerpt(change.block.text)}`;
    case 'edited':
      return `${BLOCK_NAMES[change.after.type]} updated: ${excerpt(change.after.text)}`;
    case 'removed':
      return `${BLOCK_NAMES[change.block.type]} removed: “${change.block.text}”`;
  }
}

const FIELD_LABELS: Partial<Record<string, string>> = {
  headline: 'Headline',
  standfirst: 'Summary',
  dateline: 'Dateline',
  byline: 'Byline',
  'image.src': 'Picture',
  'image.caption': 'Picture caption',
};

/** Each change a reader can see, in the order of the page: header, text, people, timeline, topics, corrections. */
export function changeLines(diff: StoryDiff): string[] {
  const fields = diff.fields.flatMap((change) => {
    const label = FIELD_LABELS[change.field];
    return label ? [`${label} ${change.kind === 'edited' ? 'changed' : change.kind}${change.after ? `: ${excerpt(change.after)}` : ''}`] : [];
  });
  const people = diff.people.map((change) =>
    change.kind === 'changed'
      ? `Person changed: ${change.label} (${change.fields.map((field) => field.field).join(', ')})`
      : `Person ${change.kind}: ${change.label}`,
  );
  const events = diff.timeline.map((change) =>
    change.kind === 'changed'
      ? `Timeline event changed: ${change.label} (${change.fields.map((field) => field.field).join(', ')})`
      : `Timeline event ${change.kind}: ${change.label}`,
  );
  const tags = diff.tags.map((change) => `Topic ${change.kind}: ${change.tag}`);
  const corrections = diff.corrections.map((change) => `Correction ${change.kind}: ${change.correction.text}`);
  return [...fields, ...diff.body.map(blockLine), ...people, ...events, ...tags, ...corrections];
}

interface WhatChangedProps {
  readonly update: AppliedUpdate;
  readonly summaryRef: RefObject<HTMLElement | null>;
  readonly onClose: () => void;
}

/** A short, collapsed list of what the update changed; its summary takes focus after the swap. */
export function WhatChanged({ update, summaryRef, onClose }: WhatChangedProps) {
  const { diff, updated } = update;
  const lines = changeLines(diff);
  return (
    <div className={styles.panel}>
      <details>
        <summary ref={summaryRef} className={styles.summary}>
          What changed
        </summary>
        {/* Scrolls within the dock when long: focusable, so that a keyboard can scroll it too. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable */}
        <div className={styles.changes} role="region" aria-label="The changes" tabIndex={0}>
          {updated ? (
            <p>
              Updated <time dateTime={updated}>{formatDateString(updated)}</time>
            </p>
          ) : null}
          <ul>
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      </details>
      <button type="button" className={`${buttons.secondary} ${styles.close}`} onClick={onClose} aria-label="Close “What changed”">
        Close
      </button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

/** An update the reader chose to see: what changed, and the marks it puts on the text. */
export interface AppliedUpdate {
  readonly diff: StoryDiff;
  readonly decorate: DecorateBlock;
  /** The new version's `updated`, when it has one. */
  readonly updated: string | undefined;
  /** The reader closed "What changed" (the marks in the text stay). */
  readonly closed: boolean;
}

/** What changed between the story on screen and a newer version; undefined when a reader would see no difference. */
export function compare(shown: Article, next: Article): StoryDiff | undefined {
  const diff = diffStories(shown, next);
  return countChanges(diff) === 0 ? undefined : diff;
}

/** Puts "(Updated)" before the tab's title while an update waits; returns what takes it off again. */
export function markTitle(): () => void {
  document.title = `(Updated) ${document.title}`;
  return () => {
    document.title = document.title.replace(/^\(Updated\) /, '');
  };
}

/** "This story was updated at 16:05 GMT.", from the new version's own `updated`. */
export function messageFor(shown: Article, next: Article): string {
  const { updated } = next;
  const time = updated && isLater(updated, shown.updated ?? shown.published) ? formatTime(updated) : '';
  return time ? `This story was updated at ${time}.` : 'This story has been updated.';
}

/**
 * The reader chose to see the update: measures their place now, and returns the update to apply
 * with what to do once the new version is laid out (put the place back, focus "What changed").
 */
export function applyUpdate(shown: Article, next: Article, diff: StoryDiff, summary: RefObject<HTMLElement | null>): { update: AppliedUpdate; afterSwap: () => void } {
  const main = document.getElementById('main');
  // The one place this page measures: the reader's own scroll position.
  const place = main ? placeOf(main) : null;
  const lengths = { before: shown.body.length, after: next.body.length };
  return {
    update: { diff, decorate: blockMarks(diff), updated: next.updated, closed: false },
    afterSwap: () => {
      if (main && place) restorePlace(main, place, diff, lengths);
      summary.current?.focus({ preventScroll: true });
    },
  };
}
