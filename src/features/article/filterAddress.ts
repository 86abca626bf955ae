/**
 * A change of person is a change of the address's query on the same page, and the app makes it
 * itself rather than through React Router: through the router, every change of address redraws
 * everything under its location (the whole page; at 2,000 events React then walks every one of
 * them for location readers), which took most of a change's time. `ArticleView` reads the query
 * from the address itself, and redraws itself after a push. Back and Forward still go through the
 * router, whose new location redraws the page, which then reads the address again.
 */

/**
 * A new history entry for this page with `query` ('' for none), numbered as React Router numbers
 * its own (`idx`, which it reads back on Back and Forward; its other fields are optional).
 */
export function pushQuery(query: string): void {
  history.pushState({ idx: ((history.state as { idx?: number } | null)?.idx ?? 0) + 1 }, '', location.pathname + query);
}
