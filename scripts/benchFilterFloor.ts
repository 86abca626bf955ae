import { withPerson } from '../src/features/article/personFilter';

/**
 * The floor of a change of person, for scripts/benchMainThread.ts: the story's page with the app's
 * handling of the key people's filter links replaced by the least script that does what a change
 * must do, and no React: a history entry, the events shown or hidden (the `with-<person>` classes
 * of the first paint's rules, src/features/article/personFilter.ts), the status line, the list's
 * `data-narrowed` and the focus move to the timeline's heading. What a change costs there is the
 * browser's own work for it; what the app costs on top is the difference. It listens first (a
 * capturing listener on the window, loaded before the app), so the app never sees the click. Should
 * the page's markup no longer be what it expects, it marks FILTER_FLOOR_FAILED_MARK, and the bench stops.
 */
export const FILTER_FLOOR_FAILED_MARK = 'bench:filter-floor-failed';

export const FILTER_FLOOR_SCRIPT = `(() => {
  let current;
  addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('#key-people a[href*="person="]') : null;
    if (!link) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    try {
      change(link);
    } catch (error) {
      performance.mark(${JSON.stringify(FILTER_FLOOR_FAILED_MARK)}, { detail: String(error) });
    }
  }, true);
  function change(link) {
    const person = new URL(link.href).searchParams.get('person');
    history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx: (history.state?.idx ?? 0) + 1 }, '', link.getAttribute('href'));
    const list = document.getElementById('timeline-events');
    // The class each event carries for each of its people (personFilter.ts's withPerson).
    const classOf = (id) => ${JSON.stringify(withPerson(''))} + id;
    const eventsOf = (id) => list.getElementsByClassName(classOf(id));
    if (current === undefined) {
      for (const item of list.children) {
        const shown = item.hasAttribute('data-story') || item.classList.contains(classOf(person));
        if (item.hidden === shown) item.hidden = !shown;
      }
    } else {
      for (const item of [...eventsOf(current)]) if (!item.classList.contains(classOf(person))) item.hidden = true;
      for (const item of eventsOf(person)) item.hidden = false;
    }
    current = person;
    const shown = eventsOf(person).length + 1;
    // Thirty or fewer are laid out at once, as the app does (Timeline.tsx, LAID_OUT_AT_ONCE).
    list.toggleAttribute('data-narrowed', shown <= 30);
    document.querySelector('[data-filter-live] p').textContent = 'Showing ' + shown + ' of ' + list.children.length + ' events.';
    document.getElementById('timeline-heading').focus();
  }
})();`;
