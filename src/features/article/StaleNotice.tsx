import buttons from '../../ui/Button.module.css';
import styles from './StaleNotice.module.css';

interface StaleNoticeProps {
  readonly onRetry: () => void;
  readonly retrying: boolean;
}

/** A story already read stays readable when a refresh fails; the reader is told, once. */
export function StaleNotice({ onRetry, retrying }: StaleNoticeProps) {
  return (
    <div className={styles.notice} role="status">
      <p>We couldn’t check for a newer version of this story. You are reading the copy already loaded.</p>
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
