import layout from './ArticleView.module.css';
import styles from './ArticleSkeleton.module.css';

/** Holds the space of the story while it loads, in the same grid, so nothing jumps when it arrives. */
export function ArticleSkeleton() {
  return (
    <div className={layout.layout} aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading the story…
      </p>
      <div className={`${layout.header} ${styles.stack}`} aria-hidden="true">
        <span className={styles.kicker} />
        <span className={styles.headline} />
        <span className={styles.standfirst} />
        <span className={styles.meta} />
      </div>
      <div className={`${layout.people} ${styles.stack}`} aria-hidden="true">
        <span className={styles.card} />
        <span className={styles.card} />
      </div>
      <div className={`${layout.body} ${styles.stack}`} aria-hidden="true">
        <span className={styles.paragraph} />
        <span className={styles.paragraph} />
        <span className={styles.paragraph} />
      </div>
    </div>
  );
}
