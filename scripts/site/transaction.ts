/**
 * Writes to a live site so that a reader, a server or a crash never meets half of a file: every
 * file is first written whole into a staging folder inside the site (the same file system), with
 * its gzip copy, and only then renamed into place, one rename each, in the order given. A run
 * killed while staging leaves the site exactly as it was; one killed while renaming leaves every
 * file whole, the old or the new. The staging folder is hidden (a dot folder), which the servers
 * never serve.
 */
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { isCompressible } from '../precompress';

/** The site's own bookkeeping: the lock and the staging folder. */
export const WORK_DIR = '.publish';

interface Step {
  readonly path: string;
  /** The staged file to rename into place, or null to remove the file (and its gzip copy). */
  readonly staged: string | null;
  readonly gzip: string | null;
}

export class SiteTransaction {
  private readonly steps: Step[] = [];
  private readonly staging: string;
  private count = 0;

  constructor(private readonly root: string) {
    this.staging = join(root, WORK_DIR, `staging-${process.pid}`);
    mkdirSync(this.staging, { recursive: true });
  }

  /** Stages `path` (under the site root) with this content, and its gzip copy when worth having. */
  put(path: string, content: string | Buffer): void {
    const body = typeof content === 'string' ? Buffer.from(content) : content;
    const staged = join(this.staging, String((this.count += 1)));
    writeFileSync(staged, body);
    let gzip: string | null = null;
    if (isCompressible(path)) {
      const packed = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
      if (packed.byteLength < body.byteLength) {
        gzip = `${staged}.gz`;
        writeFileSync(gzip, packed);
        // The copy is the same document: the same Last-Modified (the Node server ignores an older copy).
        const { atime, mtime } = statSync(staged);
        utimesSync(gzip, atime, mtime);
      }
    }
    this.steps.push({ path, staged, gzip });
  }

  /** Removes `path` (and its gzip copy) at this point of the order. */
  remove(path: string): void {
    this.steps.push({ path, staged: null, gzip: null });
  }

  /** What the commit puts in place and what it removes, by path under the site root. */
  get summary(): { readonly written: readonly string[]; readonly removed: readonly string[] } {
    return {
      written: this.steps.filter((step) => step.staged !== null).map((step) => step.path),
      removed: this.steps.filter((step) => step.staged === null).map((step) => step.path),
    };
  }

  /**
   * Renames everything into place in the order it was staged. `afterEach` runs after each step:
   * the crash test kills the process there.
   */
  commit(afterEach: (done: number) => void = () => undefined): void {
    let done = 0;
    afterEach(done);
    for (const step of this.steps) {
      const target = join(this.root, step.path);
      if (step.staged === null) {
        rmSync(`${target}.gz`, { force: true });
        rmSync(target, { force: true });
      } else {
        mkdirSync(dirname(target), { recursive: true });
        // The old copy goes first, the new one comes last: at every moment both kinds of browser get
        // the same text (the server compresses on the fly while there is no copy).
        rmSync(`${target}.gz`, { force: true });
        renameSync(step.staged, target);
        if (step.gzip !== null) renameSync(step.gzip, `${target}.gz`);
      }
      done += 1;
      afterEach(done);
    }
    this.discard();
  }

  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
