import type { Problem } from './analyzeDraft';
import styles from './ProblemList.module.css';

/** A list of thousands helps nobody, and rendering it would slow the page down. */
const SHOWN_AT_MOST = 200;

interface ProblemListProps {
  readonly problems: readonly Problem[] | null;
  readonly onChoose: (problem: Problem) => void;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function problemSummary(problems: readonly Problem[] | null): string {
  if (problems === null) return 'Checking the draft…';
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return 'No problems: the reader shows all of this draft.';
  if (errors === 0) return `${plural(warnings, 'warning')}; the draft can be shown.`;
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')}; the draft cannot be shown until the errors are fixed.`;
}

/** Every problem with its JSON path and place; choosing one takes the cursor there. */
export function ProblemList({ problems, onChoose }: ProblemListProps) {
  const shown = problems?.slice(0, SHOWN_AT_MOST) ?? [];
  return (
    <>
      <p className={styles.summary} role="status">
        {problemSummary(problems)}
      </p>
      {shown.length > 0 ? (
        <ol className={styles.list} aria-label="Problems, errors first">
          {shown.map((problem, index) => (
            <li key={`${problem.severity}-${problem.path}-${index}`}>
              <button type="button" className={styles.problem} data-severity={problem.severity} onClick={() => onChoose(problem)}>
                <span className={styles.severity}>{problem.severity === 'error' ? 'Error' : 'Warning'}</span>{' '}
                <code className={styles.path}>{problem.path}</code>{' '}
                <span className={styles.place}>
                  line {problem.line}, column {problem.column}
                </span>{' '}
                <span className={styles.message}>{problem.message}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : null}
      {problems && problems.length > shown.length ? (
        <p className={styles.more}>…and {problems.length - shown.length} more, shown as the first ones are fixed.</p>
      ) : null}
    </>
  );
}
