/**
 * The article contract (schema version 1), in one place. TypeScript types are inferred from
 * it, the published JSON Schema is generated from it (scripts/generate-schema.ts), and the
 * parser walks it to decide what is fatal and what is only left out.
 */
import * as v from 'valibot';
import {
  DATE_OR_DATETIME_PATTERN,
  DATETIME_PATTERN,
  PARTIAL_DATE_PATTERN,
  isDateOrDateTime,
  isDateTime,
  isPartialDate,
} from './dateChecks';
import { LIST_KINDS, listKey } from './lists';

export const SCHEMA_VERSION = 1;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** An `https:` URL, or a path on this site ("/…" but not "//…" nor "/\…", which browsers read as another host). */
const SAFE_URL = /^(?:https:\/\/[^\s\\/][^\s\\]*|\/(?![/\\])[^\s\\]*)$/i;
/** A BCP 47 language tag, loosely: "fa", "he", "zh-Hant", "pt-BR". */
const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
const HAS_TEXT = /\S/;

const text = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.regex(HAS_TEXT, `${what} must not be empty`));

const slug = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.regex(SLUG, `${what} must be lowercase words joined by "-"`),
  );

const partialDate = (what: string) =>
  v.pipe(
    v.string(`${what} must be a date written as text`),
    v.regex(new RegExp(PARTIAL_DATE_PATTERN), `${what} must be YYYY, YYYY-MM, YYYY-Www (an ISO week), YYYY-MM-DD or a date-time with a zone`),
    v.check(isPartialDate, `${what} is not a real date`),
  );

const publishedDate = v.pipe(
    v.string('published must be a date written as text'),
    v.regex(new RegExp(DATE_OR_DATETIME_PATTERN), 'published must be YYYY-MM-DD or a date-time with a zone'),
    v.check(isDateOrDateTime, 'published is not a real date'),
  );

/** A comma ends a URL in `srcset`: a rendition's address must not hold one to be read whole. */
const NO_COMMA = /^[^,]*$/;

export const RenditionSchema = v.object({
  src: v.pipe(
    v.string('rendition src must be text'),
    v.regex(SAFE_URL, 'rendition src must be an https: URL or a path on this site'),
    v.regex(NO_COMMA, 'rendition src must not hold a comma'),
    v.description('The same picture at another width: an https: URL or a path on this site, without commas.'),
  ),
  width: v.pipe(
    v.number('rendition width must be a number'),
    v.integer('rendition width must be a whole number'),
    v.minValue(1, 'rendition width must be at least 1'),
    v.description('Its width in pixels.'),
  ),
});

export const ImageSchema = v.object({
  src: v.pipe(
    v.string('image src must be text'),
    v.regex(SAFE_URL, 'image src must be an https: URL or a path on this site'),
    v.description('An https: URL or a path on this site; any other scheme is refused.'),
  ),
  alt: v.pipe(
    v.string('image alt must be text'),
    v.description('Text alternative; "" only for a purely decorative picture.'),
  ),
  width: v.pipe(v.number('image width must be a number'), v.integer(), v.minValue(1)),
  height: v.pipe(v.number('image height must be a number'), v.integer(), v.minValue(1)),
  caption: v.optional(text('caption')),
  credit: v.optional(text('credit')),
  renditions: v.optional(
    v.pipe(
      v.array(RenditionSchema, 'renditions must be a list'),
      v.description('The same picture at other widths, for browsers to choose from (srcset).'),
    ),
  ),
});

export const ParagraphSchema = v.object({
  type: v.literal('paragraph'),
  text: text('paragraph text'),
});
export const HeadingSchema = v.object({
  type: v.literal('heading'),
  text: text('heading text'),
});
export const QuoteSchema = v.object({
  type: v.literal('quote'),
  text: text('quote text'),
  attribution: v.optional(text('attribution')),
});
export const BlockSchema = v.variant(
  'type',
  [ParagraphSchema, HeadingSchema, QuoteSchema],
  'block type must be "paragraph", "heading" or "quote"',
);

export const PersonSchema = v.object({
  id: slug('person id'),
  name: text('person name'),
  role: text('person role'),
  affiliation: v.optional(text('affiliation')),
  aliases: v.optional(v.array(text('alias'), 'aliases must be a list of text')),
  nativeName: v.optional(
    v.pipe(text('nativeName'), v.description('The name in its own script, e.g. "عباس عراقچی".')),
  ),
  nativeLang: v.optional(
    v.pipe(
      v.string('nativeLang must be text'),
      v.regex(LANG_TAG, 'nativeLang must be a language tag such as "fa"'),
    ),
  ),
  summary: v.optional(text('summary')),
  image: v.optional(ImageSchema),
});

export const EVENT_STATUSES = ['upcoming', 'past'] as const;

export const EventSchema = v.object({
  id: slug('event id'),
  date: v.pipe(
    partialDate('event date'),
    v.description('Carries its own precision: "2018", "2018-05", "2025-W13" (an ISO week), "2018-05-08" or a date-time.'),
  ),
  title: text('event title'),
  summary: v.optional(text('event summary')),
  dateLabel: v.optional(
    v.pipe(text('dateLabel'), v.description('Shown instead of the date when the source is vaguer.')),
  ),
  endDate: v.optional(partialDate('endDate')),
  people: v.optional(v.array(slug('person id'), 'event people must be a list of person ids')),
  status: v.optional(v.picklist(EVENT_STATUSES, 'status must be "upcoming" or "past"')),
});

export const SourceSchema = v.object({
  name: text('source name'),
  syndicatedBy: v.optional(text('syndicatedBy')),
  note: v.optional(text('source note')),
});

const dateTime = (what: string) =>
  v.pipe(
    v.string(`${what} must be a date-time written as text`),
    v.regex(new RegExp(DATETIME_PATTERN), `${what} must be a date-time with a zone`),
    v.check(isDateTime, `${what} is not a real date-time`),
  );

const updatedDate = dateTime('updated');

/** A correction, said openly at the end of the story: when it was made, and what was wrong. */
export const CorrectionSchema = v.object({
  date: v.pipe(dateTime('correction date'), v.description('When the correction was made: a date-time with a zone.')),
  text: v.pipe(text('correction text'), v.description('What was wrong, and what is right; plain text.')),
});

/** The longest section or tag name, and the longest key one may make (`listKey`): the key names a folder of the built site. */
export const LIST_NAME_MAX = 100;

/**
 * A section or tag name: a list of its own is built for it (/section/{key}, /tag/{key}), whose key
 * becomes a folder name, so a name has a length a file system can hold. A longer one is left out
 * with a warning, like any other bad optional field.
 */
const listName = (what: string) =>
  v.pipe(
    text(what),
    v.maxLength(LIST_NAME_MAX, `${what} must be at most ${LIST_NAME_MAX} characters`),
    v.check((name) => listKey(name).length <= LIST_NAME_MAX, `${what} must be at most ${LIST_NAME_MAX} characters`),
  );

const tagList = v.array(listName('tag'), 'tags must be a list of text');

export const ArticleSchema = v.pipe(
  v.object({
    schemaVersion: v.literal(SCHEMA_VERSION, 'schemaVersion must be 1'),
    slug: slug('slug'),
    headline: v.pipe(text('headline'), v.maxLength(300, 'headline must be at most 300 characters')),
    standfirst: v.optional(text('standfirst')),
    section: v.optional(listName('section')),
    dateline: text('dateline'),
    published: publishedDate,
    updated: v.optional(updatedDate),
    byline: v.optional(text('byline')),
    source: v.optional(SourceSchema),
    tags: v.optional(tagList),
    image: v.optional(ImageSchema),
    body: v.pipe(
      v.array(BlockSchema, 'body must be a list of blocks'),
      v.minLength(1, 'body must hold at least one block'),
    ),
    people: v.optional(v.array(PersonSchema, 'people must be a list')),
    timeline: v.optional(v.array(EventSchema, 'timeline must be a list')),
    corrections: v.optional(v.array(CorrectionSchema, 'corrections must be a list')),
  }),
  v.title('News article'),
  v.description('A story for the news reader, schema version 1.'),
);


export const IndexEntrySchema = v.object({
  slug: slug('slug'),
  headline: text('headline'),
  standfirst: v.optional(text('standfirst')),
  section: v.optional(listName('section')),
  published: publishedDate,
  updated: v.optional(updatedDate),
  /** The date-time of the story's latest correction, when it has one: the lists mark it "Corrected". */
  corrected: v.optional(dateTime('corrected')),
  tags: v.optional(tagList),
  image: v.optional(ImageSchema),
});

const chunkNumber = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(1, `${what} must be at least 1`),
  );

const count = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(0, `${what} must not be negative`),
  );

/** What a list file says about the list it is part of (see src/content/lists.ts). */
export const ListInfoSchema = v.object({
  kind: v.picklist(LIST_KINDS, 'list kind must be "all", "section" or "tag"'),
  key: v.optional(slug('list key')),
  title: v.optional(text('list title')),
  total: v.optional(count('list total')),
  pages: v.optional(count('list pages')),
  /** The chunk holding the newest story this file does not show; null or absent when there is none. */
  older: v.optional(v.nullable(chunkNumber('list older'))),
  /** In a chunk file: the next newer chunk; absent when this is the newest (then the latest page is newer). */
  newer: v.optional(chunkNumber('list newer')),
});

export const IndexSchema = v.object({
  articles: v.array(IndexEntrySchema, 'articles must be a list'),
  list: v.optional(ListInfoSchema),
  /** In a chunk file only: its number. */
  page: v.optional(chunkNumber('page')),
});

export type Article = v.InferOutput<typeof ArticleSchema>;
export type Block = v.InferOutput<typeof BlockSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type TimelineEvent = v.InferOutput<typeof EventSchema>;
export type Correction = v.InferOutput<typeof CorrectionSchema>;
export type Image = v.InferOutput<typeof ImageSchema>;
export type Rendition = v.InferOutput<typeof RenditionSchema>;
export type ListInfo = v.InferOutput<typeof ListInfoSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type ArticleIndex = v.InferOutput<typeof IndexSchema>;
export type IndexEntry = v.InferOutput<typeof IndexEntrySchema>;
