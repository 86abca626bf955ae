// @vitest-environment node
/**
 * The parser against every row of the contract's bad-input table, with the fixture files in
 * tests/fixtures/articles (see its README for what each holds).
 */
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseIndex, parseJsonText, type ParseFailure, type ParseResult } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import { REAL_STORY_SLUG, fixtureText, realStoryText } from '../support/fixtures';

const slugOf = (file: string) => file.replace(/\.json$/, '');

/** Parses a fixture as the reader does: by the slug it was requested with, its file name. */
function parseFixture(file: string): ParseResult<Article> {
  return parseArticleText(fixtureText(`articles/${file}`), { slug: slugOf(file) });
}

function failure(file: string): ParseFailure {
  const result = parseFixture(file);
  if (result.ok) throw new Error(`${file} should not parse`);
  return result;
}

function story(file: string): { article: Article; warningPaths: string[]; warnings: readonly { path: string; message: string }[] } {
  const result = parseFixture(file);
  if (!result.ok) throw new Error(`${file} should parse, but: ${JSON.stringify(result.errors)}`);
  return { article: result.value, warningPaths: result.warnings.map((w) => w.path), warnings: result.warnings };
}

describe('the real story', () => {
  it('parses with no warnings', () => {
    const result = parseArticleText(realStoryText(), { slug: REAL_STORY_SLUG });
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps every block, person and event', () => {
    const raw = JSON.parse(realStoryText()) as { body: unknown[]; people: unknown[]; timeline: unknown[] };
    const result = parseArticleText(realStoryText());
    expect(result.ok && [result.value.body.length, result.value.people?.length, result.value.timeline?.length]).toEqual([
      raw.body.length,
      raw.people.length,
      raw.timeline.length,
    ]);
  });

  it('warns when its slug is not its file name', () => {
    const result = parseArticleText(realStoryText(), { slug: 'another-story' });
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ path: '$.slug' })]);
  });
});

describe('the good fixture stories', () => {
  it.each(['story-timeline-unordered.json', 'story-mention-edge-cases.json', 'story-markup-in-text.json', 'story-published-with-offset.json'])(
    '%s parses with no warnings',
    (file) => {
      expect(story(file).warnings).toEqual([]);
    },
  );
});

describe('text that is not a story: fatal, with where it went wrong', () => {
  it('tells plain text for what it is, at line 1, column 1', () => {
    expect(failure('not-json.json')).toMatchObject({ kind: 'syntax', line: 1, column: 1 });
  });

  it('tells a comma before "]" at the "]" (line 74, column 3)', () => {
    expect(failure('trailing-comma.json')).toMatchObject({ kind: 'syntax', line: 74, column: 3 });
  });

  it('tells truncated JSON where the text stops (line 44, column 30)', () => {
    expect(failure('truncated.json')).toMatchObject({ kind: 'syntax', line: 44, column: 30 });
  });

  it('says an empty file is empty', () => {
    expect(failure('empty.json').errors[0]?.message).toBe('not valid JSON at line 1, column 1: the file is empty');
  });

  it('puts the line and column in the message a reader sees', () => {
    expect(failure('truncated.json').errors[0]?.message).toMatch(/^not valid JSON at line 44, column 30: /);
  });

  it('does not quote the whole text back in the message', () => {
    expect(failure('trailing-comma.json').errors[0]?.message).not.toContain('schemaVersion');
  });

  // V8 quotes a snippet around the error, with "..." where it cuts it: "Unexpected token 'D', "Draft of t"... is not valid JSON".
  it.each([
    ['not-json.json', 'Draft of'],
    ['trailing-comma.json', '"peop'],
  ])('does not quote the snippet of %s the engine quotes either', (file, snippet) => {
    const message = failure(file).errors[0]?.message ?? '';
    expect(message).not.toContain(snippet);
    expect(message).not.toMatch(/\n|is not valid JSON$/);
  });

  it('tells an HTML page for what it is', () => {
    expect(failure('html-page.json')).toMatchObject({
      kind: 'html',
      line: 1,
      column: 1,
      errors: [{ path: '$', message: 'this is an HTML page, not JSON' }],
    });
  });

  it('refuses JSON that is not an object, saying what it is', () => {
    expect(failure('not-an-object.json')).toMatchObject({
      kind: 'invalid',
      errors: [{ path: '$', message: 'a story must be a JSON object, not a list' }],
    });
  });

  it('reads any JSON value out of good text', () => {
    expect(parseJsonText('[1, "two"]')).toEqual({ ok: true, value: [1, 'two'], warnings: [] });
  });
});

describe('schemaVersion: fatal, naming the version', () => {
  it('says when it is missing', () => {
    expect(failure('bad-schema-version-missing.json')).toMatchObject({
      kind: 'version',
      errors: [{ path: '$.schemaVersion', message: expect.stringMatching(/schemaVersion is missing.*schema version 1/) }],
    });
  });

  it('names an unknown version', () => {
    expect(failure('bad-schema-version-2.json')).toMatchObject({
      kind: 'version',
      errors: [{ path: '$.schemaVersion', message: expect.stringMatching(/^schema version 2 is not supported/) }],
    });
  });

  it('refuses the version written as text', () => {
    expect(failure('bad-schema-version-not-number.json')).toMatchObject({
      kind: 'version',
      errors: [{ path: '$.schemaVersion', message: expect.stringContaining('schema version "1" is not supported') }],
    });
  });
});

describe('a required field missing or of the wrong type: fatal, naming the field', () => {
  it.each(['slug', 'headline', 'dateline', 'published', 'body'])('names a missing %s', (field) => {
    expect(failure(`bad-${field}-missing.json`)).toMatchObject({
      kind: 'invalid',
      errors: [{ path: `$.${field}`, message: `${field} is missing` }],
    });
  });

  it.each([
    ['slug', 'slug must be text'],
    ['headline', 'headline must be text'],
    ['dateline', 'dateline must be text'],
    ['published', 'published must be a date written as text'],
  ])('names a %s of the wrong type', (field, message) => {
    expect(failure(`bad-${field}-not-text.json`)).toMatchObject({
      kind: 'invalid',
      errors: [{ path: `$.${field}`, message }],
    });
  });

  it('names a body that is not a list', () => {
    expect(failure('bad-body-not-a-list.json')).toMatchObject({
      kind: 'invalid',
      errors: [{ path: '$.body', message: 'body must be a list, not text' }],
    });
  });

  it('refuses a published date that is not in the calendar', () => {
    expect(failure('bad-published-not-a-date.json')).toMatchObject({
      kind: 'invalid',
      errors: [{ path: '$.published', message: 'published is not a real date' }],
    });
  });

  it('refuses a body whose every block is left out', () => {
    expect(failure('bad-body-only-invalid-blocks.json')).toMatchObject({
      kind: 'invalid',
      errors: [{ path: '$.body', message: 'body must hold at least one block' }],
    });
  });

  it('still tells the editors why each block of that body was left out', () => {
    expect(failure('bad-body-only-invalid-blocks.json').warnings.map((w) => w.path)).toEqual([
      '$.body[0].type',
      '$.body[1].text',
      '$.body[2].text',
    ]);
  });
});

describe('a bad optional item: left out with a warning at its JSON path, the rest kept', () => {
  it('leaves out a person without a name', () => {
    expect(story('bad-person-no-name.json').article.people?.map((p) => p.id)).toEqual([
      'donald-trump',
      'abbas-araqchi',
      'ron-dermer',
      'tzachi-hanegbi',
    ]);
  });

  it('warns at the missing name, saying the person is left out', () => {
    expect(story('bad-person-no-name.json').warnings).toContainEqual({
      path: '$.people[1].name',
      message: '$.people[1] is left out: name is missing',
    });
  });

  it('ignores, with a warning, each event’s link to the person left out', () => {
    const { article, warnings } = story('bad-person-no-name.json');
    expect(article.timeline?.flatMap((event) => event.people ?? [])).not.toContain('ali-khamenei');
    expect(warnings.filter((w) => w.message.includes('"ali-khamenei"')).map((w) => w.path)).toEqual([
      '$.timeline[9].people',
      '$.timeline[10].people',
    ]);
  });

  it('leaves out an event dated 2025-13-45 and keeps the other events', () => {
    const ids = story('bad-event-impossible-date.json').article.timeline?.map((event) => event.id);
    expect(ids).toHaveLength(13);
    expect(ids).not.toContain('iran-breaches-limits');
  });

  it('warns at the impossible date', () => {
    expect(story('bad-event-impossible-date.json').warningPaths).toEqual(['$.timeline[3].date']);
  });

  it('leaves out a block of an unknown type and keeps the other twelve', () => {
    const { article, warningPaths } = story('bad-block-unknown-type.json');
    expect(article.body.map((block) => block.type)).toEqual(Array<string>(12).fill('paragraph'));
    expect(warningPaths).toEqual(['$.body[3].type']);
  });

  it('leaves out a lead image with a javascript: URL', () => {
    const { article, warningPaths } = story('bad-image-javascript-url.json');
    expect(article.image).toBeUndefined();
    expect(warningPaths).toEqual(['$.image.src']);
  });

  it('leaves out a person’s image with a data: URL, and keeps the person', () => {
    const { article, warningPaths } = story('bad-image-data-url.json');
    expect(article.people?.[0]).toMatchObject({ id: 'donald-trump', name: 'Donald Trump' });
    expect(article.people?.[0]?.image).toBeUndefined();
    expect(warningPaths).toEqual(['$.people[0].image.src']);
  });

  it('leaves out a section and a tag too long to name a list, and keeps the story and its other tags', () => {
    const { article, warningPaths } = story('bad-list-names-too-long.json');
    expect(article.section).toBeUndefined();
    expect(article.tags).toEqual(['Iran', 'Israel', 'United States', 'Nuclear programme']);
    expect(warningPaths).toEqual(['$.section', '$.tags[4]']);
  });

  it('keeps the first of two people with the same id', () => {
    const people = story('bad-person-duplicate-id.json').article.people ?? [];
    expect(people.map((p) => p.name)).toEqual(['Donald Trump', 'Ali Khamenei', 'Abbas Araqchi', 'Ron Dermer', 'Tzachi Hanegbi']);
  });

  it('warns at the second use of the id', () => {
    expect(story('bad-person-duplicate-id.json').warningPaths).toEqual(['$.people[5].id']);
  });

  it('ignores an event’s unknown person id, keeping the event with its known people', () => {
    const event = story('bad-event-unknown-person.json').article.timeline?.find((e) => e.id === 'white-house-talks');
    expect(event?.people).toEqual(['ron-dermer', 'tzachi-hanegbi', 'donald-trump']);
  });

  it('warns at the event that names an unknown person, naming the id', () => {
    expect(story('bad-event-unknown-person.json').warnings).toEqual([
      { path: '$.timeline[13].people', message: expect.stringContaining('"mike-waltz"') },
    ]);
  });

  it('drops an end date before the start, keeping the event', () => {
    const { article, warningPaths } = story('bad-event-end-before-start.json');
    const event = article.timeline?.find((e) => e.id === 'us-reimposes-sanctions');
    expect(event).toMatchObject({ date: '2018-08-07' });
    expect(event?.endDate).toBeUndefined();
    expect(warningPaths).toEqual(['$.timeline[2].endDate']);
  });

  it('names a repeated id by its place in the file, even after an earlier person was left out', () => {
    expect(story('bad-items-before-cross-references.json').warningPaths).toContain('$.people[5].id');
  });

  it('names an unknown person id by the event’s place in the file, even after an earlier event was left out', () => {
    const { warnings } = story('bad-items-before-cross-references.json');
    expect(warnings.filter((w) => w.message.includes('"mike-waltz"')).map((w) => w.path)).toEqual(['$.timeline[13].people']);
  });
});

describe('unknown fields: ignored with a warning', () => {
  it('parses the whole story', () => {
    const { article } = story('unknown-fields.json');
    expect([article.body.length, article.people?.length, article.timeline?.length]).toEqual([13, 5, 14]);
  });

  it('warns at each unknown field', () => {
    expect(story('unknown-fields.json').warningPaths.sort()).toEqual(['$.body[0].style', '$.kicker', '$.people[0].twitter']);
  });

  it('does not pass unknown fields on to the page', () => {
    const { article } = story('unknown-fields.json');
    expect([article, article.people?.[0], article.body[0]]).toEqual([
      expect.not.objectContaining({ kicker: expect.anything() }),
      expect.not.objectContaining({ twitter: expect.anything() }),
      expect.not.objectContaining({ style: expect.anything() }),
    ]);
  });
});

describe('the story list', () => {
  it('leaves out an entry that breaks the rules and keeps the rest', () => {
    const result = parseIndex(JSON.parse(fixtureText('index/one-bad-entry.json')));
    expect(result.ok && result.value.articles.map((entry) => entry.slug)).toEqual([REAL_STORY_SLUG, 'story-timeline-unordered']);
  });

  it('warns at the entry’s missing field', () => {
    const result = parseIndex(JSON.parse(fixtureText('index/one-bad-entry.json')));
    expect(result.warnings.map((w) => w.path)).toEqual(['$.articles[1].headline']);
  });

  it('reads the real index', () => {
    const result = parseIndex(JSON.parse(fixtureText('../../public/content/articles/index.json')));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('ISO week dates in the timeline', () => {
  it('keeps an event dated with a real week, as written', () => {
    const { article, warnings } = story('story-corrected.json');
    expect(warnings.map((warning) => warning.path)).toEqual(['$.corrections[2].date']);
    expect(article.timeline?.find((event) => event.id === 'white-house-talks')?.date).toBe('2025-W13');
  });

  it('leaves out an event dated with a week its year does not have, with a warning at its date', () => {
    const { article, warnings } = story('bad-event-week-53.json');
    expect(article.timeline?.some((event) => event.id === 'white-house-talks')).toBe(false);
    expect(warnings).toEqual([{ path: '$.timeline[13].date', message: '$.timeline[13] is left out: event date is not a real date' }]);
  });
});
