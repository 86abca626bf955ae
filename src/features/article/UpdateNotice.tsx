import type { ReactNode } from 'react';
import buttons from '../../ui/Button.module.css';
import styles from './UpdateNotice.module.css';

interface UpdateNoticeProps {
  /** What the live region says: once, when a newer version is held aside; empty otherwise. */
  readonly message: string;
  /** Its controls: "Show the update", or "What changed" after it. */
  readonly children?: ReactNode;
}

/**
 * The dock at the foot of the screen where the reader hears of a newer version. It sits after the
 * story in the page (so it pushes nothing the reader is reading) and, while there is something
 * to say, stays in view at the bottom edge. Its live region is always in the page, empty, so
 * that screen readers announce the message when it is written into it.
 */
export function UpdateNotice({ message, children }: UpdateNoticeProps) {
  const open = message !== '' || children !== undefined;
  return (
    <div className={styles.dock} data-open={open || undefined}>
      <p role="status" className={message ? styles.message : undefined}>
        {message}
      </p>
      {children}
    </div>
  );
}

export function ShowUpdateButton({ onClick }: { readonly onClick: () => void }) {
  return (
    <button type="button" className={buttons.button} onClick={onClick}>
      Show the update
    </button>
  );
}
