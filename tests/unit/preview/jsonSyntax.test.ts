// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findSyntaxError } from '../../../src/content/jsonSyntax';
import { lineColumn, lineStarts } from '../../../src/features/preview/jsonPositions';
import { fixtureText, realStoryText } from '../support/fixtures';

function place(text: string) {
  const problem = findSyntaxError(text);
  if (!problem) throw new Error('expected a syntax error');
  return { ...lineColumn(lineStarts(text), problem.offset), reason: problem.reason };
}

describe('findSyntaxError', () => {
  it('accepts what JSON.parse accepts', () => {
    expect(findSyntaxError(realStoryText())).toBeNull();
    for (const text of ['0', '-1.5e+3', '"a\\u00e9\\n"', 'true', ' null ', '[]', '{}', '[{"a":[1,{"b":false}]}]']) {
      expect(findSyntaxError(text), text).toBeNull();
    }
  });

  it('puts a trailing comma on the bracket after it', () => {
    expect(place(fixtureText('articles/trailing-comma.json'))).toMatchObject({ line: 74, column: 3, reason: expect.stringContaining('comma') });
  });

  it('puts a truncated file where the text stops', () => {
    expect(place(fixtureText('articles/truncated.json'))).toMatchObject({ line: 44, column: 30 });
  });

  it('puts plain text on its first character', () => {
    expect(place(fixtureText('articles/not-json.json'))).toMatchObject({ line: 1, column: 1 });
  });

  it('names the usual slips', () => {
    expect(place('{"a": 1 "b": 2}')).toMatchObject({ column: 9, reason: 'a comma or “}” should be here' });
    expect(place("{'a': 1}")).toMatchObject({ column: 2 });
    expect(place('{"a": \'x\'}')).toMatchObject({ column: 7, reason: expect.stringContaining('double quotes') });
    expect(place('{"a" 1}')).toMatchObject({ column: 6, reason: expect.stringContaining('colon') });
    expect(place('{"a": tru}')).toMatchObject({ column: 7 });
    expect(place('{"a": "line\nbreak"}')).toMatchObject({ line: 1, column: 12, reason: expect.stringContaining('\\n') });
    expect(place('{"a": 01}')).toMatchObject({ column: 8 });
    expect(place('{} {}')).toMatchObject({ column: 4, reason: 'more text after the end of the JSON' });
    expect(place('{"a": [1, 2}')).toMatchObject({ column: 12, reason: 'a comma or “]” should be here' });
  });

  it('agrees with JSON.parse on every cut and every one-character slip of the real story', () => {
    const text = realStoryText();
    const variants: string[] = [];
    for (let at = 0; at < text.length; at += 37) {
      variants.push(text.slice(0, at));
      variants.push(text.slice(0, at) + text.slice(at + 1));
      variants.push(`${text.slice(0, at)},${text.slice(at)}`);
    }
    for (const variant of variants) {
      let parses = true;
      try {
        JSON.parse(variant);
      } catch {
        parses = false;
      }
      expect(findSyntaxError(variant) === null, JSON.stringify(variant.slice(-40))).toBe(parses);
    }
  });
});
