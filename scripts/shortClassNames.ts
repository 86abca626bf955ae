import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';

/**
 * CSS modules' class names in a build: the class's own name and four characters of a hash of its
 * file's path (`summary_Qx3f`). postcss-modules' default (`_summary_nedl4_153`) adds the class's
 * line in the file, and every class name is written out in the entry's JavaScript (each module's
 * map of names), in the inlined stylesheet and in the prerendered HTML. On the story page the
 * shorter names took 316 B of gzip off its JavaScript, 249 B off its inlined CSS and 391 B off its
 * HTML as served. One hash per file, not one per class: gzip finds a file's hash repeated across
 * its classes, and hashes per class saved almost nothing (docs/performance.md, session 7).
 * The names depend on the path alone, so the client and server builds agree. Two classes that
 * would share a name stop the build (with these few files, a one-in-millions chance).
 */
export function shortClassNames(root: string): (local: string, filename: string) => string {
  const owners = new Map<string, string>();
  return (local, filename) => {
    const file = relative(root, filename.split('?')[0] ?? filename).split(sep).join('/');
    const name = `${local}_${createHash('sha256').update(file).digest('base64url').slice(0, 4)}`;
    const owner = `${file}: .${local}`;
    const previous = owners.get(name);
    if (previous !== undefined && previous !== owner) throw new Error(`CSS modules: ${previous} and ${owner} would both be the class "${name}"`);
    owners.set(name, owner);
    return name;
  };
}
