import type { Block, Person } from '../../content/schema';

export type Segment = string | { readonly text: string; readonly personId: string };

/** A run of letters and digits, or else the one character there: the steps a name is read in. */
const TOKEN = /[\p{L}\p{N}]+|[\s\S]/uy;
const WORD_CHAR_AT_END = /[\p{L}\p{N}]$/u;
const WORD_CHAR_AT_START = /^[\p{L}\p{N}]/u;

function tokenAt(text: string, at: number): string {
  TOKEN.lastIndex = at;
  return TOKEN.exec(text)?.[0] ?? '';
}

/** The names, as a tree of their tokens; `rank` orders names longest first, as they are preferred. */
interface NameNode {
  readonly next: Map<string, NameNode>;
  name?: string;
  rank?: number;
}

function nameTree(names: readonly string[]): NameNode {
  const root: NameNode = { next: new Map() };
  names.forEach((name, rank) => {
    let node = root;
    for (let at = 0; at < name.length; ) {
      const token = tokenAt(name, at);
      at += token.length;
      let child = node.next.get(token);
      if (child === undefined) {
        child = { next: new Map() };
        node.next.set(token, child);
      }
      node = child;
    }
    node.name = name;
    node.rank = rank;
  });
  return root;
}

/** The preferred whole-word name written at `at`, whose first token is `first`, if any. */
function nameAt(tree: NameNode, text: string, at: number, first: string): string | undefined {
  let node = tree.next.get(first);
  if (node === undefined || WORD_CHAR_AT_END.test(text.slice(Math.max(0, at - 2), at))) return undefined;
  let best: { name: string; rank: number } | undefined;
  for (let end = at + first.length; ; ) {
    const { name, rank } = node;
    if (name !== undefined && rank !== undefined && (best === undefined || rank < best.rank) && !WORD_CHAR_AT_START.test(text.slice(end, end + 2))) {
      best = { name, rank };
    }
    if (end >= text.length) break;
    const token = tokenAt(text, end);
    const next = node.next.get(token);
    if (next === undefined) break;
    node = next;
    end += token.length;
  }
  return best?.name;
}

/**
 * Splits each block's text so that the first mention of each person (by name or alias) becomes
 * a link to their card. Longer names win ("Ayatollah Ali Khamenei" over "Khamenei"), and a name
 * only matches as a whole word. Headings are left as they are.
 *
 * Names are read token by token from a tree rather than tried one by one at every place in the
 * text (as one alternation of every name would be): a story with thousands of people stays
 * linear in its length.
 */
export function linkFirstMentions(blocks: readonly Block[], people: readonly Person[]): Segment[][] {
  const owner = new Map<string, string>();
  for (const person of people) {
    for (const name of [person.name, ...(person.aliases ?? [])]) {
      if (!owner.has(name)) owner.set(name, person.id);
    }
  }
  if (owner.size === 0) return blocks.map((block) => [block.text]);
  const tree = nameTree([...owner.keys()].sort((a, b) => b.length - a.length));
  const linked = new Set<string>();
  // Once everyone is linked there is nothing left to look for.
  const everyone = new Set(owner.values()).size;

  return blocks.map((block) => {
    if (block.type === 'heading') return [block.text];
    const { text } = block;
    const segments: Segment[] = [];
    let last = 0;
    for (let at = 0; at < text.length && linked.size < everyone; ) {
      const token = tokenAt(text, at);
      const name = nameAt(tree, text, at, token);
      if (name === undefined) {
        at += Math.max(token.length, 1);
        continue;
      }
      const personId = owner.get(name);
      if (personId !== undefined && !linked.has(personId)) {
        linked.add(personId);
        if (at > last) segments.push(text.slice(last, at));
        segments.push({ text: name, personId });
        last = at + name.length;
      }
      at += name.length;
    }
    if (last < text.length) segments.push(text.slice(last));
    return segments;
  });
}
