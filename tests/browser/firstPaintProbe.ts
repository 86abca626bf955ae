/**
 * What the first contentful paint showed of a story's timeline, recorded in the page when the
 * browser reports that paint: the events shown, the status lines shown, and whether the app had
 * started. Used by first-paint.spec.ts and by `npm run bench` (scripts/bench.ts).
 */
export interface FirstPaint {
  readonly parsed: boolean;
  readonly interactive: boolean;
  readonly visibleEvents: number;
  readonly statusLines: string[];
}

declare global {
  interface Window {
    __firstPaint?: FirstPaint;
    __layoutShift?: number;
  }
}

/** For `page.addInitScript(recordFirstPaint, INTERACTIVE_ATTRIBUTE)`; also sums the page's layout shift. */
export function recordFirstPaint(interactive: string): void {
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) window.__layoutShift = (window.__layoutShift ?? 0) + entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    const shown = (element: Element) => getComputedStyle(element).display !== 'none';
    const items = [...document.querySelectorAll('#timeline-events > li:not([data-story])')];
    const lines = [...document.querySelectorAll('[data-filter-live], [data-filter-for]')].filter(shown);
    window.__firstPaint = {
      parsed: document.getElementById('timeline-events') !== null,
      interactive: document.getElementById('root')?.hasAttribute(interactive) ?? false,
      visibleEvents: items.filter(shown).length,
      statusLines: lines.map((line) => line.querySelector('p')?.textContent ?? ''),
    };
  }).observe({ type: 'paint', buffered: true });
}
