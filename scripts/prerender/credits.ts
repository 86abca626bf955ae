/**
 * Who a story is by, as the feed and the JSON-LD name them: the same words the story page shows
 * ("By …" and "Reuters, via NDTV"), split into the people a byline names.
 */
import type { Source } from '../../src/content/schema';

/**
 * The writers a byline names: "By Steve Holland and Humeyra Pamuk" is two people. A byline is free
 * text, so this splits only on the separators bylines use between names (", ", " and ", " & ")
 * and keeps the whole byline when nothing is left.
 */
export function bylineNames(byline: string): string[] {
  const names = byline
    .trim()
    .replace(/^by\s+/i, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length > 0 ? names : [byline.trim()];
}

/** "Reuters, via NDTV", as the story page credits it. */
export function sourceCredit(source: Source): string {
  return source.syndicatedBy ? `${source.name}, via ${source.syndicatedBy}` : source.name;
}
