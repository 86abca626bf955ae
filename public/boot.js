/* global document, localStorage, PerformanceObserver, setTimeout */
// Runs from <head>, render-blocking, before the first paint. An external file, so that a Content
// Security Policy without 'unsafe-inline' allows it; one file for both jobs, so one request.
//
// 1. Applies the reader's remembered theme, so a page never flashes in the wrong colours. The key
//    is THEME_STORAGE_KEY in src/ui/theme.ts.
// 2. On a prerendered page (scripts/prerender.ts puts the app's module address in data-app),
//    starts the app once the page has been painted. The page is whole without its JavaScript, which
//    only makes it interactive, so the bundle is not requested until the text is on screen: on a
//    slow connection the HTML has the bandwidth first, and the bundle never stands between a
//    reader and the headline. Pages that are not prerendered load the module directly instead.
(function () {
  try {
    var choice = localStorage.getItem('dispatch-theme');
    if (choice === 'light' || choice === 'dark') {
      document.documentElement.setAttribute('data-theme', choice);
      var meta = document.querySelector('meta[name="color-scheme"]');
      if (meta) meta.setAttribute('content', choice);
    }
  } catch {
    // No storage (a private mode, a policy): the page follows the system.
  }

  var script = document.currentScript;
  var app = script && script.getAttribute('data-app');
  if (!app) return;
  var started = false;
  function start() {
    if (started) return;
    started = true;
    var module = document.createElement('script');
    module.type = 'module';
    module.crossOrigin = '';
    module.src = app;
    document.head.appendChild(module);
  }
  // A page opened in a background tab paints nothing until it is shown: start at once there.
  if (document.visibilityState === 'hidden') return start();
  // Start once the browser reports the first contentful paint (the text is on screen), and in any
  // case after two seconds: a browser without paint timing, or a paint never reported, must not
  // leave the page without its app.
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
