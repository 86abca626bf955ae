import type { Person } from '../../content/schema';
import { initials, personAnchor } from './PersonCard';
import styles from './PeopleStrip.module.css';

/** A long cast would make the strip a second list of cards: past this many, one link leads to them all. */
export const STRIP_LIMIT = 8;

export const KEY_PEOPLE_ID = 'key-people';

/**
 * The key people in one line at the top of a story on a phone or tablet: a name each, linking to
 * the person's card, which comes after the body there. On a desktop the cards stand beside the
 * body and the strip is not shown (ArticleView.module.css).
 */
export function PeopleStrip({ people }: { readonly people: readonly Person[] }) {
  const shown = people.slice(0, STRIP_LIMIT);
  const more = people.length - shown.length;
  return (
    <nav className={styles.strip} aria-label="People in this story">
      <ul className={styles.list}>
        {shown.map((person) => (
          <li key={person.id}>
            <a className={styles.chip} href={`#${personAnchor(person.id)}`}>
              <span className={styles.initials} aria-hidden="true">
                {initials(person.name)}
              </span>
              {person.name}
            </a>
          </li>
        ))}
        {more > 0 ? (
          <li>
            <a className={styles.chip} href={`#${KEY_PEOPLE_ID}`}>
              All {people.length} people
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
