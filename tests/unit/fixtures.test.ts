// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtures, fixturesReadme } from '../fixtures/fixtures';
import { realStoryText } from './support/fixtures';
import { ROOT } from './support/paths';

const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
const STALE = 'run `npx tsx tests/fixtures/generate.ts` and commit the result';

/** The content files (stories, lists, pictures) committed under `dir`. */
function committedContentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? committedContentFiles(join(dir, entry.name))
      : /\.(?:json|svg)$/.test(entry.name)
        ? [relative(FIXTURES_DIR, join(dir, entry.name))]
        : [],
  );
}

describe('the fixture files', () => {
  const fixtures = buildFixtures(realStoryText());

  it.each(fixtures.map((fixture) => [fixture.file, fixture.text] as const))('%s is what fixtures.ts makes of the real story', (file, text) => {
    expect(readFileSync(join(FIXTURES_DIR, file), 'utf8'), `tests/fixtures/${file} is stale: ${STALE}`).toBe(text);
  });

  it('in the folders fixtures.ts writes are all defined there', () => {
    const folders = [...new Set(fixtures.map((fixture) => fixture.file.split('/')[0] ?? ''))];
    const committed = folders.flatMap((folder) => committedContentFiles(join(FIXTURES_DIR, folder)));
    expect(committed.sort()).toEqual(fixtures.map((fixture) => fixture.file).sort());
  });

  it('are each described in the README', () => {
    expect(readFileSync(join(FIXTURES_DIR, 'README.md'), 'utf8'), `tests/fixtures/README.md is stale: ${STALE}`).toBe(fixturesReadme(fixtures));
  });
});
