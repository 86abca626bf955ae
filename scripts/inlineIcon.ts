import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import svgToTinyDataUri from 'mini-svg-data-uri';
import type { Plugin } from 'vite';

const publicFile = (name: string): Buffer => readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', name));

/**
 * The tab's icon, inline in every page's head: public/favicon.png (32 × 32, an 8-bit palette PNG
 * of 247 B, drawn once from favicon.svg without its rounded corners by resvg and
 * scripts/site/cardPng.ts) as a base64 `data:` URL.
 * - Inline, because a browser asks for a linked icon (and the manifest) as soon as the page has
 *   loaded, and on a fast connection that request races the first paint: a page that names its
 *   icon by URL makes one request more than plain HTML before its story is on screen
 *   (docs/performance.md, "Why LCP was 1.4 × the floor").
 * - A bitmap, because Chromium draws the tab's icon again on every change of address (each change
 *   of person in the timeline's filter), and an SVG icon is a whole document to set up each time:
 *   about 3 ms of the page's main thread a change, against under 1 ms.
 * - 32 px and opaque, so that it fits in a palette and the page stays inside the first round trip.
 * The policy allows `data:` pictures for it (scripts/contentSecurityPolicy.ts): Firefox applies
 * img-src to icons.
 */
export const ICON_DATA_URL = `data:image/png;base64,${publicFile('favicon.png').toString('base64')}`;

/**
 * The web app manifest's icon (vite.config.ts): public/favicon.svg, which scales to any size an
 * installed app needs, as a URL-encoded `data:` URL (mini-svg-data-uri), so that a browser reading
 * the manifest as the page loads fetches no icon file either.
 */
export const MANIFEST_ICON_DATA_URL = svgToTinyDataUri(publicFile('favicon.svg').toString('utf8').trim());

const LINKED_ICON = '<link rel="icon" href="/favicon.png" type="image/png" sizes="32x32" />';

/** Puts the icon in every built page's head (the dev server keeps the file). */
export function inlineIcon(): Plugin {
  return {
    name: 'dispatch:inline-icon',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(LINKED_ICON)) throw new Error(`index.html: no ${LINKED_ICON} to inline`);
        return html.replace(LINKED_ICON, () => `<link rel="icon" href="${ICON_DATA_URL}" type="image/png" sizes="32x32" />`);
      },
    },
  };
}
