/**
 * A shared filter link (?person=…) is narrowed before the app starts: src/boot.js (inline, run before
 * the first paint) copies the person onto <html>, and rules the build puts in the page's head
 * (`firstPaintFilterStyle`) hide the events without that person's class and show that person's
 * status line, prerendered hidden beside the full list's. The app removes both once it has
 * rendered the page itself; from then on React narrows the list, item by memoised item, and a
 * change of person redraws only the items it shows or hides, the status line and two cards.
 */
import type { Article } from '../../content/schema';

/** On <html>, set by boot.js from the address, until the app starts. */
export const PERSON_ATTRIBUTE = 'data-person';
export const FIRST_PAINT_STYLE_ID = 'first-paint-filter';

/** Ids are slugs (src/content/schema.ts); anything else could not be quoted safely in a selector. */
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The people a filter can choose (one with no events narrows the list to none, as the URL asks). */
export function filterablePeople(article: Article): string[] {
  return (article.people ?? []).map((person) => person.id).filter((id) => SAFE_ID.test(id));
}

/** The class an event carries for each of its people, which the first paint's rules match. */
export const withPerson = (id: string): string => `with-${id}`;

/**
 * For the page's head (the build's, scripts/site/renderer.ts): the rules for the first paint, keyed
 * on <html> (the events, and which status line shows), and the note a reader without JavaScript sees.
 */
export function firstPaintFilterStyle(article: Article): string {
  const rules = filterablePeople(article)
    .map((id) => {
      const chosen = `html[${PERSON_ATTRIBUTE}="${id}"]`;
      return (
        `${chosen} #timeline-events>li:not([data-story],.${withPerson(id)}),${chosen} [data-filter-live]{display:none}` +
        `${chosen} [data-filter-for="${id}"]{display:flex}`
      );
    })
    .join('');
  // Without JavaScript, ?person=… narrows nothing: the page says so where the filter's status is.
  const noScript =
    '<noscript><style>[data-filter-live]::after{content:"Without JavaScript, every event is listed, whoever the link chose.";flex-basis:100%}</style></noscript>';
  return (rules === '' ? '' : `<style id="${FIRST_PAINT_STYLE_ID}">${rules}</style>`) + noScript;
}

/** Once the app has rendered the page, the list follows the URL through React: boot.js's copy goes. */
export function retireFirstPaintFilter(): void {
  document.documentElement.removeAttribute(PERSON_ATTRIBUTE);
  document.getElementById(FIRST_PAINT_STYLE_ID)?.remove();
}
