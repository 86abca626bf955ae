import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a built page makes a reader download as JavaScript before it is interactive, in gzip bytes
 * at zlib's default level, as a server would send it: asserted by tests/browser/budgets.spec.ts
 * and printed by `npm run bench`.
 */
export interface ScriptBytes {
  readonly path: string;
  readonly gzip: number;
}

const gzipBytes = (text: string | Buffer) => gzipSync(text).byteLength;

/** The text of each script inline in the page that the browser runs (the boot script), not JSON data. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes = '']) => !/\bsrc=/.test(attributes) && !/\btype="application\/(?:ld\+)?json"/.test(attributes))
    .map(([, , text = '']) => text);
}

/**
 * Every script file a page loads before it is interactive: the scripts it names (on a prerendered
 * page, the app module the inline boot script starts, named in its data-app, once the page is
 * painted), and every chunk those import statically, transitively. Paths are relative to `dist`.
 */
export function scriptsLoadedBy(dist: string, html: string): string[] {
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\ssrc="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
    ...[...html.matchAll(/<script\b[^>]*\sdata-app="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
  ];
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((match) => match[1] ?? '');
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); `import("./x.js")` is loaded on demand.
    for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(join('assets', match[1] ?? ''));
    }
  };
  [...entries, ...preloads].forEach(visit);
  return [...seen];
}

/** The inline boot script (counted on its own, as if it were a file: inside the page it compresses a little better), then each file. */
export function javaScriptBeforeInteractive(dist: string, page: string): ScriptBytes[] {
  const html = readFileSync(join(dist, page), 'utf8');
  return [
    ...inlineScriptsOf(html).map((text) => ({ path: 'inline boot script', gzip: gzipBytes(text) })),
    ...scriptsLoadedBy(dist, html).map((path) => ({ path, gzip: gzipBytes(readFileSync(join(dist, path))) })),
  ];
}
