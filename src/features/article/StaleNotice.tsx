import { formatDateString } from '../../content/dates';
import buttons from '../../ui/Button.module.css';
import styles from './StaleNotice.module.css';

interface StaleNoticeProps {
  readonly onRetry: () => void;
  readonly retrying: boolean;
  /** When the copy on screen was saved for offline reading, if it is such a copy. */
  readonly savedAt?: string | undefined;
}

function savedWhen(savedAt: string): string {
  // The saved time is the reader's own device's: shown in UTC it reads the same everywhere.
  const minute = savedAt.slice(0, 16);
  return formatDateString(`${minute}Z`) || 'earlier';
}

/**
 * The story on screen may be out of date: a refresh failed, or the network is down and this is
 * the copy saved for offline reading. Either way the reader keeps reading, and is told, once.
 */
export function StaleNotice({ onRetry, retrying, savedAt }: StaleNoticeProps) {
  return (
    <div className={styles.notice} role="status">
      <p>
        {savedAt
          ? `The newsroom can’t be reached, so this is the copy of the story saved on ${savedWhen(savedAt)}. It will update when the connection is back.`
          : 'We couldn’t check for a newer version of this story. You are reading the copy already loaded.'}
      </p>
      <button
        type="button"
        className={buttons.secondary}
        aria-disabled={retrying}
        onClick={() => {
          if (!retrying) onRetry();
        }}
      >
        {retrying ? 'Checking…' : 'Check again'}
      </button>
    </div>
  );
}
