import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import svgToTinyDataUri from 'mini-svg-data-uri';
import type { Plugin } from 'vite';

/** The site's icon as the template names it (index.html); the file stays in the build for the manifest and the JSON-LD logo. */
export const ICON_PATH = '/favicon.svg';

/**
 * public/favicon.svg as a `data:` URL (URL-encoded, smaller than base64): the icon every page
 * carries in its head. Inline, because a browser asks for a linked icon (and, with it, the
 * manifest) as soon as the page has loaded, and on a fast connection that request races the first
 * paint; a page that names its icon by URL makes one request more than plain HTML before its
 * story is on screen (docs/performance.md). The policy allows `data:` pictures for it
 * (scripts/contentSecurityPolicy.ts): Firefox applies img-src to icons.
 */
export const ICON_DATA_URL = svgToTinyDataUri(
  readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'public', ICON_PATH.slice(1)), 'utf8').trim(),
);

const LINKED_ICON = `<link rel="icon" href="${ICON_PATH}" type="image/svg+xml" />`;

/** Puts the icon in every built page's head (the dev server keeps the file). */
export function inlineIcon(): Plugin {
  return {
    name: 'dispatch:inline-icon',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(LINKED_ICON)) throw new Error(`index.html: no ${LINKED_ICON} to inline`);
        const href = ICON_DATA_URL.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
        return html.replace(LINKED_ICON, () => `<link rel="icon" href="${href}" type="image/svg+xml" />`);
      },
    },
  };
}
