// @vitest-environment node
/**
 * The parser against generated input: any JSON value, any JavaScript value, any text, story-shaped
 * objects, the real story corrupted at any depth, and valid stories. It never throws; it returns
 * either a fatal error that names the problem by its JSON path or a story that keeps the
 * contract (storyContract.ts); and a valid story comes through whole.
 *
 * The runs are seeded (FC_SEED overrides it) so a failure replays; the counts are printed.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle, parseArticleText, type ParseResult } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import {
  applyMutations,
  formatPath,
  mutation,
  pathsRelated,
  realStoryBase,
  SCHEMA_KEYS,
  shapedJson,
  shapedStory,
  validStory,
  type Json,
} from './storyArbitraries';
import { contractViolations, resultViolations } from './storyContract';

const SEED = Number(process.env.FC_SEED ?? 20250320);
/** FC_SCALE=20 runs twenty times as many cases, for a longer hunt than the suite's. */
const SCALE = Number(process.env.FC_SCALE ?? 1);
const runs: Record<string, number> = {};

/** Runs a property `numRuns` times and counts the cases for the report. */
function check<T>(name: string, arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  fc.assert(
    fc.property(arbitrary, (value) => {
      predicate(value);
    }),
    { numRuns: numRuns * SCALE, seed: SEED },
  );
  runs[name] = numRuns * SCALE;
}

/** Never throws, and whatever it returns keeps the contract. (Plain checks: thousands of runs.) */
function parsesSafely(parse: () => ParseResult<Article>): ParseResult<Article> {
  let result: ParseResult<Article>;
  try {
    result = parse();
  } catch (error) {
    throw new Error(`the parser threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const violations = resultViolations(result);
  if (violations.length > 0) throw new Error(`the parser let through:\n${violations.join('\n')}`);
  return result;
}

function assert(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Each property runs thousands of cases; the default five seconds is for one. */
const PROPERTY_TIMEOUT_MS = 60_000 * SCALE;

afterAll(() => {
  const total = Object.values(runs).reduce((sum, n) => sum + n, 0);
  console.log(`parser properties: ${total} generated inputs (seed ${SEED})\n${Object.entries(runs).map(([name, n]) => `  ${n}\t${name}`).join('\n')}`);
});

describe('any input at all: the parser never throws and never lets a broken story through', () => {
  it('any JSON value', () => {
    check('any JSON value', fc.jsonValue(), 2000, (value) => {
      parsesSafely(() => parseArticle(value));
    });
  }, PROPERTY_TIMEOUT_MS);

  it('any JavaScript value, including maps, dates, boxed values, bigints and null-prototype objects', () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
    });
    const withVersion = anything.map((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.assign(value, { schemaVersion: 1 }) : value));
    const asVersion = anything.map((schemaVersion) => ({ schemaVersion }));
    const inFields = fc.dictionary(fc.constantFrom(...SCHEMA_KEYS), anything, { maxKeys: 12 }).map((fields) => Object.assign(fields, { schemaVersion: 1 }));
    check('any JavaScript value', fc.oneof(anything, withVersion, asVersion, inFields), 1000, (value) => {
      parsesSafely(() => parseArticle(value));
    });
  }, PROPERTY_TIMEOUT_MS);

  it('any text, and JSON text cut short or spliced', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.tuple(shapedStory, fc.nat(), fc.string({ maxLength: 3 })).map(([story, cut, splice]) => {
        const json = JSON.stringify(story);
        const at = cut % (json.length + 1);
        return json.slice(0, at) + splice + json.slice(at + splice.length);
      }),
    );
    check('any text', text, 1000, (value) => {
      const result = parsesSafely(() => parseArticleText(value));
      // A syntax error is located in the text.
      if (!result.ok && result.kind === 'syntax') {
        assert((result.line ?? 0) >= 1 && (result.column ?? 0) >= 1, () => `a syntax error with no place: ${JSON.stringify(result)}`);
      }
    });
  }, PROPERTY_TIMEOUT_MS);

  it('story-shaped objects: the contract’s own field names with any values, at any depth', () => {
    check('story-shaped objects', fc.oneof(shapedStory, shapedJson), 2000, (value) => {
      parsesSafely(() => parseArticleText(JSON.stringify(value)));
      parsesSafely(() => parseArticle(value));
    });
  }, PROPERTY_TIMEOUT_MS);
});

describe('values made to break a parser: deep, circular, huge', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const minimal = (field: string, value: string) =>
    `{"schemaVersion":1,"slug":"a","headline":"h","dateline":"d","published":"2025-03-20","body":[{"type":"paragraph","text":"t"}],${field}:${value}}`;
  const circular: Record<string, unknown> = { schemaVersion: 1, slug: 'a' };
  circular.self = circular;
  circular.headline = circular;
  const cases: readonly [string, () => ParseResult<Article>][] = [
    ['a version nested 100,000 lists deep', () => parseArticleText(`{"schemaVersion":${deep(100_000)}}`)],
    ['a headline nested 100,000 lists deep', () => parseArticleText(minimal('"headline"', deep(100_000)))],
    ['tags nested 100,000 objects deep', () => parseArticleText(minimal('"tags"', `[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]`))],
    ['an unknown field nested 100,000 lists deep', () => parseArticleText(minimal('"extra"', deep(100_000)))],
    ['a version of five million characters', () => parseArticleText(`{"schemaVersion":"${'9'.repeat(5_000_000)}"}`)],
    ['a block type of five million characters', () => parseArticleText(minimal('"people"', `[]`).replace('"paragraph"', `"${'p'.repeat(5_000_000)}"`))],
    ['a bigint version', () => parseArticle({ schemaVersion: 1n })],
    ['a circular story', () => parseArticle(circular)],
    ['a circular version', () => parseArticle({ schemaVersion: circular })],
  ];
  it.each(cases)('%s: no throw, a short message', (_, parse) => {
    const result = parsesSafely(parse);
    for (const issue of result.ok ? result.warnings : result.errors) expect(issue.message.length).toBeLessThan(500);
  });
});

describe('the real story with fields removed, retyped or corrupted at any depth', () => {
  const base = realStoryBase();
  const listsOf = (story: Json) => {
    const lists: Record<string, number | undefined> = {};
    for (const list of ['body', 'people', 'timeline'] as const) {
      const value = typeof story === 'object' && story !== null && !Array.isArray(story) ? story[list] : undefined;
      lists[list] = Array.isArray(value) ? value.length : undefined;
    }
    return lists;
  };

  it('parses whole, with no warning, before it is touched', () => {
    const result = parseArticleText(JSON.stringify(base));
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.ok && contractViolations(result.value)).toEqual([]);
  });

  it('fails only for what was touched, and otherwise keeps every item not touched', () => {
    check('the real story, mutated', fc.array(mutation, { minLength: 1, maxLength: 4 }), 2000, (mutations) => {
      const { story, touched } = applyMutations(base, mutations);
      const result = parsesSafely(() => parseArticleText(JSON.stringify(story)));
      if (!result.ok) {
        // A fatal error names the problem: its path is one that was touched, or holds one, or lies inside one.
        for (const error of result.errors) {
          assert(touched.some((path) => pathsRelated(path, error.path)), () => `${error.path} (${error.message}) is not where the story was touched: ${touched.join(', ')}`);
        }
        return;
      }
      // Each touch can cost a list one item at most (the item itself, or a later one that now repeats its id).
      const before = listsOf(story);
      const after = { body: result.value.body.length, people: result.value.people?.length, timeline: result.value.timeline?.length };
      for (const list of ['body', 'people', 'timeline'] as const) {
        const written = before[list];
        if (written === undefined) continue;
        const prefix = formatPath([list]);
        // A list replaced as a whole may lose everything in it.
        if (touched.includes(prefix)) continue;
        const touches = touched.filter((path) => path.startsWith(`${prefix}[`)).length;
        assert((after[list] ?? 0) >= written - touches, () => `${list}: ${written} written, ${after[list] ?? 0} kept, ${touches} touched (${touched.join(', ')})`);
      }
    });
  }, PROPERTY_TIMEOUT_MS);
});

describe('valid stories stay valid', () => {
  it('a generated valid story parses with no fatal error, no warning, and every item as written', () => {
    check('generated valid stories', validStory, 1000, (story) => {
      const result = parsesSafely(() => parseArticleText(JSON.stringify(story)));
      assert(result.ok && result.warnings.length === 0, () => `not whole: ${JSON.stringify(result.ok ? result.warnings : result.errors)}`);
      if (result.ok) expect(result.value).toEqual(story);
    });
  }, PROPERTY_TIMEOUT_MS);
});
