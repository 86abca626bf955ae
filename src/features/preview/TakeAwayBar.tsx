import { useId, useState } from 'react';
import buttons from '../../ui/Button.module.css';
import { shareLinkFor } from './shareLink';
import styles from './PreviewPage.module.css';

interface TakeAwayBarProps {
  readonly getText: () => string;
  /** The slug of a draft with no fatal problem, which can be published; null otherwise. */
  readonly publishable: string | null;
}

/** The command that publishes a downloaded draft (`npm run publish` takes paths to story files). */
export const publishCommand = (slug: string): string => `npm run publish -- ${slug}.json`;

type ShareState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working' }
  | { readonly kind: 'link'; readonly url: string; readonly copied: boolean }
  | { readonly kind: 'too-large'; readonly length: number; readonly limit: number }
  | { readonly kind: 'failed' };

/** The slug the draft names, for the file name; a draft that names none is "draft.json". */
export function draftFileName(text: string): string {
  const slug = /"slug"\s*:\s*"([a-z0-9]+(?:-[a-z0-9]+)*)"/.exec(text)?.[1];
  return `${slug ?? 'draft'}.json`;
}

function download(text: string): string {
  const name = draftFileName(text);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download starts after this turn of the event loop.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

const number = new Intl.NumberFormat('en-GB');

/** Taking the draft away: as a file, or as a link that carries it. */
export function TakeAwayBar({ getText, publishable }: TakeAwayBarProps) {
  const [share, setShare] = useState<ShareState>({ kind: 'idle' });
  const [commandCopied, setCommandCopied] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const ids = useId();

  const makeLink = async () => {
    setShare({ kind: 'working' });
    try {
      const link = await shareLinkFor(getText(), new URL('/preview', window.location.href).href);
      if (!link.ok) {
        setShare({ kind: 'too-large', length: link.length, limit: link.limit });
        return;
      }
      let copied = false;
      try {
        await navigator.clipboard.writeText(link.url);
        copied = true;
      } catch {
        // No clipboard here (a policy, an insecure page): the link is shown to copy by hand.
      }
      setShare({ kind: 'link', url: link.url, copied });
    } catch {
      setShare({ kind: 'failed' });
    }
  };

  const copyCommand = async (command: string) => {
    try {
      await navigator.clipboard.writeText(command);
      setCommandCopied(command);
    } catch {
      // No clipboard here: the command is on screen to select by hand.
      setCommandCopied(null);
    }
  };

  return (
    <div className={styles.takeAway}>
      <div className={styles.inline}>
        <button type="button" className={buttons.secondary} onClick={() => setDownloaded(download(getText()))}>
          Download
        </button>
        <button type="button" className={buttons.secondary} onClick={() => void makeLink()} aria-disabled={share.kind === 'working'}>
          {share.kind === 'working' ? 'Making the link…' : 'Copy share link'}
        </button>
      </div>
      {publishable ? (
        <div className={styles.publish}>
          <p className={styles.fieldLabel}>
            To publish it, download it, then run:
          </p>
          <div className={styles.inline}>
            <code className={styles.command}>
              {publishCommand(publishable)}
            </code>
            <button type="button" className={buttons.secondary} onClick={() => void copyCommand(publishCommand(publishable))}>
              Copy command
            </button>
          </div>
        </div>
      ) : (
        <p className={styles.editorStatus}>Fix the errors to see the command that publishes the draft.</p>
      )}
      <div role="status" className={styles.takeAwayStatus}>
        {commandCopied && publishable && commandCopied === publishCommand(publishable) ? <p>Command copied.</p> : null}
        {downloaded ? <p>Downloaded as {downloaded}.</p> : null}
        {share.kind === 'link' ? (
          <p>
            {share.copied ? 'Link copied. ' : 'Copy the link below. '}It holds the whole draft ({number.format(share.url.length)} characters), so
            anyone who has it can read the draft.
          </p>
        ) : null}
        {share.kind === 'failed' ? <p>The link could not be made in this browser. Download the draft instead.</p> : null}
      </div>
      {share.kind === 'too-large' ? (
        <p role="alert" className={styles.alert}>
          This draft is too large for a link: it needs {number.format(share.length)} characters, and a link that is sent around safely
          holds at most {number.format(share.limit)}. Download it and send the file instead.
        </p>
      ) : null}
      {share.kind === 'link' ? (
        <div className={styles.linkField}>
          <label htmlFor={`${ids}-link`} className={styles.fieldLabel}>
            Share link
          </label>
          <input
            id={`${ids}-link`}
            className={styles.linkInput}
            type="url"
            readOnly
            value={share.url}
            onFocus={(event) => event.target.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
