/**
 * Finds where a JSON text first breaks the grammar, and says why in an editor's words.
 *
 * JSON.parse says where only for some errors: V8 gives "Unexpected token ']', … is not valid JSON"
 * with no position for a trailing comma or a stray word, so the parser's fallback puts those at the
 * end of the text. The preview has to point at the exact character, so it walks the text itself
 * (only once JSON.parse has refused it).
 */

export interface SyntaxProblem {
  /** Offset of the character where the text stops being JSON (the text's length when it ends early). */
  readonly offset: number;
  readonly reason: string;
}

type State = 'value' | 'key' | 'after';

const WHITESPACE = /[ \t\n\r]/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function shown(char: string): string {
  if (char === '\n') return 'a line break';
  if (char === '\t') return 'a tab';
  return `“${char}”`;
}

class SyntaxFound extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.reason);
  }
}

const fail = (offset: number, reason: string): never => {
  throw new SyntaxFound({ offset, reason });
};

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && WHITESPACE.test(text.charAt(i))) i++;
  return i;
}

function previousSignificant(text: string, at: number): string {
  let i = at - 1;
  while (i >= 0 && WHITESPACE.test(text.charAt(i))) i--;
  return i >= 0 ? text.charAt(i) : '';
}

/** Returns the offset just past the string that starts at `at`. */
function scanString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char === '"') return i + 1;
    if (char === '\\') {
      const escaped = text.charAt(i + 1);
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i, 'a \\u escape needs four hexadecimal digits');
        i += 6;
        continue;
      }
      if (!ESCAPES.has(escaped)) fail(i, `“\\${escaped}” is not an escape JSON knows; write “\\\\” for a backslash`);
      i += 2;
      continue;
    }
    if (char.charCodeAt(0) < 0x20) fail(i, `${shown(char)} inside text must be written as an escape, such as \\n or \\t`);
    i++;
  }
  return fail(text.length, 'the text stops inside a string: a closing " is missing');
}

function scanLiteral(text: string, at: number): number {
  const word = /^[A-Za-z]+/.exec(text.slice(at, at + 40))?.[0] ?? text.charAt(at);
  if (word === 'true' || word === 'false' || word === 'null') return at + word.length;
  return fail(at, `unexpected ${shown(word)}: text must be in double quotes`);
}

function scanNumber(text: string, at: number): number {
  NUMBER.lastIndex = at;
  const match = NUMBER.exec(text);
  if (!match) return fail(at, 'a number is written like 12, -3.5 or 1e6');
  const end = at + match[0].length;
  const next = text.charAt(end);
  if (/[0-9.eE+-]/.test(next)) return fail(end, 'a number is written like 12, -3.5 or 1e6');
  return end;
}

function walk(text: string): void {
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = skipSpace(text, 0);
  for (;;) {
    i = skipSpace(text, i);
    const char = text.charAt(i);
    const top = stack.at(-1);
    if (state === 'value') {
      if (i >= text.length) fail(i, 'the text stops where a value should be');
      if (char === '{' || char === '[') {
        stack.push(char);
        const next = skipSpace(text, i + 1);
        const closer = char === '{' ? '}' : ']';
        if (text.charAt(next) === closer) {
          stack.pop();
          i = next + 1;
          state = 'after';
        } else {
          i = i + 1;
          state = char === '{' ? 'key' : 'value';
        }
        continue;
      }
      if (char === '"') i = scanString(text, i);
      else if (char === '-' || (char >= '0' && char <= '9')) i = scanNumber(text, i);
      else if (/[A-Za-z]/.test(char)) i = scanLiteral(text, i);
      else if (char === "'") fail(i, 'text must be in double quotes, not single ones');
      else if ((char === ']' || char === '}') && previousSignificant(text, i) === ',') fail(i, `a comma before “${char}”: remove the comma`);
      else fail(i, `unexpected ${shown(char)} where a value should be`);
      state = 'after';
      continue;
    }
    if (state === 'key') {
      if (char === '}' && previousSignificant(text, i) === ',') fail(i, 'a comma before “}”: remove the comma');
      if (i >= text.length) fail(i, 'the text stops where a field name should be');
      if (char !== '"') fail(i, `unexpected ${shown(char)}: a field name in double quotes should be here`);
      i = skipSpace(text, scanString(text, i));
      if (text.charAt(i) !== ':') fail(i, i >= text.length ? 'the text stops after a field name' : 'a colon (:) should follow the field name');
      i += 1;
      state = 'value';
      continue;
    }
    // After a value.
    if (top === undefined) {
      if (i < text.length) fail(i, 'more text after the end of the JSON');
      return;
    }
    const closer = top === '{' ? '}' : ']';
    if (char === ',') {
      i += 1;
      state = top === '{' ? 'key' : 'value';
    } else if (char === closer) {
      stack.pop();
      i += 1;
    } else if (i >= text.length) {
      fail(i, `the text stops before the JSON is complete: ${stack.length} bracket${stack.length === 1 ? ' is' : 's are'} still open`);
    } else {
      fail(i, `a comma or “${closer}” should be here`);
    }
  }
}

/** The first place the text breaks JSON's grammar, or null if it is well formed. */
export function findSyntaxError(text: string): SyntaxProblem | null {
  try {
    walk(text);
    return null;
  } catch (error) {
    if (error instanceof SyntaxFound) return error.problem;
    throw error;
  }
}
