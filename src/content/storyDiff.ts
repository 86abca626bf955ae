/**
 * What changed between two versions of a story: the project's one diff engine. The editors'
 * preview compares a draft with the published story; the reader's "What changed" after a live
 * update compares the story it showed with the one that arrived. It knows nothing of React.
 *
 * ```ts
 * const diff = diffStories(published, draft);
 * countChanges(diff);        // 0 when nothing a reader would see differs
 * diff.body;                 // paragraphs added, removed and edited (with word-level changes)
 * diff.fields;               // headline, standfirst, credit, image and dates, each with its JSON path
 * diff.people; diff.timeline; diff.tags; diff.corrections;
 * ```
 *
 * How the body is compared: first block by block (jsdiff's `diffArrays`), then, inside each run of
 * removed and added blocks, a block is paired with one that reads mostly the same (see
 * `EDITED_SIMILARITY`), so that a paragraph with a word changed is "edited", not "removed" and
 * "added"; then the words inside an edited block (jsdiff's `diffWords`).
 *
 * Every change has a `path`: a JSON path in `after` (`$.body[3]`, `$.people[1].role`), where the
 * change can be seen. A removal has no place in `after`: its path is the item now in its place, or
 * the list (or the story) it was removed from. Indexes are those of the parsed stories: the parser
 * leaves broken items out, so a caller holding the raw JSON maps them back (see the preview).
 *
 * People and events are matched by `id`, tags by their text, corrections by their date and text. Order is not compared: the reader
 * orders events by date, and a story whose people only changed places reads the same.
 */
import { diffArrays, diffWords } from 'diff';
import type { Article, Block, Correction, Person, TimelineEvent } from './schema';

export type WordChangeKind = 'same' | 'added' | 'removed';

/** A run of words in an edited text: kept, added or removed (spaces included as written). */
export interface WordChange {
  readonly kind: WordChangeKind;
  readonly text: string;
}

export type FieldGroup = 'header' | 'credit' | 'image' | 'dates';

/** The story's own fields, by their JSON path's name. */
export type FieldName =
  | 'headline'
  | 'standfirst'
  | 'section'
  | 'dateline'
  | 'byline'
  | 'source.name'
  | 'source.syndicatedBy'
  | 'source.note'
  | 'image.src'
  | 'image.alt'
  | 'image.caption'
  | 'image.credit'
  | 'image.width'
  | 'image.height'
  | 'published'
  | 'updated';

export interface FieldChange {
  readonly kind: 'added' | 'removed' | 'edited';
  readonly field: FieldName;
  readonly group: FieldGroup;
  readonly path: string;
  readonly before?: string;
  readonly after?: string;
  /** For an edited text (not a date nor a number): the words changed inside it. */
  readonly words?: readonly WordChange[];
}

export type BlockChange =
  | { readonly kind: 'added'; readonly path: string; readonly afterIndex: number; readonly block: Block }
  | { readonly kind: 'removed'; readonly path: string; readonly beforeIndex: number; readonly block: Block }
  | {
      readonly kind: 'edited';
      readonly path: string;
      readonly beforeIndex: number;
      readonly afterIndex: number;
      readonly before: Block;
      readonly after: Block;
      /** The words changed in the text (and, for a quote, in its attribution, after a line break). */
      readonly words: readonly WordChange[];
      /** Set when the block changed type (a paragraph became a quote). */
      readonly typeChanged: boolean;
    };

/** One field of a person or an event, as text: a list is its items joined with ", ". */
export interface ItemFieldChange {
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
}

export type ItemChange<T> =
  | { readonly kind: 'added'; readonly id: string; readonly label: string; readonly path: string; readonly item: T }
  | { readonly kind: 'removed'; readonly id: string; readonly label: string; readonly path: string; readonly item: T }
  | {
      readonly kind: 'changed';
      readonly id: string;
      readonly label: string;
      readonly path: string;
      readonly before: T;
      readonly after: T;
      /** Which fields changed, in the contract's order. */
      readonly fields: readonly ItemFieldChange[];
    };

export interface TagChange {
  readonly kind: 'added' | 'removed';
  readonly tag: string;
  readonly path: string;
}

/** A correction is never edited in place: a changed one reads as one removed and one added. */
export interface CorrectionChange {
  readonly kind: 'added' | 'removed';
  readonly correction: Correction;
  readonly path: string;
}

export interface StoryDiff {
  readonly fields: readonly FieldChange[];
  readonly body: readonly BlockChange[];
  /**
   * True when the bodies differ too much to compare block by block in reasonable time (more than
   * `MAX_BODY_EDITS` blocks added or removed): `body` then lists every block as removed and added.
   */
  readonly bodyRewritten: boolean;
  readonly people: readonly ItemChange<Person>[];
  readonly timeline: readonly ItemChange<TimelineEvent>[];
  readonly tags: readonly TagChange[];
  readonly corrections: readonly CorrectionChange[];
}

/**
 * Two blocks read "mostly the same", and one is taken for an edit of the other, when at least
 * this share of their words are common (Dice's coefficient over the words, counted with repeats).
 */
export const EDITED_SIMILARITY = 0.5;
/** Past this many blocks added and removed, the body is not compared block by block. */
export const MAX_BODY_EDITS = 2000;
/** Past this many removed × added blocks in one run, blocks are not paired as edits (it is quadratic). */
const MAX_PAIRING_CELLS = 250_000;

// ---------------------------------------------------------------------------------------------
// Text

function wordChanges(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Dice's coefficient over the words of two texts: 1 for the same words, 0 for none in common. */
export function textSimilarity(a: string, b: string): number {
  const left = wordCounts(a);
  const right = wordCounts(b);
  let total = 0;
  let common = 0;
  for (const count of left.values()) total += count;
  for (const [word, count] of right) {
    total += count;
    common += Math.min(count, left.get(word) ?? 0);
  }
  return total === 0 ? (a === b ? 1 : 0) : (2 * common) / total;
}

// ---------------------------------------------------------------------------------------------
// Body

const blockText = (block: Block): string => (block.type === 'quote' && block.attribution ? `${block.text}\n${block.attribution}` : block.text);
const sameBlock = (a: Block, b: Block): boolean => a.type === b.type && blockText(a) === blockText(b);

interface Positioned {
  readonly block: Block;
  readonly index: number;
}

type Step = { kind: 'pair'; removed: Positioned; added: Positioned } | { kind: 'removed'; item: Positioned } | { kind: 'added'; item: Positioned };

/**
 * Pairs removed blocks with added ones that read mostly the same, keeping their order (an edit
 * never pairs across another pair), choosing the pairing with the most similarity in all.
 */
function pairRun(removed: readonly Positioned[], added: readonly Positioned[]): Step[] {
  const r = removed.length;
  const a = added.length;
  if (r === 0 || a === 0 || r * a > MAX_PAIRING_CELLS) {
    return [...removed.map((item): Step => ({ kind: 'removed', item })), ...added.map((item): Step => ({ kind: 'added', item }))];
  }
  const similarity = removed.map((left) => added.map((right) => textSimilarity(blockText(left.block), blockText(right.block))));
  // best[i][j]: the most total similarity pairing removed[i..] with added[j..].
  const best = Array.from({ length: r + 1 }, () => new Float64Array(a + 1));
  for (let i = r - 1; i >= 0; i--) {
    const row = best[i];
    const below = best[i + 1];
    if (!row || !below) continue;
    for (let j = a - 1; j >= 0; j--) {
      const score = similarity[i]?.[j] ?? 0;
      const paired = score >= EDITED_SIMILARITY ? score + (below[j + 1] ?? 0) : -1;
      row[j] = Math.max(paired, below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < r && j < a) {
    const left = removed[i];
    const right = added[j];
    if (!left || !right) break;
    const score = similarity[i]?.[j] ?? 0;
    const here = best[i]?.[j] ?? 0;
    if (score >= EDITED_SIMILARITY && here === score + (best[i + 1]?.[j + 1] ?? 0)) {
      steps.push({ kind: 'pair', removed: left, added: right });
      i++;
      j++;
    } else if (here === (best[i + 1]?.[j] ?? 0)) {
      steps.push({ kind: 'removed', item: left });
      i++;
    } else {
      steps.push({ kind: 'added', item: right });
      j++;
    }
  }
  for (; i < r; i++) {
    const item = removed[i];
    if (item) steps.push({ kind: 'removed', item });
  }
  for (; j < a; j++) {
    const item = added[j];
    if (item) steps.push({ kind: 'added', item });
  }
  return steps;
}

function editedBlock(before: Positioned, after: Positioned): BlockChange {
  return {
    kind: 'edited',
    path: `$.body[${after.index}]`,
    beforeIndex: before.index,
    afterIndex: after.index,
    before: before.block,
    after: after.block,
    words: wordChanges(blockText(before.block), blockText(after.block)),
    typeChanged: before.block.type !== after.block.type,
  };
}

function diffBody(before: readonly Block[], after: readonly Block[]): { changes: BlockChange[]; rewritten: boolean } {
  const runs = diffArrays<Block>([...before], [...after], { comparator: sameBlock, maxEditLength: MAX_BODY_EDITS });
  const changes: BlockChange[] = [];
  // A removed block points at the block now in its place: the next one kept, added or edited.
  const emit = (steps: readonly Step[], hunkStart: number) => {
    let at = hunkStart;
    for (const step of steps) {
      if (step.kind === 'pair') {
        changes.push(editedBlock(step.removed, step.added));
        at = step.added.index + 1;
      } else if (step.kind === 'added') {
        changes.push({ kind: 'added', path: `$.body[${step.item.index}]`, afterIndex: step.item.index, block: step.item.block });
        at = step.item.index + 1;
      } else {
        changes.push({ kind: 'removed', path: at < after.length ? `$.body[${at}]` : '$.body', beforeIndex: step.item.index, block: step.item.block });
      }
    }
  };
  if (runs === undefined) {
    emit(pairRun(before.map((block, index) => ({ block, index })), []), 0);
    emit(pairRun([], after.map((block, index) => ({ block, index }))), 0);
    return { changes, rewritten: true };
  }

  let beforeAt = 0;
  let afterAt = 0;
  let removed: Positioned[] = [];
  let added: Positioned[] = [];
  // A hunk: the removed and added blocks between two unchanged runs.
  const flush = () => {
    if (removed.length > 0 || added.length > 0) emit(pairRun(removed, added), afterAt - added.length);
    removed = [];
    added = [];
  };
  for (const run of runs) {
    if (run.removed) {
      for (const block of run.value) removed.push({ block, index: beforeAt++ });
    } else if (run.added) {
      for (const block of run.value) added.push({ block, index: afterAt++ });
    } else {
      flush();
      beforeAt += run.count;
      afterAt += run.count;
    }
  }
  flush();
  return { changes, rewritten: false };
}

// ---------------------------------------------------------------------------------------------
// Fields

interface FieldSpec {
  readonly field: FieldName;
  readonly group: FieldGroup;
  readonly read: (article: Article) => string | number | undefined;
  /** Texts are compared word by word; dates and numbers are shown whole. */
  readonly text: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  { field: 'headline', group: 'header', read: (article) => article.headline, text: true },
  { field: 'standfirst', group: 'header', read: (article) => article.standfirst, text: true },
  { field: 'section', group: 'header', read: (article) => article.section, text: true },
  { field: 'dateline', group: 'header', read: (article) => article.dateline, text: true },
  { field: 'byline', group: 'credit', read: (article) => article.byline, text: true },
  { field: 'source.name', group: 'credit', read: (article) => article.source?.name, text: true },
  { field: 'source.syndicatedBy', group: 'credit', read: (article) => article.source?.syndicatedBy, text: true },
  { field: 'source.note', group: 'credit', read: (article) => article.source?.note, text: true },
  { field: 'image.src', group: 'image', read: (article) => article.image?.src, text: false },
  { field: 'image.alt', group: 'image', read: (article) => article.image?.alt, text: true },
  { field: 'image.caption', group: 'image', read: (article) => article.image?.caption, text: true },
  { field: 'image.credit', group: 'image', read: (article) => article.image?.credit, text: true },
  { field: 'image.width', group: 'image', read: (article) => article.image?.width, text: false },
  { field: 'image.height', group: 'image', read: (article) => article.image?.height, text: false },
  { field: 'published', group: 'dates', read: (article) => article.published, text: false },
  { field: 'updated', group: 'dates', read: (article) => article.updated, text: false },
];

/** Where a field can be seen in `after`: itself, or the nearest thing that is still there. */
function fieldPath(field: FieldName, after: Article, present: boolean): string {
  if (present) return `$.${field}`;
  const parent = field.split('.')[0] ?? field;
  return parent !== field && (after as Record<string, unknown>)[parent] !== undefined ? `$.${parent}` : '$';
}

function diffFields(before: Article, after: Article): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, group, read, text } of FIELDS) {
    const old = read(before);
    const now = read(after);
    if (old === now) continue;
    const path = fieldPath(field, after, now !== undefined);
    if (old === undefined) changes.push({ kind: 'added', field, group, path, after: String(now) });
    else if (now === undefined) changes.push({ kind: 'removed', field, group, path, before: String(old) });
    else {
      const edit: FieldChange = { kind: 'edited', field, group, path, before: String(old), after: String(now) };
      changes.push(text ? { ...edit, words: wordChanges(String(old), String(now)) } : edit);
    }
  }
  return changes;
}

// ---------------------------------------------------------------------------------------------
// People, events and tags

type Shown = string | number | readonly string[] | { readonly src: string; readonly alt: string } | undefined;

const show = (value: Shown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(', ');
  const image = value as { readonly src: string; readonly alt: string };
  return image.alt ? `${image.src} (${image.alt})` : image.src;
};

const PERSON_FIELDS = ['name', 'role', 'affiliation', 'aliases', 'nativeName', 'nativeLang', 'summary', 'image'] as const;
const EVENT_FIELDS = ['date', 'endDate', 'dateLabel', 'title', 'summary', 'people', 'status'] as const;

function changedFields<T>(before: T, after: T, fields: readonly (keyof T & string)[]): ItemFieldChange[] {
  const changes: ItemFieldChange[] = [];
  for (const field of fields) {
    const old = show(before[field] as Shown);
    const now = show(after[field] as Shown);
    if (old === now) continue;
    changes.push({ field, ...(old === undefined ? {} : { before: old }), ...(now === undefined ? {} : { after: now }) });
  }
  return changes;
}

function diffItems<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  list: 'people' | 'timeline',
  label: (item: T) => string,
  fields: readonly (keyof T & string)[],
): ItemChange<T>[] {
  const afterIndex = new Map(after.map((item, index) => [item.id, index]));
  const beforeIds = new Set(before.map((item) => item.id));
  const changes: ItemChange<T>[] = [];
  before.forEach((item, index) => {
    if (afterIndex.has(item.id)) return;
    // Where it was: the item now at its index, or the list.
    const path = index < after.length ? `$.${list}[${index}]` : after.length > 0 ? `$.${list}` : '$';
    changes.push({ kind: 'removed', id: item.id, label: label(item), path, item });
  });
  after.forEach((item, index) => {
    const path = `$.${list}[${index}]`;
    if (!beforeIds.has(item.id)) {
      changes.push({ kind: 'added', id: item.id, label: label(item), path, item });
      return;
    }
    const old = before.find((candidate) => candidate.id === item.id);
    if (!old) return;
    const changed = changedFields(old, item, fields);
    if (changed.length === 0) return;
    const only = changed.length === 1 ? changed[0]?.field : undefined;
    changes.push({ kind: 'changed', id: item.id, label: label(item), path: only ? `${path}.${only}` : path, before: old, after: item, fields: changed });
  });
  return changes;
}

function diffTags(before: readonly string[], after: readonly string[]): TagChange[] {
  const old = new Set(before);
  const now = new Set(after);
  const changes: TagChange[] = [];
  for (const tag of before) {
    if (!now.has(tag)) changes.push({ kind: 'removed', tag, path: after.length > 0 ? '$.tags' : '$' });
  }
  after.forEach((tag, index) => {
    if (!old.has(tag)) changes.push({ kind: 'added', tag, path: `$.tags[${index}]` });
  });
  return changes;
}

const correctionKey = (correction: Correction): string => `${correction.date}\n${correction.text}`;

function diffCorrections(before: readonly Correction[], after: readonly Correction[]): CorrectionChange[] {
  const old = new Set(before.map(correctionKey));
  const now = new Set(after.map(correctionKey));
  const changes: CorrectionChange[] = [];
  for (const correction of before) {
    if (!now.has(correctionKey(correction))) changes.push({ kind: 'removed', correction, path: after.length > 0 ? '$.corrections' : '$' });
  }
  after.forEach((correction, index) => {
    if (!old.has(correctionKey(correction))) changes.push({ kind: 'added', correction, path: `$.corrections[${index}]` });
  });
  return changes;
}

// ---------------------------------------------------------------------------------------------

/** Everything a reader would see differ between `before` and `after`. */
export function diffStories(before: Article, after: Article): StoryDiff {
  const body = diffBody(before.body, after.body);
  return {
    fields: diffFields(before, after),
    body: body.changes,
    bodyRewritten: body.rewritten,
    people: diffItems(before.people ?? [], after.people ?? [], 'people', (person) => person.name, PERSON_FIELDS),
    timeline: diffItems(before.timeline ?? [], after.timeline ?? [], 'timeline', (event) => event.title, EVENT_FIELDS),
    tags: diffTags(before.tags ?? [], after.tags ?? []),
    corrections: diffCorrections(before.corrections ?? [], after.corrections ?? []),
  };
}

/** How many changes a diff lists: a field, a block, a person, an event, a tag or a correction each count one. */
export function countChanges(diff: StoryDiff): number {
  return diff.fields.length + diff.body.length + diff.people.length + diff.timeline.length + diff.tags.length + diff.corrections.length;
}
