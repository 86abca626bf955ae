/* global document, localStorage, location, PerformanceObserver, setTimeout, URLSearchParams */
// Runs from <head> before the first paint, inlined in every page by the build (scripts/bootScript.ts:
// minified, and allowed by its hash in the Content Security Policy). 1: applies the remembered theme
// (THEME_STORAGE_KEY in src/ui/theme.ts). 2: copies a shared filter (?person=…) onto <html>, where
// the story's own rules narrow its timeline from the first paint (src/features/article/personFilter.ts).
// 3: on a prerendered page, starts the app named in data-app once the text is painted.
// Why: docs/performance.md.
(function () {
  try {
    var choice = localStorage.getItem('dispatch-theme');
    if (choice === 'light' || choice === 'dark') {
      document.documentElement.setAttribute('data-theme', choice);
      var meta = document.querySelector('meta[name="color-scheme"]');
      if (meta) meta.setAttribute('content', choice);
    }
  } catch {
    // No storage (private mode, a policy): the page follows the system.
  }

  var person = new URLSearchParams(location.search).get('person');
  if (person) document.documentElement.setAttribute('data-person', person);

  var script = document.currentScript;
  var app = script && script.getAttribute('data-app');
  if (!app) return;
  // Once: the address is forgotten as the app's script is added.
  function start() {
    if (!app) return;
    var module = document.createElement('script');
    module.type = 'module';
    module.src = app;
    app = null;
    document.head.appendChild(module);
  }
  // A background tab paints nothing until shown: start at once.
  if (document.visibilityState === 'hidden') return start();
  // After the first contentful paint; after 2 s at most, should it never be reported.
  setTimeout(start, 2000);
  try {
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      setTimeout(start, 0);
    }).observe({ type: 'paint', buffered: true });
  } catch {
    start();
  }
})();
