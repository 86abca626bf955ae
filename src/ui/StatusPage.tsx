import type { ReactNode } from 'react';
import { useDocumentHead } from './useDocumentHead';
import styles from './StatusPage.module.css';

interface StatusPageProps {
  readonly title: string;
  readonly children: ReactNode;
  /** Actions: a retry button, a way back. */
  readonly actions?: ReactNode;
  readonly tone?: 'neutral' | 'error';
}

/** A whole-page message (not found, can't be shown, offline) that never leaves the page blank. */
export function StatusPage({ title, children, actions, tone = 'neutral' }: StatusPageProps) {
  useDocumentHead(title);
  return (
    <div className={styles.page} data-tone={tone}>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.body}>{children}</div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
