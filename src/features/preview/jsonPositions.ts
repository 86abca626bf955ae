/**
 * Where each value of a JSON text sits, so that a problem named by its JSON path can be marked in
 * the editor and the cursor taken to it. The text has already passed JSON.parse, so the scanner
 * trusts its grammar and only records offsets.
 */

export type PathSegment = string | number;

export interface JsonNode {
  /** Offsets of the value itself: `from` is its first character, `to` is one past its last. */
  readonly from: number;
  readonly to: number;
  /** Offsets of the member's key (quotes included), for a value inside an object. */
  readonly keyFrom?: number;
  readonly keyTo?: number;
  readonly children?: Map<PathSegment, JsonNode>;
}

interface MutableNode {
  from: number;
  to: number;
  keyFrom?: number;
  keyTo?: number;
  children?: Map<PathSegment, JsonNode>;
}

const WHITESPACE = new Set([0x20, 0x0a, 0x0d, 0x09]);

class Scanner {
  private at = 0;
  constructor(private readonly text: string) {}

  private skipSpace(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text.charCodeAt(this.at))) this.at++;
  }

  /** Returns the offset just past the closing quote of the string starting at `this.at`. */
  private skipString(): number {
    let i = this.at + 1;
    const { text } = this;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote === -1) return text.length;
      let slashes = 0;
      for (let j = quote - 1; text.charCodeAt(j) === 0x5c; j--) slashes++;
      if (slashes % 2 === 0) return quote + 1;
      i = quote + 1;
    }
  }

  value(): MutableNode {
    this.skipSpace();
    const from = this.at;
    const char = this.text[from];
    if (char === '{') return this.object(from);
    if (char === '[') return this.array(from);
    if (char === '"') {
      this.at = this.skipString();
      return { from, to: this.at };
    }
    // A number, true, false or null: runs until a delimiter.
    let i = from;
    while (i < this.text.length && !/[\s,\]}]/.test(this.text.charAt(i))) i++;
    this.at = i;
    return { from, to: i };
  }

  private object(from: number): MutableNode {
    const children = new Map<PathSegment, JsonNode>();
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return { from, to: this.at, children };
    }
    for (;;) {
      this.skipSpace();
      const keyFrom = this.at;
      const keyTo = this.skipString();
      const rawKey = this.text.slice(keyFrom, keyTo);
      const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
      this.at = keyTo;
      this.skipSpace();
      this.at++; // the colon
      const node = this.value();
      node.keyFrom = keyFrom;
      node.keyTo = keyTo;
      // As in JSON.parse, the last of two equal keys wins.
      children.set(key, node);
      this.skipSpace();
      const next = this.text[this.at++];
      if (next !== ',') return { from, to: this.at, children };
    }
  }

  private array(from: number): MutableNode {
    const children = new Map<PathSegment, JsonNode>();
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return { from, to: this.at, children };
    }
    for (let index = 0; ; index++) {
      children.set(index, this.value());
      this.skipSpace();
      const next = this.text[this.at++];
      if (next !== ',') return { from, to: this.at, children };
    }
  }
}

/** The tree of offsets of a text that JSON.parse accepts. */
export function scanPositions(text: string): JsonNode {
  return new Scanner(text).value();
}

/** Reads a JSON path as the parser writes it (`$.people[2].name`, `$["odd key"]`) into segments. */
export function parsePath(path: string): PathSegment[] | null {
  if (!path.startsWith('$')) return null;
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const char = path[i];
    if (char === '.') {
      const match = /^[A-Za-z_$][\w$]*/.exec(path.slice(i + 1));
      if (!match) return null;
      segments.push(match[0]);
      i += 1 + match[0].length;
    } else if (char === '[') {
      const index = /^\[(\d+)\]/.exec(path.slice(i));
      if (index?.[1] !== undefined) {
        segments.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      const quoted = /^\["(?:[^"\\]|\\.)*"\]/.exec(path.slice(i));
      if (!quoted) return null;
      segments.push(JSON.parse(quoted[0].slice(1, -1)) as string);
      i += quoted[0].length;
    } else {
      return null;
    }
  }
  return segments;
}

export interface Located {
  readonly node: JsonNode;
  /** False when the path names something absent (a missing field): `node` is its nearest ancestor. */
  readonly exact: boolean;
}

/** Finds the value a path names, or the nearest ancestor that exists. */
export function locate(root: JsonNode, path: string): Located {
  const segments = parsePath(path) ?? [];
  let node = root;
  for (const segment of segments) {
    const child = node.children?.get(segment);
    if (!child) return { node, exact: false };
    node = child;
  }
  return { node, exact: true };
}

/**
 * The stretch of text to mark for a located problem: a short value with its key, or only the
 * key (or opening bracket) of a long object or list, so a mark never paints half the draft.
 */
export function rangeOf({ node, exact }: Located): { from: number; to: number } {
  const isContainer = node.children !== undefined;
  if (exact && !isContainer) return { from: node.keyFrom ?? node.from, to: node.to };
  if (node.keyFrom !== undefined && node.keyTo !== undefined) return { from: node.keyFrom, to: node.keyTo };
  return { from: node.from, to: Math.min(node.to, node.from + 1) };
}

/** Offsets where each line starts, for turning offsets into line and column quickly. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
export function lineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** Offset of a 1-based line and column, clamped to the text. */
export function offsetOf(starts: readonly number[], textLength: number, line: number, column: number): number {
  const start = starts[Math.max(0, Math.min(line, starts.length) - 1)] ?? 0;
  return Math.max(0, Math.min(textLength, start + column - 1));
}
