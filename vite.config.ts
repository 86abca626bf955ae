/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { inlineBootScript } from './scripts/bootScript';
import { cspMetaTag } from './scripts/contentSecurityPolicy';
import { fallbackShell } from './scripts/fallbackShell';
import { MANIFEST_ICON_DATA_URL, inlineIcon } from './scripts/inlineIcon';
import { PREVIEW_WORKERS } from './scripts/siteRules';
import { shortClassNames } from './scripts/shortClassNames';

/**
 * React Router ships its components without the `#__PURE__` marks bundlers read, and names each
 * one for React's developer tools in a statement of its own (`Link.displayName = "Link"`): either
 * keeps a component in the bundle whether or not the app uses it, and with it the framework mode's
 * code it calls (route-module prefetching, data routers, view transitions). Marking the definitions
 * pure and dropping the names lets the bundler leave out what the app never renders: about 2 KB
 * gzip of what every reader downloaded before a story was interactive (with src/ui/Link.tsx, which leaves out
 * the prefetching its `Link` pulls in).
 */
function reactRouterTreeShaking(): Plugin {
  return {
    name: 'dispatch:react-router-tree-shaking',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]node_modules[\\/]react-router[\\/]dist[\\/].*\.mjs$/ },
      handler(code) {
        return {
          code: code
            .replace(/^\s*[\w$]+\.displayName = "[\w$.]+";$/gm, '')
            .replace(/(?<![\w$.])(React\d*\.(?:forwardRef|memo|createContext)\()/g, '/* @__PURE__ */ $1'),
          map: null,
        };
      },
    },
  };
}

/**
 * Vite wraps every `import()` of the client build in its preload helper, which can also preload a
 * chunk's own imports (`modulepreload`), read a CSP nonce and resolve import maps: about 0.6 KB
 * gzip in the entry, so in every story's JavaScript before it is interactive. With `modulePreload`
 * off (below), the only dependencies Vite ever hands it are a lazily loaded chunk's stylesheets
 * (the update's marks, the editors' preview), so this helper loads those and nothing else: each
 * once, the chunk's code only after its styles (no unstyled flash), and a failed stylesheet fails
 * the import, as Vite's does, and is tried again next time.
 */
function stylesheetOnlyPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  let base = '/';
  return {
    name: 'dispatch:stylesheet-only-preload-helper',
    apply: (config, { isSsrBuild }) => !isSsrBuild && config.build?.ssr === undefined,
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
    },
    resolveId: { filter: { id: new RegExp(`^${id}$`) }, handler: (source) => source },
    load: {
      filter: { id: new RegExp(`^${id}$`) },
      handler: () => `const pending = {};
const stylesheet = (href) => new Promise((resolve, reject) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  link.onload = () => resolve();
  link.onerror = () => reject(new Error('Unable to load the stylesheet ' + href));
  document.head.appendChild(link);
});
export const __vitePreload = (load, deps) =>
  deps && deps.length > 0
    ? Promise.all(deps.map((file) => (pending[file] ??= stylesheet(${JSON.stringify(base)} + file).catch((error) => {
        delete pending[file];
        throw error;
      })))).then(() => load())
    : load();
`,
    },
  };
}

/** Unit test files that mock modules (vi.mock), and so must not share a module cache. */
const ISOLATED = ['tests/unit/ui/SectionBoundary.test.tsx'];

export default defineConfig(({ command, mode, isSsrBuild }) => ({
  // Short class names in builds (scripts/shortClassNames.ts); the development server keeps the default.
  css: command === 'build' ? { modules: { generateScopedName: shortClassNames(process.cwd()) } } : {},
  plugins: [react(), reactRouterTreeShaking(), stylesheetOnlyPreloadHelper(), inlineBootScript(), inlineIcon(), fallbackShell(), cspMetaTag(loadEnv(mode, process.cwd(), 'VITE_').VITE_CONTENT_BASE),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'Dispatch',
        short_name: 'Dispatch',
        description: 'World news, clearly told.',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#a3241c',
        // The site's SVG icon inline (scripts/inlineIcon.ts): a browser that reads the manifest as
        // the page loads then fetches no icon file either.
        icons: [{ src: MANIFEST_ICON_DATA_URL, sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      injectManifest: {
        // The reader's own files; the editors' preview (and its code editor) stays out of every reader's cache.
        globPatterns: ['**/*.{js,css,svg,txt}'],
        globIgnores: ['**/Preview*', '**/preview*', '**/draftAnalysis*', '**/codemirror*', 'sw.js', 'workbox-*.js'],
      },
    }),
  ],
  // The preview's workers (draft checks, the social card) in a folder of their own, which the
  // servers send with the preview's policy (scripts/siteRules.ts, PREVIEW_WORKERS): a worker runs
  // under its own script's policy, and the card's layout engine is WebAssembly.
  worker: {
    rolldownOptions: { output: { entryFileNames: `${PREVIEW_WORKERS.slice(1)}[name]-[hash].js`, chunkFileNames: `${PREVIEW_WORKERS.slice(1)}[name]-[hash].js` } },
  },
  build: {
    target: 'es2022',
    // The entry holds everything a page needs first (codeSplitting below), so its lazily loaded
    // chunks have nothing to preload: without this, Vite's preload helper (about 1 KB gzip) and
    // the modulepreload polyfill were in every story's JavaScript. Chunks with a stylesheet (the
    // editors' preview) still load it, through the helper, in the chunk that imports them.
    modulePreload: false,
    // Budgets are asserted on the emitted bytes, so keep the report readable.
    reportCompressedSize: true,
    rolldownOptions: isSsrBuild ? {} : {
      output: {
        codeSplitting: {
          // Everything the entry imports statically stays in one chunk, the entry itself. Without
          // this, lazily loaded pages that share modules with the entry pulled those out into
          // common chunks, each one more request (and modulepreload) before a story is interactive.
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    css: { modules: { classNameStrategy: 'non-scoped' } },
    // Generous for a loaded machine; a test that passes takes well under a second.
    testTimeout: 15_000,
    // TZ is read by each worker process: `forks` (Vitest's default) honours it, threads would not.
    pool: 'forks',
    projects: [
      // Everything, in UTC. (No `include` at the top: a project that extends the top would add to it.)
      // Files share a worker's module cache and environment (each cleans up after itself in
      // tests/unit/setup.ts): starting a fresh jsdom and React for each file took half the run.
      {
        extends: true,
        test: { name: 'UTC', include: ['tests/unit/**/*.test.{ts,tsx}'], exclude: ISOLATED, env: { TZ: 'UTC' }, isolate: false },
      },
      // Files that replace modules with vi.mock need a module cache of their own.
      { extends: true, test: { name: 'UTC, isolated', include: ISOLATED, env: { TZ: 'UTC' } } },
      // What shows dates again west of UTC (where `new Date('2025-03-20')` is the day before) and
      // east of it at a half-hour offset: the output must be the same as in UTC.
      ...['America/Los_Angeles', 'Asia/Tehran'].map((TZ) => ({
        extends: true as const,
        test: {
          name: TZ,
          env: { TZ },
          include: [
            'tests/unit/content/dates.test.ts',
            'tests/unit/features/article/timelineModel.test.ts',
            'tests/unit/app/datesOnPages.test.tsx',
          ],
        },
      })),
    ],
  },
}));
