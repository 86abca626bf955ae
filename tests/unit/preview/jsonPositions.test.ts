// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { lineColumn, lineStarts, locate, offsetOf, parsePath, rangeOf, scanPositions } from '../../../src/features/preview/jsonPositions';
import { realStoryText } from '../support/fixtures';

describe('parsePath', () => {
  it('reads the paths the parser writes', () => {
    expect(parsePath('$')).toEqual([]);
    expect(parsePath('$.people[2].name')).toEqual(['people', 2, 'name']);
    expect(parsePath('$["odd key"][0]')).toEqual(['odd key', 0]);
    expect(parsePath('$["say \\"hi\\""]')).toEqual(['say "hi"']);
  });

  it('refuses what is not a path', () => {
    expect(parsePath('people[2]')).toBeNull();
    expect(parsePath('$.[2]')).toBeNull();
  });
});

describe('scanPositions and locate', () => {
  const text = realStoryText();
  const tree = scanPositions(text);

  it('finds a value and its key exactly where the text has them', () => {
    const found = locate(tree, '$.headline');
    expect(found.exact).toBe(true);
    expect(text.slice(found.node.from, found.node.to)).toBe(JSON.stringify(JSON.parse(text).headline));
    expect(text.slice(found.node.keyFrom, found.node.keyTo)).toBe('"headline"');
  });

  it('finds items of lists by index', () => {
    const found = locate(tree, '$.people[1].name');
    const value = text.slice(found.node.from, found.node.to);
    expect(JSON.parse(value)).toBe((JSON.parse(text) as { people: { name: string }[] }).people[1]?.name);
  });

  it('falls back to the nearest ancestor for something missing', () => {
    const found = locate(tree, '$.people[1].nickname');
    expect(found.exact).toBe(false);
    expect(found.node).toBe(locate(tree, '$.people[1]').node);
  });

  it('marks a short value with its key, and only the key of a long object', () => {
    const headline = rangeOf(locate(tree, '$.headline'));
    expect(text.slice(headline.from, headline.to)).toMatch(/^"headline": "US, Israel/);
    const people = rangeOf(locate(tree, '$.people'));
    expect(text.slice(people.from, people.to)).toBe('"people"');
    const root = rangeOf(locate(tree, '$.missing'));
    expect(text.slice(root.from, root.to)).toBe('{');
  });

  it('reads keys with escapes, and takes the last of two equal keys as JSON.parse does', () => {
    const tricky = '{"a\\"b": 1, "x": 1, "x": [true, {"y": null}]}';
    const node = scanPositions(tricky);
    expect(locate(node, '$["a\\"b"]').exact).toBe(true);
    const x = locate(node, '$.x[1].y');
    expect(tricky.slice(x.node.from, x.node.to)).toBe('null');
  });
});

describe('lines and columns', () => {
  const text = 'ab\ncd\n\nef';
  const starts = lineStarts(text);

  it('turns offsets into 1-based lines and columns and back', () => {
    expect(lineColumn(starts, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(starts, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(starts, 6)).toEqual({ line: 3, column: 1 });
    expect(lineColumn(starts, text.length)).toEqual({ line: 4, column: 3 });
    expect(offsetOf(starts, text.length, 2, 2)).toBe(4);
    expect(offsetOf(starts, text.length, 99, 1)).toBe(7);
  });
});
