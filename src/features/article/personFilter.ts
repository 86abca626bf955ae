/**
 * The person filter is CSS: every event carries its people (`data-people`), the list carries the
 * chosen person (`data-person`), and a rule per person hides the events without them. A change of
 * person then changes one attribute, not two thousand list items, and React redraws only the
 * status line and the two cards concerned.
 *
 * Before the app starts, a link with `?person=…` is narrowed the same way: public/boot.js (run
 * before the first paint) copies the person onto <html>, and rules the build puts in the page's
 * head (`firstPaintFilterStyle`) narrow the list and show that person's status line, prerendered
 * hidden beside the full list's. The app removes both once it has rendered the page itself.
 */
import type { Article } from '../../content/schema';

/** On the timeline's list (set by React) and, until the app starts, on <html> (set by boot.js). */
export const PERSON_ATTRIBUTE = 'data-person';
export const FIRST_PAINT_STYLE_ID = 'first-paint-filter';

/** Ids are slugs (src/content/schema.ts); anything else could not be quoted safely in a selector. */
const SAFE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The people a filter can choose (one with no events narrows the list to none, as the URL asks). */
export function filterablePeople(article: Article): string[] {
  return (article.people ?? []).map((person) => person.id).filter((id) => SAFE_ID.test(id));
}

/** The rules the app's timeline carries: the list's own attribute, its children only (cheap to match). */
export function filterRules(article: Article): string {
  return filterablePeople(article)
    .map((id) => `ol[${PERSON_ATTRIBUTE}="${id}"]>li[data-people]:not([data-people~="${id}"]){display:none}`)
    .join('');
}

/**
 * For the page's head (the build's, scripts/site/renderer.ts): the rules for the first paint, keyed
 * on <html> (the events, and which status line shows), and the note a reader without JavaScript sees.
 */
export function firstPaintFilterStyle(article: Article): string {
  const rules = filterablePeople(article)
    .map((id) => {
      const chosen = `html[${PERSON_ATTRIBUTE}="${id}"]`;
      return (
        `${chosen} #timeline-events>li[data-people]:not([data-people~="${id}"]),${chosen} [data-filter-live]{display:none}` +
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
