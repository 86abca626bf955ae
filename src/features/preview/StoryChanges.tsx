import type { ReactNode } from 'react';
import type { Block } from '../../content/schema';
import type { BlockChange, CorrectionChange, FieldChange, FieldName, ItemChange, ItemFieldChange, StoryDiff, TagChange, WordChange } from '../../content/storyDiff';
import { countChanges } from '../../content/storyDiff';
import styles from './StoryChanges.module.css';

export type ChangesState =
  | { readonly kind: 'unpublished' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly diff: StoryDiff };

interface StoryChangesProps {
  readonly state: ChangesState;
  /** Takes the editor's cursor to a path of the draft. */
  readonly onChoose: (path: string) => void;
}

const FIELD_NAMES: Record<FieldName, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  section: 'Section',
  dateline: 'Dateline',
  byline: 'Byline',
  'source.name': 'Source',
  'source.syndicatedBy': 'Syndicated by',
  'source.note': 'Syndication note',
  'image.src': 'Lead image',
  'image.alt': 'Lead image’s alt text',
  'image.caption': 'Lead image’s caption',
  'image.credit': 'Lead image’s credit',
  'image.width': 'Lead image’s width',
  'image.height': 'Lead image’s height',
  published: 'Published date',
  updated: 'Updated date',
};

const BLOCK_NAMES: Record<Block['type'], string> = { paragraph: 'Paragraph', heading: 'Heading', quote: 'Quote' };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Words added and removed, as `ins` and `del`, each also said in words for screen readers. */
function Words({ changes }: { readonly changes: readonly WordChange[] }) {
  return (
    <p className={styles.words}>
      {changes.map((change, index) =>
        change.kind === 'same' ? (
          change.text
        ) : change.kind === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {change.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {change.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}

interface Entry {
  readonly key: string;
  readonly kind: 'added' | 'removed' | 'edited';
  readonly title: string;
  readonly path: string;
  readonly detail: ReactNode;
}

const blockTextOf = (block: Block) => (block.type === 'quote' && block.attribution ? `${block.text} — ${block.attribution}` : block.text);

function blockEntry(change: BlockChange, index: number): Entry {
  if (change.kind === 'edited') {
    const name = BLOCK_NAMES[change.after.type];
    const title = change.typeChanged ? `${BLOCK_NAMES[change.before.type]} ${change.beforeIndex + 1} edited, now a ${name.toLowerCase()}` : `${name} ${change.afterIndex + 1} edited`;
    return { key: `body-${index}`, kind: 'edited', title, path: change.path, detail: <Words changes={change.words} /> };
  }
  if (change.kind === 'added') {
    return {
      key: `body-${index}`,
      kind: 'added',
      title: `${BLOCK_NAMES[change.block.type]} ${change.afterIndex + 1} added`,
      path: change.path,
      detail: <Words changes={[{ kind: 'added', text: blockTextOf(change.block) }]} />,
    };
  }
  return {
    key: `body-${index}`,
    kind: 'removed',
    title: `${BLOCK_NAMES[change.block.type]} ${change.beforeIndex + 1} of the published story removed`,
    path: change.path,
    detail: <Words changes={[{ kind: 'removed', text: blockTextOf(change.block) }]} />,
  };
}

function fieldEntry(change: FieldChange): Entry {
  const name = FIELD_NAMES[change.field];
  const words: readonly WordChange[] =
    change.words ??
    [
      ...(change.before !== undefined ? [{ kind: 'removed' as const, text: change.before }] : []),
      ...(change.before !== undefined && change.after !== undefined ? [{ kind: 'same' as const, text: ' → ' }] : []),
      ...(change.after !== undefined ? [{ kind: 'added' as const, text: change.after }] : []),
    ];
  return { key: `field-${change.field}`, kind: change.kind, title: `${name} ${change.kind}`, path: change.path, detail: <Words changes={words} /> };
}

function FieldList({ fields }: { readonly fields: readonly ItemFieldChange[] }) {
  return (
    <ul className={styles.fields}>
      {fields.map((field) => (
        <li key={field.field}>
          <code>{field.field}</code>:{' '}
          {field.before !== undefined ? (
            <del>
              <span className="visually-hidden">[was: </span>
              {field.before}
              <span className="visually-hidden">]</span>
            </del>
          ) : null}
          {field.before !== undefined && field.after !== undefined ? ' → ' : null}
          {field.after !== undefined ? (
            <ins>
              <span className="visually-hidden">[now: </span>
              {field.after}
              <span className="visually-hidden">]</span>
            </ins>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function itemEntry<T>(change: ItemChange<T>, what: 'Person' | 'Event'): Entry {
  const key = `${what}-${change.id}`;
  if (change.kind === 'changed') {
    return { key, kind: 'edited', title: `${what} changed: ${change.label}`, path: change.path, detail: <FieldList fields={change.fields} /> };
  }
  return { key, kind: change.kind, title: `${what} ${change.kind}: ${change.label}`, path: change.path, detail: null };
}

const tagEntry = (change: TagChange): Entry => ({ key: `tag-${change.kind}-${change.tag}`, kind: change.kind, title: `Tag ${change.kind}: ${change.tag}`, path: change.path, detail: null });

const correctionEntry = (change: CorrectionChange, index: number): Entry => ({
  key: `correction-${change.kind}-${index}`,
  kind: change.kind,
  title: `Correction ${change.kind}: ${change.correction.text}`,
  path: change.path,
  detail: null,
});

function summary(diff: StoryDiff): string {
  const count = countChanges(diff);
  if (count === 0) return 'The same as the published story.';
  const body = diff.body.length > 0 ? [plural(diff.body.length, 'change') + ' in the text'] : [];
  const rest = [
    ...body,
    ...(diff.fields.length > 0 ? [plural(diff.fields.length, 'field')] : []),
    ...(diff.people.length > 0 ? [plural(diff.people.length, 'person')].map((text) => text.replace('persons', 'people')) : []),
    ...(diff.timeline.length > 0 ? [plural(diff.timeline.length, 'event')] : []),
    ...(diff.tags.length > 0 ? [plural(diff.tags.length, 'tag')] : []),
    ...(diff.corrections.length > 0 ? [plural(diff.corrections.length, 'correction')] : []),
  ];
  return `${plural(count, 'change')} from the published story: ${rest.join(', ')}.`;
}

/** What the draft changes in the published story of the same slug; choosing a change takes the cursor to it. */
export function StoryChanges({ state, onChoose }: StoryChangesProps) {
  if (state.kind !== 'ready') {
    const message =
      state.kind === 'unpublished'
        ? 'No published story has this draft’s slug: there is nothing to compare it with.'
        : state.kind === 'loading'
          ? 'Comparing with the published story…'
          : `The published story could not be compared: ${state.message}`;
    return (
      <p className={styles.summary} role="status">
        {message}
      </p>
    );
  }
  const { diff } = state;
  const entries: Entry[] = [
    ...diff.fields.filter((change) => change.group !== 'dates').map(fieldEntry),
    ...diff.body.map(blockEntry),
    ...diff.people.map((change) => itemEntry(change, 'Person')),
    ...diff.timeline.map((change) => itemEntry(change, 'Event')),
    ...diff.tags.map(tagEntry),
    ...diff.corrections.map(correctionEntry),
    ...diff.fields.filter((change) => change.group === 'dates').map(fieldEntry),
  ];
  return (
    <>
      <p className={styles.summary} role="status">
        {summary(diff)}
        {diff.bodyRewritten ? ' The text is too different to compare paragraph by paragraph.' : ''}
      </p>
      {entries.length > 0 ? (
        <ol className={styles.list} aria-label="Changes">
          {entries.map((entry) => (
            <li key={entry.key} className={styles.change} data-kind={entry.kind}>
              <button type="button" className={styles.choose} onClick={() => onChoose(entry.path)}>
                <span className={styles.title}>{entry.title}</span> <code className={styles.path}>{entry.path}</code>
              </button>
              {entry.detail}
            </li>
          ))}
        </ol>
      ) : null}
    </>
  );
}
