import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';

/**
 * The preview server behaves like the static host we deploy to: a page that was prerendered is
 * served as is, and any other address a browser navigates to gets the plain shell (200.html),
 * never another page's markup. A request for data (a missing `.json`) still gets a 404.
 * On a host, the same rule is one line, e.g. Netlify's `/* /200.html 200`.
 */
export function fallbackShell(): Plugin {
  let outDir = 'dist';
  return {
    name: 'fallback-shell',
    configResolved(config) {
      // resolve, not join: `vite preview --outDir /tmp/x` gives an absolute folder.
      outDir = resolve(config.root, config.build.outDir);
    },
    configurePreviewServer(server) {
      const middleware: Connect.NextHandleFunction = (req, _res, next) => {
        const accept = req.headers.accept ?? '';
        const url = req.url ?? '/';
        const raw = url.split(/[?#]/)[0] ?? '/';
        let path = raw;
        try {
          path = decodeURIComponent(raw);
        } catch {
          // A malformed escape ("/articles/%E0%A4%A") names no file: the app answers it with its not-found page.
        }
        const isNavigation = (req.method === 'GET' || req.method === 'HEAD') && accept.includes('text/html');
        const hasFile =
          path === '/' ||
          /\.[a-z0-9]+$/i.test(path) ||
          existsSync(join(outDir, `${path}.html`)) ||
          existsSync(join(outDir, path, 'index.html'));
        if (isNavigation && !hasFile && existsSync(join(outDir, '200.html'))) req.url = '/200.html';
        next();
      };
      server.middlewares.use(middleware);
    },
  };
}
