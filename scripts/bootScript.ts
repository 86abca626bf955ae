import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifySync, type Plugin } from 'vite';

/**
 * src/boot.js, as every page carries it: minified, inline in the head. Inline, because an external
 * script blocks the first paint for a request of its own (the plain HTML the first paint is
 * measured against makes none); minified, because every byte of it is read before that paint.
 */
function minifiedBootScript(): string {
  const source = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'boot.js'), 'utf8');
  const result = minifySync('boot.js', source, { compress: true, mangle: true });
  if (result.errors.length > 0) throw new Error(`src/boot.js: ${result.errors.map((error) => error.message).join('; ')}`);
  return result.code.trim();
}

export const BOOT_SCRIPT = minifiedBootScript();

/**
 * The one inline script the Content Security Policy allows (scripts/contentSecurityPolicy.ts), by
 * the hash of its text: the meta tag and the servers' header are built from this same constant,
 * so the policy and the pages cannot disagree.
 */
export const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT, 'utf8').digest('base64')}'`;

/**
 * The template's placeholder for the boot script (index.html), before the first paint: the reader's
 * theme, a shared filter, and (on prerendered pages) starting the app once painted. index.html
 * carries no comment saying so: a comment there is in every built page, read before its first paint.
 */
export const BOOT_PLACEHOLDER = '<script data-boot></script>';

/** The boot script as an element; `attributes` (e.g. ` data-app="…"`) are outside the hashed text. */
export const bootScriptTag = (attributes = ''): string => `<script${attributes}>${BOOT_SCRIPT}</script>`;

/** Puts the boot script in the page's head, in the build and on the dev server alike. */
export function inlineBootScript(): Plugin {
  return {
    name: 'dispatch:inline-boot-script',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(BOOT_PLACEHOLDER)) throw new Error(`index.html: no ${BOOT_PLACEHOLDER} to put the boot script in`);
        return html.replace(BOOT_PLACEHOLDER, bootScriptTag());
      },
    },
  };
}
