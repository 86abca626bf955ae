// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeDraft, type DraftAnalysis, type Problem } from '../../../src/features/preview/analyzeDraft';
import { blankTemplate } from '../../../src/features/preview/blankTemplate';
import { fixtureText, realStoryText } from '../support/fixtures';
import { largeDraft, ONE_MEGABYTE } from './largeDraft';

type Story = Record<string, unknown> & { body: Item[]; people: Item[]; timeline: Item[]; image?: Item };
type Item = Record<string, unknown>;

/** The real story, changed in one way, as an editor's draft text. */
function draftOf(edit: (story: Story) => void): string {
  const story = JSON.parse(realStoryText()) as Story;
  edit(story);
  return JSON.stringify(story, null, 2);
}

function item(list: Item[], index: number): Item {
  const found = list[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
}

const summary = (problems: readonly Problem[]) => problems.map((problem) => `${problem.severity} ${problem.path}`);
const errors = (analysis: DraftAnalysis) => analysis.problems.filter((problem) => problem.severity === 'error');
const warningsAt = (analysis: DraftAnalysis, path: string) =>
  analysis.problems.filter((problem) => problem.severity === 'warning' && problem.path === path);

describe('a draft that cannot be shown', () => {
  it.each([
    ['articles/not-json.json', 1, 1],
    ['articles/truncated.json', 44, 30],
    ['articles/trailing-comma.json', 74, 3],
    ['articles/empty.json', 1, 1],
  ])('%s: a syntax error at line %i, column %i', (file, line, column) => {
    const analysis = analyzeDraft(fixtureText(file));
    expect(analysis.ok).toBe(false);
    expect(errors(analysis)).toEqual([
      expect.objectContaining({ path: '$', line, column, message: expect.stringContaining(`line ${line}, column ${column}`) }),
    ]);
  });

  it('says an HTML page is one', () => {
    const analysis = analyzeDraft(fixtureText('articles/html-page.json'));
    expect(analysis).toMatchObject({ ok: false, kind: 'html' });
    expect(errors(analysis)[0]?.message).toMatch(/HTML page/);
  });

  it.each([
    ['articles/not-an-object.json', '$', /must be a JSON object/],
    ['articles/bad-schema-version-missing.json', '$.schemaVersion', /missing/],
    ['articles/bad-schema-version-2.json', '$.schemaVersion', /version 2 is not supported/],
    ['articles/bad-schema-version-not-number.json', '$.schemaVersion', /version "1" is not supported/],
    ['articles/bad-slug-missing.json', '$.slug', /missing/],
    ['articles/bad-slug-not-text.json', '$.slug', /must be text/],
    ['articles/bad-headline-missing.json', '$.headline', /missing/],
    ['articles/bad-headline-not-text.json', '$.headline', /must be text/],
    ['articles/bad-dateline-missing.json', '$.dateline', /missing/],
    ['articles/bad-dateline-not-text.json', '$.dateline', /must be text/],
    ['articles/bad-published-missing.json', '$.published', /missing/],
    ['articles/bad-published-not-text.json', '$.published', /text/],
    ['articles/bad-published-not-a-date.json', '$.published', /not a real date/],
    ['articles/bad-body-missing.json', '$.body', /missing/],
    ['articles/bad-body-not-a-list.json', '$.body', /must be a list/],
    ['articles/bad-body-only-invalid-blocks.json', '$.body', /at least one block/],
  ])('%s: an error at %s', (file, path, message) => {
    const analysis = analyzeDraft(fixtureText(file));
    expect(analysis.ok).toBe(false);
    expect(errors(analysis)).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it('names every failing field, each by its path and place', () => {
    const text = draftOf((story) => {
      story.headline = 42;
      delete story.dateline;
      story.published = 'yesterday';
    });
    const analysis = analyzeDraft(text);
    // In the order of the text; a missing field is marked on the object that lacks it.
    expect(summary(errors(analysis))).toEqual(['error $.dateline', 'error $.headline', 'error $.published']);
    const headline = errors(analysis).find((problem) => problem.path === '$.headline');
    expect(text.slice(headline?.from, headline?.to)).toBe('"headline": 42');
    expect(headline).toMatchObject({ line: 4, column: 3 });
  });

  it('still lists the warnings it found before the errors stopped the read', () => {
    const analysis = analyzeDraft(fixtureText('articles/bad-body-only-invalid-blocks.json'));
    expect(summary(analysis.problems)).toEqual(['error $.body', 'warning $.body[0].type', 'warning $.body[1].text', 'warning $.body[2].text']);
  });
});

describe('a draft that can be shown, with what the reader would leave out', () => {
  it.each([
    ['articles/bad-person-no-name.json', '$.people[1].name'],
    ['articles/bad-event-impossible-date.json', '$.timeline[3].date'],
    ['articles/bad-block-unknown-type.json', '$.body[3].type'],
    ['articles/bad-image-javascript-url.json', '$.image.src'],
    ['articles/bad-image-data-url.json', '$.people[0].image.src'],
    ['articles/bad-person-duplicate-id.json', '$.people[5].id'],
    ['articles/bad-event-unknown-person.json', '$.timeline[13].people'],
    ['articles/bad-event-end-before-start.json', '$.timeline[2].endDate'],
    ['articles/bad-list-names-too-long.json', '$.section'],
  ])('%s: a warning at %s', (file, path) => {
    const text = fixtureText(file);
    const analysis = analyzeDraft(text);
    expect(analysis.ok).toBe(true);
    const [warning] = warningsAt(analysis, path);
    expect(warning).toBeDefined();
    // The mark is on the very field the path names, or on the item that lacks it.
    expect(text.slice(warning?.from, warning?.to)).toMatch(path.endsWith('.name') ? /^\{$/ : /^"\w+"/);
  });

  it('names items by their place in the file, even after broken ones before them are left out', () => {
    const analysis = analyzeDraft(fixtureText('articles/bad-items-before-cross-references.json'));
    for (const path of ['$.people[0].name', '$.people[5].id', '$.timeline[0].date', '$.timeline[13].people']) {
      expect(warningsAt(analysis, path).length, path).toBeGreaterThan(0);
    }
  });

  it('warns of each unknown field', () => {
    const analysis = analyzeDraft(fixtureText('articles/unknown-fields.json'));
    for (const path of ['$.kicker', '$.people[0].twitter', '$.body[0].style']) {
      expect(warningsAt(analysis, path), path).toEqual([expect.objectContaining({ message: expect.stringMatching(/unknown field/) })]);
    }
  });

  it('says nothing of a good story but its long standfirst', () => {
    const analysis = analyzeDraft(realStoryText());
    expect(analysis.ok).toBe(true);
    expect(summary(analysis.problems)).toEqual(['warning $.standfirst']);
  });

  it('says nothing at all of the blank template', () => {
    expect(analyzeDraft(blankTemplate(new Date(2025, 2, 20))).problems).toEqual([]);
  });
});

describe('editorial warnings', () => {
  it('warns of a headline over about 110 characters, and a standfirst over about 160', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        story.headline = `${'A long headline '.repeat(7)}end`;
        story.standfirst = 'Short.';
      }),
    );
    expect(summary(analysis.problems)).toEqual(['warning $.headline']);
    expect(analysis.problems[0]?.message).toMatch(/115 characters/);
  });

  it('warns of a lead image or a person’s picture without alt text', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        story.image = { src: 'https://example.com/white-house.jpg', alt: ' ', width: 1200, height: 800 };
        item(story.people, 2).image = { src: '/people/araqchi.jpg', alt: '', width: 96, height: 96 };
      }),
    );
    expect(warningsAt(analysis, '$.image.alt')).toHaveLength(1);
    expect(warningsAt(analysis, '$.people[2].image.alt')).toHaveLength(1);
  });

  it('warns of a lead image narrower than 1200 px', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        story.image = { src: '/lead.jpg', alt: 'The White House', width: 800, height: 450 };
      }),
    );
    expect(warningsAt(analysis, '$.image.width')).toEqual([expect.objectContaining({ message: expect.stringMatching(/800 px wide; under 1200 px/) })]);
  });

  it('warns of a name in its own script without nativeLang', () => {
    const analysis = analyzeDraft(draftOf((story) => delete item(story.people, 2).nativeLang));
    expect(warningsAt(analysis, '$.people[2].nativeName')).toEqual([expect.objectContaining({ message: expect.stringMatching(/Abbas Araqchi’s name in its own script has no nativeLang/) })]);
  });

  it('says where the standfirst is cut as it travels', () => {
    const analysis = analyzeDraft(realStoryText());
    expect(warningsAt(analysis, '$.standfirst')).toEqual([
      expect.objectContaining({ message: 'the standfirst is 232 characters; the social card cuts it after about 125 and the search result after about 160 (see where the story travels)' }),
    ]);
  });

  it('warns of a person the text names in a way no name or alias matches, so it is not linked', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        const hanegbi = item(story.people, 4);
        hanegbi.name = 'Tzachi Hanegbi';
        delete hanegbi.aliases;
        // The body writes "Tzachi Hanegbi" in paragraph 3: make it the surname alone.
        const third = item(story.body, 2);
        third.text = String(third.text).replace('Tzachi Hanegbi', 'Hanegbi');
      }),
    );
    expect(warningsAt(analysis, '$.people[4].name')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/Tzachi Hanegbi is written “Hanegbi” in the body \(at \$\.body\[2\]\), which no name or alias matches/) }),
    ]);
  });

  it('warns of a person the body never mentions, by name or alias', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        story.people.push({ id: 'mike-waltz', name: 'Mike Waltz', role: 'National security adviser', aliases: ['Waltz'] });
      }),
    );
    expect(warningsAt(analysis, '$.people[5].name')).toEqual([expect.objectContaining({ message: expect.stringMatching(/Mike Waltz is never mentioned/) })]);
  });

  it('counts people as written when a broken one before them is left out', () => {
    const analysis = analyzeDraft(
      draftOf((story) => {
        delete item(story.people, 0).name;
        story.people.push({ id: 'mike-waltz', name: 'Mike Waltz', role: 'National security adviser' });
      }),
    );
    expect(warningsAt(analysis, '$.people[5].name')).toHaveLength(1);
  });

  it('warns of an event after the story marked past, and one before it marked upcoming', () => {
    const text = draftOf((story) => {
      story.timeline.push({ id: 'later', date: '2025-04', title: 'A later meeting', status: 'past' });
      story.timeline.push({ id: 'earlier', date: '2018-05-08', title: 'An earlier exit', status: 'upcoming' });
    });
    const count = (JSON.parse(text) as Story).timeline.length;
    const analysis = analyzeDraft(text);
    expect(warningsAt(analysis, `$.timeline[${count - 2}].status`)[0]?.message).toMatch(/after the story .* marked "past"/);
    expect(warningsAt(analysis, `$.timeline[${count - 1}].status`)[0]?.message).toMatch(/before the story .* marked "upcoming"/);
  });
});

describe('a 1 MB draft', () => {
  it('is parsed, checked and placed in well under a second', () => {
    const text = largeDraft(realStoryText());
    expect(text.length).toBeGreaterThanOrEqual(ONE_MEGABYTE);
    analyzeDraft(text); // warm up, as the worker is after its first draft
    const started = performance.now();
    const analysis = analyzeDraft(text);
    const ms = performance.now() - started;
    console.info(`analyzeDraft: ${(text.length / ONE_MEGABYTE).toFixed(2)} MB in ${ms.toFixed(0)} ms`);
    expect(analysis.ok).toBe(true);
    expect(ms).toBeLessThan(1000);
  });
});
