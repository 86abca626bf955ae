import type { Block, Person } from '../../content/schema';

export type Segment = string | { readonly text: string; readonly personId: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits each block's text so that the first mention of each person (by name or alias) becomes
 * a link to their card. Longer names win ("Ayatollah Ali Khamenei" over "Khamenei"), and a name
 * only matches as a whole word. Headings are left as they are.
 */
export function linkFirstMentions(blocks: readonly Block[], people: readonly Person[]): Segment[][] {
  const owner = new Map<string, string>();
  for (const person of people) {
    for (const name of [person.name, ...(person.aliases ?? [])]) {
      if (!owner.has(name)) owner.set(name, person.id);
    }
  }
  const names = [...owner.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return blocks.map((block) => [block.text]);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const linked = new Set<string>();

  return blocks.map((block) => {
    if (block.type === 'heading') return [block.text];
    const segments: Segment[] = [];
    let last = 0;
    for (const match of block.text.matchAll(pattern)) {
      const personId = owner.get(match[0]);
      if (personId === undefined || linked.has(personId)) continue;
      linked.add(personId);
      if (match.index > last) segments.push(block.text.slice(last, match.index));
      segments.push({ text: match[0], personId });
      last = match.index + match[0].length;
    }
    if (last < block.text.length) segments.push(block.text.slice(last));
    return segments;
  });
}
