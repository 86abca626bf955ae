import { useEffect, useState, useSyncExternalStore } from 'react';
import { siteAddress } from './siteAddress';
import styles from './ShareButton.module.css';

const COARSE = '(pointer: coarse)';

function subscribePointer(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(COARSE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** A phone or tablet with the system share sheet; a desktop (even one with the API) copies the link. */
function canUseShareSheet(): boolean {
  return typeof navigator.share === 'function' && typeof window.matchMedia === 'function' && window.matchMedia(COARSE).matches;
}

const serverCanShare = (): boolean => false;

const CONFIRMATION_MS = 4000;
const COPIED = 'Link copied';

interface ShareButtonProps {
  /** What is shared, to finish the button's name: "this story", "Ron Dermer’s card". */
  readonly what: string;
  /** The title offered to the share sheet. */
  readonly title: string;
  /** The path on this site to link to, e.g. the story's own (not the preview's). */
  readonly path: string;
  /** The id of the part of the page to link to; none for the page itself. */
  readonly fragment?: string;
  /** "text" shows Share / Copy link beside the icon where there is room (not on a phone); "icon" is the icon alone. */
  readonly variant?: 'text' | 'icon';
  readonly className?: string;
  /**
   * For a long list of buttons: says what happened through the list's one live region instead of
   * the button's own (a region per button was 2,000 of them on a long timeline). Called with ""
   * as each attempt starts, so that the same message is heard again. The message still shows
   * beside the button.
   */
  readonly announce?: (message: string) => void;
}

/**
 * Shares a link to the page or to a part of it: the system share sheet on a touch device that
 * has one, "Copy link" everywhere else, confirmed on screen and, politely, to screen readers.
 */
export function ShareButton({ what, title, path, fragment, variant = 'icon', className, announce }: ShareButtonProps) {
  const shareSheet = useSyncExternalStore(subscribePointer, canUseShareSheet, serverCanShare);
  // What the button last said ("Link copied"); "" for nothing.
  const [message, setMessage] = useState('');
  const label = shareSheet ? `Share ${what}` : `Copy link to ${what}`;
  const say = (words: string) => {
    setMessage(words);
    announce?.(words);
  };

  useEffect(() => {
    if (message === '') return;
    const timer = window.setTimeout(() => setMessage(''), CONFIRMATION_MS);
    return () => window.clearTimeout(timer);
  }, [message]);

  const share = async () => {
    const url = siteAddress(path, fragment);
    say('');
    if (shareSheet) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // The reader closed the sheet: nothing to do. Any other refusal falls back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      say(COPIED);
    } catch {
      say(`Couldn’t copy the link. Here it is: ${url}`);
    }
  };

  return (
    <span className={`${styles.share} ${className ?? ''}`} data-variant={variant}>
      <button
        type="button"
        className={styles.button}
        aria-label={label}
        title={variant === 'icon' ? label : undefined}
        onClick={() => void share()}
      >
        {message === COPIED ? CHECK_ICON : shareSheet ? SHARE_ICON : LINK_ICON}
        {variant === 'text' ? <span className={styles.label}>{shareSheet ? 'Share' : 'Copy link'}</span> : null}
      </button>
      {announce && message === '' ? null : (
        <span className={styles.status} role={announce ? undefined : 'status'}>
          {message}
        </span>
      )}
    </span>
  );
}

// Elements made once, not components: one fiber fewer in each of the thousands of buttons a long timeline has.
const icon = (d: string) => (
  <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);
const SHARE_ICON = icon('M12 3v12M7.5 7.5 12 3l4.5 4.5M6 11H5v10h14V11h-1');
const LINK_ICON = icon('M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.6 6M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.6-1.6');
const CHECK_ICON = icon('M4.5 12.5 9.5 17.5 19.5 6.5');
