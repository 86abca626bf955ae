import { correctionsInOrder } from '../../content/corrections';
import { formatDateString } from '../../content/dates';
import type { Correction } from '../../content/schema';
import styles from './Corrections.module.css';
import { CORRECTIONS_HEADING_ID } from './lazyCorrections';

/**
 * What the story got wrong, said where a reader who finished it will see it: each correction with
 * the time it was made, in the order they were made. Loaded lazily (./lazyCorrections.ts).
 */
export function Corrections({ corrections }: { readonly corrections: readonly Correction[] }) {
  const ordered = correctionsInOrder({ corrections: [...corrections] });
  return (
    <section className={styles.corrections} aria-labelledby={CORRECTIONS_HEADING_ID}>
      <h2 id={CORRECTIONS_HEADING_ID} className={styles.heading}>
        Corrections
      </h2>
      <ul className={styles.list}>
        {ordered.map((correction, index) => (
          <li key={index}>
            <time dateTime={correction.date} className={styles.when}>
              {formatDateString(correction.date)}
            </time>{' '}
            {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
