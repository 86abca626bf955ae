import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { articleUrl } from '../../content/contentBase';
import { fetchContentText } from '../../content/fetchContent';
import { indexQuery } from '../../content/queries';
import buttons from '../../ui/Button.module.css';
import { blankTemplate } from './blankTemplate';
import styles from './PreviewPage.module.css';

interface OpenDraftBarProps {
  /** Replaces the draft; `from` says where it came from, for the notice. */
  readonly onOpen: (text: string, from: string) => void;
  readonly onFile: (file: File) => void;
  readonly onFailure: (message: string) => void;
}

/** The ways to start a draft: a published story, the template, a file, or pasted JSON. */
export function OpenDraftBar({ onOpen, onFile, onFailure }: OpenDraftBarProps) {
  const index = useQuery(indexQuery());
  const [slug, setSlug] = useState('');
  const [loading, setLoading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const pasted = useRef<HTMLTextAreaElement>(null);
  const ids = useId();
  const stories = index.data?.articles ?? [];
  const chosen = slug || stories[0]?.slug || '';

  const openStory = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || loading) return;
    setLoading(true);
    try {
      // The file as published, byte for byte, so line and column match the feed's own file.
      const text = await fetchContentText(articleUrl(chosen));
      const headline = stories.find((story) => story.slug === chosen)?.headline ?? chosen;
      onOpen(text, `the published story “${headline}”`);
    } catch (error) {
      onFailure(`The story could not be opened: ${error instanceof Error ? error.message : 'the newsroom did not answer'}`);
    } finally {
      setLoading(false);
    }
  };

  const openPasted = (event: FormEvent) => {
    event.preventDefault();
    const text = pasted.current?.value ?? '';
    dialog.current?.close();
    if (pasted.current) pasted.current.value = '';
    if (text.trim() !== '') onOpen(text, 'the pasted JSON');
  };

  return (
    <div className={styles.openBar}>
      <form className={styles.storyForm} onSubmit={(event) => void openStory(event)}>
        <label htmlFor={`${ids}-story`} className={styles.fieldLabel}>
          Published story
        </label>
        <div className={styles.inline}>
          <select
            id={`${ids}-story`}
            className={styles.select}
            value={chosen}
            onChange={(event) => setSlug(event.target.value)}
            disabled={stories.length === 0}
          >
            {stories.length === 0 ? <option value="">{index.isError ? 'Stories could not be loaded' : 'Loading stories…'}</option> : null}
            {stories.map((story) => (
              <option key={story.slug} value={story.slug}>
                {story.headline}
              </option>
            ))}
          </select>
          <button type="submit" className={buttons.secondary} aria-disabled={loading || !chosen}>
            {loading ? 'Opening…' : 'Open story'}
          </button>
        </div>
      </form>
      <div className={styles.inline}>
        <button type="button" className={buttons.secondary} onClick={() => onOpen(blankTemplate(), 'a new story from the template')}>
          New from template
        </button>
        <button type="button" className={buttons.secondary} onClick={() => fileInput.current?.click()}>
          Open a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json,text/plain"
          hidden
          aria-label="JSON file to open"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            event.target.value = '';
          }}
        />
        <button type="button" className={buttons.secondary} onClick={() => dialog.current?.showModal()}>
          Paste JSON…
        </button>
      </div>
      <p className={styles.hint}>Or drop a .json file anywhere on this page.</p>

      <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${ids}-paste-title`}>
        <form className={styles.dialogForm} onSubmit={openPasted}>
          <h2 id={`${ids}-paste-title`} className={styles.dialogTitle}>
            Paste JSON
          </h2>
          <label htmlFor={`${ids}-paste`}>The story’s JSON; it replaces the draft (undo brings the draft back)</label>
          <textarea id={`${ids}-paste`} ref={pasted} className={styles.pasteArea} rows={12} spellCheck={false} />
          <div className={styles.inline}>
            <button type="submit" className={buttons.button}>
              Open pasted JSON
            </button>
            <button type="button" className={buttons.secondary} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
