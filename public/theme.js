/* global document, localStorage */
// Applies the reader's remembered theme before the first paint, so a page never flashes in the
// wrong colours. Loaded render-blocking from <head>: an external file, so that a Content Security
// Policy without 'unsafe-inline' allows it. The key is THEME_STORAGE_KEY in src/ui/theme.ts.
(function () {
  try {
    var choice = localStorage.getItem('dispatch-theme');
    if (choice !== 'light' && choice !== 'dark') return;
    document.documentElement.setAttribute('data-theme', choice);
    var meta = document.querySelector('meta[name="color-scheme"]');
    if (meta) meta.setAttribute('content', choice);
  } catch {
    // No storage (a private mode, a policy): the page follows the system.
  }
})();
