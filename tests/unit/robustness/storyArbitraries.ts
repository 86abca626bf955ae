/**
 * Generators for the parser's property tests: valid stories built from the contract (with their
 * own calendar, not the parser's), hostile-looking values, and mutations of the real story at any
 * depth, each remembering the JSON path it touched.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG_WORD_LENGTH, TEXT_PAYLOADS, URL_PAYLOADS, listNameOf } from '../../fixtures/hostile/payloads';
import { REAL_STORY_FILE } from '../../fixtures/fixtures';
import { ROOT } from '../support/paths';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
type Key = string | number;

// ---------------------------------------------------------------------------------------------
// Values

/**
 * The hostile payloads, with the very long ones cut to a few hundred characters: length is
 * measured by the limits tests, and thousands of 10,000-character strings would only slow these.
 */
const payloadTexts = TEXT_PAYLOADS.map((payload) => (payload.text.length >= LONG_WORD_LENGTH ? payload.text.slice(0, 400) : payload.text));

export const SCHEMA_KEYS = [
  'schemaVersion', 'slug', 'headline', 'standfirst', 'section', 'dateline', 'published', 'updated', 'byline', 'source',
  'tags', 'image', 'body', 'people', 'timeline', 'name', 'syndicatedBy', 'note', 'src', 'alt', 'width', 'height', 'caption',
  'credit', 'type', 'text', 'attribution', 'id', 'role', 'affiliation', 'aliases', 'nativeName', 'nativeLang', 'summary',
  'date', 'title', 'dateLabel', 'endDate', 'status', 'corrections',
] as const;

/** Keys that are properties of every object, or special to JSON.parse and to spreading. */
export const TRICKY_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', '$', 'a.b', '0', 'length'] as const;

const BAD_DATES = [
  '2025-13-45', '2025-02-30', '2025-02-29', '2024-02-30', '0000', '0000-01-01', '2025-00', '2025-1-1', '2025-03-20T24:00Z',
  '2025-03-20T23:60Z', '2025-03-20T23:59:60Z', '2025-03-20T12:00', '2025-03-20T12:00+15:00', '2025-03-20T12:00+14:60',
  '2025-03-20 12:00Z', '20250320', '+002025-03-20', '-0001', 'March 2025', '2025-03-20T12:00:00.1234567890Z', ' 2025', '2025 ',
  '2025-03-20\n', '٢٠٢٥', '2025-03-20T12:00:00z',
] as const;
const GOOD_DATES = ['2018', '2018-05', '2018-05-08', '2025-03-20T18:30:00Z', '2025-03-20T23:30:00-04:00', '2024-02-29', '0001', '9999-12-31T23:59:59.999999999+14:59'] as const;
const BAD_SLUGS = ['Donald-Trump', 'donald_trump', 'donald--trump', '-trump', 'trump-', ' trump', 'trump ', 'trump/../x', 'ﬁ', 'ı', 'trump\n'] as const;

/** Strings that look like the contract's values but may break its rules, plus every hostile payload. */
export const interestingString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\t\n', '\u00a0', '\u3000', 'x', 'paragraph', 'heading', 'quote', 'video', 'upcoming', 'past', 'fa', 'zh-Hant', 'en_US'),
  fc.constantFrom(...BAD_DATES, ...GOOD_DATES, ...BAD_SLUGS),
  fc.constantFrom(...payloadTexts),
  fc.constantFrom(...URL_PAYLOADS.map((payload) => payload.url)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

const number: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1.5, 2, 96, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, with object keys drawn mostly from the contract's own field names. */
export const shapedJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    interestingString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...SCHEMA_KEYS), fc.constantFrom(...TRICKY_KEYS), fc.string({ maxLength: 6 })), tie('value'), {
      maxKeys: 6,
    }),
  ),
})).value;

/** A top-level object that gets past the version check, so that the walk itself is exercised. */
export const shapedStory: fc.Arbitrary<JsonObject> = fc
  .tuple(
    fc.dictionary(fc.oneof(fc.constantFrom(...SCHEMA_KEYS), fc.constantFrom(...TRICKY_KEYS)), shapedJson, { maxKeys: 16 }),
    fc.array(fc.dictionary(fc.constantFrom(...SCHEMA_KEYS), shapedJson, { maxKeys: 8 }), { maxLength: 4 }),
  )
  .map(([fields, items]) => Object.assign(fields, { schemaVersion: 1, body: items.length > 0 ? items : (fields.body ?? null) }));

// ---------------------------------------------------------------------------------------------
// Valid stories, by the contract's own rules

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const daysIn = (year: number, month: number) => (month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 31));

const calendarDay = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysIn(year, month)) }));

const zone = fc.oneof(
  fc.constant('Z'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 })).map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`),
);

const clock = fc
  .record({
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    zone,
  })
  .map(({ hour, minute, second, fraction, zone: z }) =>
    `T${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(second)}${fraction === undefined ? '' : `.${fraction}`}`}${z}`,
  );

interface WrittenDate {
  readonly text: string;
  readonly year: number;
}

const dayText = ({ year, month, day }: { year: number; month: number; day: number }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
export const dayDate: fc.Arbitrary<WrittenDate> = calendarDay.map((d) => ({ text: dayText(d), year: d.year }));
export const dateTime: fc.Arbitrary<WrittenDate> = fc.tuple(calendarDay, clock).map(([d, c]) => ({ text: `${dayText(d)}${c}`, year: d.year }));
export const partialDate: fc.Arbitrary<WrittenDate> = fc.oneof(
  fc.integer({ min: 1, max: 9999 }).map((year) => ({ text: pad(year, 4), year })),
  fc.record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => ({ text: `${pad(year, 4)}-${pad(month)}`, year })),
  dayDate,
  dateTime,
);

/** Text as the contract wants it: something other than white space, in any script, or hostile. */
export const storyText: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    fc.constantFrom(...payloadTexts),
    fc.lorem({ maxCount: 12, mode: 'sentences' }),
  )
  .map((text) => (/\S/.test(text) ? text : `${text}x`));

/** Text a section or tag may hold (the contract caps a list name and its key). */
const listName = storyText.map(listNameOf).map((text) => (/\S/.test(text) ? text : 'x'));

const slug = fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }).map((words) => words.join('-'));

const safeSrc: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }),
  fc.webPath().map((path) => `/${path.replace(/^\/+/, '')}`),
  fc.constantFrom(...URL_PAYLOADS.filter((payload) => payload.verdict === 'allowed').map((payload) => payload.url)),
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Drops keys whose value is undefined: the feed omits a field rather than writing `undefined`. */
function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

const image = fc
  .record({
    src: safeSrc,
    alt: fc.oneof(fc.constant(''), storyText),
    width: fc.integer({ min: 1, max: 5000 }),
    height: fc.integer({ min: 1, max: 5000 }),
    caption: optional(storyText),
    credit: optional(storyText),
  })
  .map(compact);

const block = fc.oneof(
  fc.record({ type: fc.constant('paragraph'), text: storyText }),
  fc.record({ type: fc.constant('heading'), text: storyText }),
  fc.record({ type: fc.constant('quote'), text: storyText, attribution: optional(storyText) }).map(compact),
);

const person = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      name: storyText,
      role: storyText,
      affiliation: optional(storyText),
      aliases: optional(fc.array(storyText, { maxLength: 3 })),
      nativeName: optional(storyText),
      nativeLang: optional(fc.constantFrom('fa', 'he', 'ar', 'zh-Hant', 'pt-BR', 'en')),
      summary: optional(storyText),
      image: optional(image),
    })
    .map(compact);

/** An end that no reading of the start's zone can put before it: two calendar years on, at least. */
const endAfter = (start: WrittenDate): fc.Arbitrary<string | undefined> =>
  start.year > 9997
    ? fc.constant(undefined)
    : optional(
        fc.tuple(fc.integer({ min: start.year + 2, max: 9999 }), partialDate).map(([year, shape]) => `${pad(year, 4)}${shape.text.slice(4)}`),
      ).map((end) => (end !== undefined && /^\d{4}-02-29/.test(end) && !isLeap(Number(end.slice(0, 4))) ? end.replace('-02-29', '-02-28') : end));

const event = (id: string, personIds: readonly string[]) =>
  partialDate.chain((date) =>
    fc
      .record({
        id: fc.constant(id),
        date: fc.constant(date.text),
        title: storyText,
        summary: optional(storyText),
        dateLabel: optional(storyText),
        endDate: endAfter(date),
        people: optional(fc.subarray([...personIds])),
        status: optional(fc.constantFrom('upcoming', 'past')),
      })
      .map(compact),
  );

/** A story that keeps every rule of the contract: it must parse whole, with no warning. */
export const validStory = fc
  .record({
    personIds: fc.uniqueArray(slug, { maxLength: 6 }),
    eventIds: fc.uniqueArray(slug, { maxLength: 8 }),
  })
  .chain(({ personIds, eventIds }) =>
    fc
      .record({
        schemaVersion: fc.constant(1),
        slug,
        headline: storyText.map((text) => text.slice(0, 300)).map((text) => (/\S/.test(text) ? text : 'x')),
        standfirst: optional(storyText),
        section: optional(listName),
        dateline: storyText,
        published: fc.oneof(dayDate, dateTime).map((date) => date.text),
        updated: optional(dateTime.map((date) => date.text)),
        byline: optional(storyText),
        source: optional(fc.record({ name: storyText, syndicatedBy: optional(storyText), note: optional(storyText) }).map(compact)),
        tags: optional(fc.array(listName, { maxLength: 4 })),
        image: optional(image),
        body: fc.array(block, { minLength: 1, maxLength: 6 }),
        // Events name only these people, so the list is there whenever it has anyone in it.
        people: personIds.length > 0 ? fc.tuple(...personIds.map(person)) : optional(fc.constant([])),
        timeline: optional(fc.tuple(...eventIds.map((id) => event(id, personIds)))),
        corrections: optional(fc.array(fc.record({ date: dateTime.map((date) => date.text), text: storyText }), { maxLength: 3 })),
      })
      .map(compact),
  );

// ---------------------------------------------------------------------------------------------
// The real story, and mutations of it

/** The real story, given a lead picture and a person's picture so that image fields are mutated too. */
export function realStoryBase(): JsonObject {
  const story = JSON.parse(readFileSync(join(ROOT, REAL_STORY_FILE), 'utf8')) as JsonObject;
  story.image = { src: 'https://images.example/white-house.jpg', alt: 'The White House', width: 1200, height: 800, caption: 'The White House', credit: 'Reuters' };
  const people = story.people;
  const first = Array.isArray(people) ? people[0] : undefined;
  if (first === undefined || first === null || typeof first !== 'object' || Array.isArray(first)) throw new Error('the real story has no people');
  first.image = { src: '/content/images/donald-trump.jpg', alt: '', width: 96, height: 96 };
  story.corrections = [{ date: '2025-03-21T09:10:00Z', text: 'An earlier version of this story misspelled a name.' }];
  return story;
}

export function formatPath(path: readonly Key[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${out}.${key}` : `${out}[${JSON.stringify(key)}]`),
    '$',
  );
}

/** True when one path is the other, or lies inside it. */
export function pathsRelated(a: string, b: string): boolean {
  const inside = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return inside(a, b) || inside(b, a);
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function allPaths(value: Json, path: Key[] = [], out: Key[][] = []): Key[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => allPaths(item, [...path, index], out));
  else if (isObject(value)) for (const key of Object.keys(value)) allPaths(value[key] ?? null, [...path, key], out);
  return out;
}

function get(root: Json, path: readonly Key[]): Json | undefined {
  let at: Json | undefined = root;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isObject(at) && typeof key === 'string') at = at[key];
    else return undefined;
  }
  return at;
}

export type Mutation =
  | { readonly kind: 'remove'; readonly pick: number }
  | { readonly kind: 'replace'; readonly pick: number; readonly value: Json }
  | { readonly kind: 'retype'; readonly pick: number; readonly to: 'null' | 'number' | 'boolean' | 'string' | 'list' | 'object' }
  | { readonly kind: 'corrupt-text'; readonly pick: number; readonly value: string }
  | { readonly kind: 'corrupt-number'; readonly pick: number; readonly value: number }
  | { readonly kind: 'duplicate'; readonly pick: number }
  | { readonly kind: 'add-field'; readonly pick: number; readonly key: string; readonly value: Json };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: shapedJson }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), to: fc.constantFrom('null', 'number', 'boolean', 'string', 'list', 'object') }),
  fc.record({ kind: fc.constant('corrupt-text' as const), pick: fc.nat(), value: interestingString }),
  fc.record({ kind: fc.constant('corrupt-number' as const), pick: fc.nat(), value: number }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('add-field' as const),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom(...TRICKY_KEYS), fc.constantFrom(...SCHEMA_KEYS), fc.string({ maxLength: 8 })),
    value: shapedJson,
  }),
);

function retyped(value: Json | undefined, to: Extract<Mutation, { kind: 'retype' }>['to']): Json {
  const asText = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  switch (to) {
    case 'null':
      return null;
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : asText.length;
    case 'boolean':
      return Boolean(value);
    case 'string':
      return asText;
    case 'list':
      return value === undefined ? [] : [value];
    case 'object':
      return value === undefined ? {} : { value };
  }
}

function setAt(root: JsonObject, path: readonly Key[], value: Json): void {
  const parent = get(root, path.slice(0, -1));
  const key = path.at(-1);
  if (Array.isArray(parent) && typeof key === 'number') parent[key] = value;
  else if (isObject(parent) && typeof key === 'string') parent[key] = value;
}

function removeAt(root: JsonObject, path: readonly Key[]): void {
  const parent = get(root, path.slice(0, -1));
  const key = path.at(-1);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else if (isObject(parent) && typeof key === 'string') Reflect.deleteProperty(parent, key);
}

function choose<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

export interface Mutated {
  readonly story: JsonObject;
  /** The JSON path each mutation touched, as it was when applied. */
  readonly touched: readonly string[];
}

/** Applies the mutations in turn to a copy of `base`; each picks its target among what is there by then. */
export function applyMutations(base: JsonObject, mutations: readonly Mutation[]): Mutated {
  const story = structuredClone(base);
  const touched: string[] = [];
  for (const m of mutations) {
    const paths = allPaths(story);
    const inner = paths.filter((path) => path.length > 0);
    switch (m.kind) {
      case 'remove':
      case 'replace':
      case 'retype': {
        const path = choose(inner, m.pick);
        if (path === undefined) break;
        touched.push(formatPath(path));
        if (m.kind === 'remove') removeAt(story, path);
        else setAt(story, path, m.kind === 'replace' ? m.value : retyped(get(story, path), m.to));
        break;
      }
      case 'corrupt-text':
      case 'corrupt-number': {
        const wanted = m.kind === 'corrupt-text' ? 'string' : 'number';
        const path = choose(inner.filter((candidate) => typeof get(story, candidate) === wanted), m.pick);
        if (path === undefined) break;
        touched.push(formatPath(path));
        setAt(story, path, m.value);
        break;
      }
      case 'duplicate': {
        const path = choose(inner.filter((candidate) => typeof candidate.at(-1) === 'number'), m.pick);
        const list = path === undefined ? undefined : get(story, path.slice(0, -1));
        const item = path === undefined ? undefined : get(story, path);
        if (path === undefined || !Array.isArray(list) || item === undefined) break;
        touched.push(formatPath([...path.slice(0, -1), list.length]));
        list.push(structuredClone(item));
        break;
      }
      case 'add-field': {
        const path = choose(paths.filter((candidate) => isObject(get(story, candidate) ?? null)), m.pick);
        const target = path === undefined ? undefined : get(story, path);
        if (path === undefined || !isObject(target ?? null)) break;
        touched.push(formatPath([...path, m.key]));
        // As JSON.parse would make it: an own property, even for "__proto__".
        Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      }
    }
  }
  return { story, touched };
}
