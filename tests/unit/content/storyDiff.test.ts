// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Article, Block } from '../../../src/content/schema';
import { countChanges, diffStories, textSimilarity, type BlockChange, type StoryDiff, type WordChange } from '../../../src/content/storyDiff';
import { realStory } from '../support/fixtures';

const paragraph = (text: string): Block => ({ type: 'paragraph', text });

/** The real story, changed in one way (a deep copy, so the original stays as published). */
function edited(edit: (story: Article & { body: Block[] }) => void): Article {
  const story = structuredClone(realStory()) as Article & { body: Block[] };
  edit(story);
  return story;
}

const words = (changes: readonly WordChange[], kind: WordChange['kind']) =>
  changes
    .filter((change) => change.kind === kind)
    .map((change) => change.text.trim())
    .join(' | ');

/** A one-line summary per change, to compare whole diffs at a glance. */
function outline(diff: StoryDiff): string[] {
  return [
    ...diff.fields.map((change) => `${change.kind} ${change.path}`),
    ...diff.body.map((change) => `${change.kind} body ${change.path}`),
    ...diff.people.map((change) => `${change.kind} person ${change.id} ${change.path}`),
    ...diff.timeline.map((change) => `${change.kind} event ${change.id} ${change.path}`),
    ...diff.tags.map((change) => `${change.kind} tag ${change.tag} ${change.path}`),
  ];
}

const editedIn = (diff: StoryDiff): Extract<BlockChange, { kind: 'edited' }>[] =>
  diff.body.filter((change): change is Extract<BlockChange, { kind: 'edited' }> => change.kind === 'edited');

describe('diffStories', () => {
  it('finds nothing between a story and itself', () => {
    const diff = diffStories(realStory(), realStory());
    expect(countChanges(diff)).toBe(0);
    expect(diff.bodyRewritten).toBe(false);
  });

  it('lists exactly one paragraph edited, one added and one new event in the Iran story', () => {
    const published = realStory();
    const draft = edited((story) => {
      const third = story.body[2];
      if (third?.type !== 'paragraph') throw new Error('the story changed');
      story.body[2] = paragraph(third.text.replace('strategic affairs minister Ron Dermer', 'Strategic Affairs Minister Ron Dermer'));
      story.body.splice(5, 0, paragraph('Oman has offered to carry messages between Washington and Tehran, two diplomats said.'));
      story.timeline = [...(story.timeline ?? []), { id: 'oman-offers-mediation', date: '2025-03-25', title: 'Oman offers to carry messages' }];
    });
    const diff = diffStories(published, draft);
    expect(outline(diff)).toEqual([
      'edited body $.body[2]',
      'added body $.body[5]',
      `added event oman-offers-mediation $.timeline[${(draft.timeline?.length ?? 0) - 1}]`,
    ]);
    const [edit] = editedIn(diff);
    expect(edit?.beforeIndex).toBe(2);
    expect(words(edit?.words ?? [], 'removed')).toBe('strategic affairs minister');
    expect(words(edit?.words ?? [], 'added')).toBe('Strategic Affairs Minister');
    expect(countChanges(diff)).toBe(3);
  });

  it('takes a rewritten paragraph that shares few words for a removal and an addition', () => {
    const draft = edited((story) => {
      story.body[0] = paragraph('Completely different words stand here now, about nothing at all.');
    });
    expect(outline(diffStories(realStory(), draft))).toEqual(['removed body $.body[0]', 'added body $.body[0]']);
  });

  it('finds a removed paragraph, pointing at the one now in its place', () => {
    const draft = edited((story) => story.body.splice(3, 1));
    const diff = diffStories(realStory(), draft);
    expect(outline(diff)).toEqual(['removed body $.body[3]']);
    expect(diff.body[0]?.kind === 'removed' && diff.body[0].beforeIndex).toBe(3);
  });

  it('points a removed last paragraph at the body', () => {
    const published = realStory();
    const draft = edited((story) => story.body.pop());
    expect(outline(diffStories(published, draft))).toEqual(['removed body $.body']);
  });

  it('pairs each edited paragraph of a run with the one it was, in order, among removals and additions', () => {
    const draft = edited((story) => {
      const [first, second] = story.body;
      if (first?.type !== 'paragraph' || second?.type !== 'paragraph') throw new Error('the story changed');
      story.body.splice(0, 2, paragraph('A new opening paragraph with nothing in common.'), paragraph(`${first.text} More.`), paragraph(`${second.text} Also more.`));
    });
    expect(outline(diffStories(realStory(), draft))).toEqual(['added body $.body[0]', 'edited body $.body[1]', 'edited body $.body[2]']);
  });

  it('calls a paragraph turned into a quote an edit of its type', () => {
    const draft = edited((story) => {
      const first = story.body[0];
      if (first?.type !== 'paragraph') throw new Error('the story changed');
      story.body[0] = { type: 'quote', text: first.text, attribution: 'A person familiar with the matter' };
    });
    const [edit] = editedIn(diffStories(realStory(), draft));
    expect(edit?.typeChanged).toBe(true);
    expect(words(edit?.words ?? [], 'added')).toBe('A person familiar with the matter');
  });

  it('lists header fields added, edited and removed, with word changes in edited texts', () => {
    const draft = edited((story) => {
      story.headline = 'US, Israel To Hold Talks On Iran At White House';
      story.byline = 'Steve Holland';
      delete story.section;
      story.dateline = 'Washington DC';
    });
    const diff = diffStories(realStory(), draft);
    expect(outline(diff)).toEqual(['edited $.headline', 'removed $', 'edited $.dateline', 'added $.byline']);
    const headline = diff.fields[0];
    expect(words(headline?.words ?? [], 'removed')).toBe('High-Level | Next Week');
    expect(diff.fields.map((change) => change.group)).toEqual(['header', 'header', 'header', 'credit']);
  });

  it('lists the credit, the lead image and the dates', () => {
    const draft = edited((story) => {
      story.source = { name: 'Reuters' };
      story.image = { src: '/lead.jpg', alt: 'The White House', width: 1600, height: 900 };
      story.updated = '2025-03-21T09:00:00Z';
      story.published = '2025-03-19';
    });
    const diff = diffStories(realStory(), draft);
    expect(outline(diff)).toEqual([
      'removed $.source',
      'removed $.source',
      'added $.image.src',
      'added $.image.alt',
      'added $.image.width',
      'added $.image.height',
      'edited $.published',
      'added $.updated',
    ]);
    const published = diff.fields.find((change) => change.field === 'published');
    expect(published).toMatchObject({ before: '2025-03-20', after: '2025-03-19', group: 'dates' });
    // A date is shown whole: "2025-03-19" against "2025-03-20" is not a list of changed digits.
    expect(published?.words).toBeUndefined();
  });

  it('lists people added, removed and changed by id, naming the fields that changed', () => {
    const draft = edited((story) => {
      const people = [...(story.people ?? [])];
      const [trump, , araqchi] = people;
      if (!trump || !araqchi) throw new Error('the story changed');
      people[0] = { ...trump, role: 'President of the United States' };
      people[2] = { ...araqchi, aliases: ['Araqchi', 'Araghchi'], nativeLang: undefined };
      people.splice(1, 1);
      people.push({ id: 'steve-witkoff', name: 'Steve Witkoff', role: 'Special envoy' });
      story.people = people.map((person) => {
        const { nativeLang, ...rest } = person;
        return nativeLang === undefined ? rest : person;
      });
    });
    const diff = diffStories(realStory(), draft);
    expect(outline(diff)).toEqual([
      'removed person ali-khamenei $.people[1]',
      'changed person donald-trump $.people[0].role',
      'changed person abbas-araqchi $.people[1]',
      'added person steve-witkoff $.people[4]',
    ]);
    const araqchi = diff.people.find((change) => change.id === 'abbas-araqchi');
    expect(araqchi?.kind === 'changed' && araqchi.fields).toEqual([
      { field: 'aliases', before: 'Araqchi', after: 'Araqchi, Araghchi' },
      { field: 'nativeLang', before: 'fa' },
    ]);
  });

  it('lists an event whose date changed, and tags added and removed', () => {
    const draft = edited((story) => {
      story.timeline = (story.timeline ?? []).map((event) => (event.id === 'us-leaves-nuclear-deal' ? { ...event, date: '2018-05' } : event));
      story.tags = ['Iran', 'Israel', 'United States', 'Diplomacy', 'White House'];
    });
    const diff = diffStories(realStory(), draft);
    expect(outline(diff)).toEqual(['changed event us-leaves-nuclear-deal $.timeline[1].date', 'removed tag Nuclear programme $.tags', 'added tag White House $.tags[4]']);
    expect(diff.timeline[0]?.kind === 'changed' && diff.timeline[0].fields).toEqual([{ field: 'date', before: '2018-05-08', after: '2018-05' }]);
  });

  it('reads a removed list as removed from the story when the list is gone', () => {
    const draft = edited((story) => {
      delete story.tags;
      delete story.timeline;
    });
    const diff = diffStories(realStory(), draft);
    expect(new Set(diff.tags.map((change) => change.path))).toEqual(new Set(['$']));
    expect(new Set(diff.timeline.map((change) => `${change.kind} ${change.path}`))).toEqual(new Set(['removed $']));
  });

  it('gives up block by block on bodies too different to compare, listing every block', () => {
    const before = { ...realStory(), body: Array.from({ length: 1200 }, (_, index) => paragraph(`Old paragraph number ${index}.`)) };
    const after = { ...realStory(), body: Array.from({ length: 1200 }, (_, index) => paragraph(`Other words entirely, ${index * 7}!`)) };
    const diff = diffStories(before, after);
    expect(diff.bodyRewritten).toBe(true);
    expect(diff.body.filter((change) => change.kind === 'removed')).toHaveLength(1200);
    expect(diff.body.filter((change) => change.kind === 'added')).toHaveLength(1200);
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same words and 0 for none in common, whatever the case and punctuation', () => {
    expect(textSimilarity('Talks on Iran.', 'talks ON iran')).toBe(1);
    expect(textSimilarity('Talks on Iran', 'Weather in Oslo')).toBe(0);
    expect(textSimilarity('one two three four', 'one two three five')).toBe(0.75);
  });
});
