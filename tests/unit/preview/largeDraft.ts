/**
 * A draft of at least 1 MB made from the real story: its paragraphs, people and events repeated
 * (with fresh ids) until the text is that long, as a long-read or a live blog can be.
 */
export const ONE_MEGABYTE = 1024 * 1024;

type Item = Record<string, unknown>;

function items(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter((item): item is Item => typeof item === 'object' && item !== null) : [];
}

export function largeDraft(realStoryText: string, atLeast = ONE_MEGABYTE): string {
  const story = JSON.parse(realStoryText) as Item;
  const body = items(story.body);
  const people = items(story.people);
  const timeline = items(story.timeline);
  const draft: Item = { ...story, slug: 'large-draft', body: [...body], people: [...people], timeline: [...timeline] };
  let text = JSON.stringify(draft, null, 2);
  for (let round = 1; text.length < atLeast; round++) {
    (draft.body as Item[]).push(...body.map((block) => ({ ...block, text: `${String(block.text)} (${round})` })));
    if (round % 10 === 0) {
      (draft.timeline as Item[]).push(...timeline.map((event) => ({ ...event, id: `${String(event.id)}-${round}` })));
    }
    text = JSON.stringify(draft, null, 2);
  }
  return `${text}\n`;
}

/**
 * The real story with extra paragraphs of seeded random letters: text that compresses about as
 * badly as text can, to find the limit of a share link.
 */
export function incompressibleDraft(realStoryText: string, extraCharacters: number): string {
  const story = JSON.parse(realStoryText) as Item;
  // mulberry32: small, seeded, and random enough that deflate finds nothing to repeat.
  let seed = 20250320;
  const letter = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return 'abcdefghijklmnopqrstuvwxyz '.charAt(((t ^ (t >>> 14)) >>> 0) % 27);
  };
  const paragraphs: Item[] = [];
  for (let written = 0; written < extraCharacters; written += 1000) {
    paragraphs.push({ type: 'paragraph', text: Array.from({ length: 1000 }, letter).join('') });
  }
  return `${JSON.stringify({ ...story, body: [...items(story.body), ...paragraphs] }, null, 2)}\n`;
}
