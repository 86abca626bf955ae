// @vitest-environment node
/**
 * Linking first mentions is done for every story the reader shows, on the main thread. With one
 * regular expression of every name, a story with thousands of people took seconds (3,000 people
 * and 10,000 paragraphs: about 8 s), freezing the page. The linker now looks names up by their
 * first word; these tests hold it to the old behaviour on generated text, and to linear time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Person } from '../../../src/content/schema';
import { linkFirstMentions, type Segment } from '../../../src/features/article/mentions';
import { bigStory } from '../../../scripts/benchStory';
import { TEXT_PAYLOADS } from '../../fixtures/hostile/payloads';

/** The linker as it was: one alternation of every name, longest first, whole words only. */
function referenceLinkFirstMentions(blocks: readonly Block[], people: readonly Person[]): Segment[][] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const owner = new Map<string, string>();
  for (const person of people) {
    for (const name of [person.name, ...(person.aliases ?? [])]) {
      if (!owner.has(name)) owner.set(name, person.id);
    }
  }
  const names = [...owner.keys()].sort((a, b) => b.length - a.length);
  if (names.length === 0) return blocks.map((block) => [block.text]);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
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

// A small alphabet, so that names and text collide often: letters, digits, a combining accent,
// a zero-width non-joiner, punctuation, regex syntax, a letter outside the BMP and right-to-left script.
const piece = fc.constantFrom('a', 'b', 'ab', 'A', 'é', '\u0301', '1', ' ', ' ', '-', "'", '.', '(', '$', '\u200C', '𝐀', 'ك', 'علی', '*');
const name = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')).filter((text) => /\S/.test(text));

const scene = fc
  .uniqueArray(fc.record({ name, aliases: fc.array(name, { maxLength: 2 }) }), { maxLength: 5, selector: (person) => person.name })
  .chain((cast) => {
    const people: Person[] = cast.map((person, index) => ({ id: `p${index}`, name: person.name, role: 'Role', aliases: person.aliases }));
    const known = people.flatMap((person) => [person.name, ...(person.aliases ?? [])]);
    const word = known.length > 0 ? fc.oneof(piece, fc.constantFrom(...known)) : piece;
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    const block = fc.oneof(
      text.map((t): Block => ({ type: 'paragraph', text: t })),
      text.map((t): Block => ({ type: 'quote', text: t })),
      text.map((t): Block => ({ type: 'heading', text: t })),
    );
    return fc.record({ people: fc.constant(people), blocks: fc.array(block, { minLength: 1, maxLength: 4 }) });
  });

describe('linking first mentions', () => {
  it('links exactly what one big regular expression linked (1,000 generated stories)', () => {
    fc.assert(
      fc.property(scene, ({ people, blocks }) => {
        const linked = linkFirstMentions(blocks, people);
        const reference = referenceLinkFirstMentions(blocks, people);
        if (JSON.stringify(linked) !== JSON.stringify(reference)) expect(linked).toEqual(reference);
      }),
      { numRuns: 1000, seed: Number(process.env.FC_SEED ?? 20250320) },
    );
  }, 60_000);

  it('links hostile names as text, the same way', () => {
    const people: Person[] = TEXT_PAYLOADS.map((payload, index) => ({ id: `p${index}`, name: payload.text.slice(0, 500), role: 'Role' }));
    const blocks: Block[] = TEXT_PAYLOADS.map((payload) => ({ type: 'paragraph', text: `Before ${payload.text.slice(0, 500)} after.` }));
    expect(linkFirstMentions(blocks, people)).toEqual(referenceLinkFirstMentions(blocks, people));
  });

  it('stays fast with 3,000 people and 10,000 paragraphs (it took about 8 s)', () => {
    const story = bigStory(10_000, 3_000, 10_000);
    const people = story.people.map((person): Person => ({ ...person }));
    const body = story.body.map((block): Block => ({ type: 'paragraph', text: block.text }));
    const started = performance.now();
    const segments = linkFirstMentions(body, people);
    const elapsed = performance.now() - started;
    console.log(`linked mentions of 3,000 people in 10,000 paragraphs in ${elapsed.toFixed(0)} ms`);
    expect(segments.flat().filter((segment) => typeof segment !== 'string')).toHaveLength(3_000);
    // Generous, for a loaded machine: the point is linear, not seconds.
    expect(elapsed).toBeLessThan(3_000);
  }, 60_000);
});
