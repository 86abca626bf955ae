/**
 * Where a JSON path of the parsed draft is in the draft's text. The parser leaves broken items
 * out, so `$.body[3]` of the parsed story may be the fifth block as written: each list index is
 * mapped back to the item as written (the parsed items are the written ones, in order, minus the
 * broken ones) before the path is looked up in the text.
 */
import { formatPath } from '../../content/parse';
import { parsePath, scanPositions, locate, rangeOf, type PathSegment } from './jsonPositions';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a written item is the parsed one: the same id, or else the same text. */
function same(written: unknown, parsed: unknown): boolean {
  if (typeof written === 'string' || typeof parsed === 'string') return written === parsed;
  if (!isRecord(written) || !isRecord(parsed)) return false;
  if (parsed.id !== undefined) return written.id === parsed.id;
  return written.text === parsed.text && written.type === parsed.type;
}

/** The index as written of the parsed list's item `index`, or `index` itself when they cannot be matched. */
function writtenIndex(written: readonly unknown[], parsed: readonly unknown[], index: number): number {
  let at = 0;
  for (let item = 0; item <= index; item++) {
    while (at < written.length && !same(written[at], parsed[item])) at++;
    if (at >= written.length) return index;
    if (item < index) at++;
  }
  return at;
}

/** The path's segments as written, following both the written JSON and the parsed story down. */
export function writtenSegments(raw: unknown, parsed: unknown, path: string): PathSegment[] {
  const segments = parsePath(path) ?? [];
  const out: PathSegment[] = [];
  let written: unknown = raw;
  let shown: unknown = parsed;
  for (const segment of segments) {
    if (typeof segment === 'number' && Array.isArray(written) && Array.isArray(shown)) {
      const index = writtenIndex(written, shown, segment);
      out.push(index);
      written = written[index];
      shown = shown[segment];
    } else {
      out.push(segment);
      written = isRecord(written) ? written[String(segment)] : undefined;
      shown = isRecord(shown) ? shown[String(segment)] : undefined;
    }
  }
  return out;
}

/** The offset in `text` to take the cursor to for `path` of the parsed story `parsed`. */
export function offsetOfPath(text: string, parsed: unknown, path: string): number {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 0;
  }
  const written = formatPath(writtenSegments(raw, parsed, path));
  return rangeOf(locate(scanPositions(text), written)).from;
}
