/**
 * Build step after prerendering: writes a gzip copy (`name.gz`, level 9) beside every text file in
 * dist/, which nginx (gzip_static) and scripts/serve.ts send as is to browsers that accept gzip,
 * instead of compressing the same bytes on every request. Run it again at any time: each copy is
 * rewritten from its file.
 *
 * A publish step that drops a story into a built site calls `precompressFiles([story, index])`:
 * nginx sends a `.gz` whenever one exists, so a story replaced without its `.gz` rewritten would be
 * served stale to every browser that accepts gzip.
 */
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { COMPRESSED_EXTENSIONS } from './siteRules';

export interface Precompressed {
  readonly file: string;
  /** The size of the `.gz` written, or null when gzip would not make it smaller (and none is kept). */
  readonly gzipBytes: number | null;
}

export function isCompressible(file: string): boolean {
  return COMPRESSED_EXTENSIONS.includes(extname(file).slice(1).toLowerCase());
}

/** Writes (or rewrites) `file.gz` for each file given, whatever its type. */
export function precompressFiles(files: readonly string[]): Precompressed[] {
  return files.map((file) => {
    const source = readFileSync(file);
    const gzip = gzipSync(source, { level: constants.Z_BEST_COMPRESSION });
    const target = `${file}.gz`;
    if (gzip.byteLength >= source.byteLength) {
      // Nothing gained (a tiny file): no copy, and no stale one left behind.
      rmSync(target, { force: true });
      return { file, gzipBytes: null };
    }
    writeFileSync(target, gzip);
    // The copy is the same document: the same Last-Modified, whichever of the two is sent.
    const { atime, mtime } = statSync(file);
    utimesSync(target, atime, mtime);
    return { file, gzipBytes: gzip.byteLength };
  });
}

/** Every compressible file under `dir`, hidden folders (Vite's .vite/) left out. */
export function compressibleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && isCompressible(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.slice(dir.length).split(/[\\/]/).some((part) => part.startsWith('.')));
}

export function precompressDir(dir: string): Precompressed[] {
  return precompressFiles(compressibleFiles(resolve(dir)));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(process.argv[2] ?? 'dist');
  const results = precompressDir(dir);
  const written = results.filter((result) => result.gzipBytes !== null).length;
  console.log(`precompressed ${written} of ${results.length} text files in ${dir} (gzip -9)`);
}
