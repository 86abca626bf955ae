/**
 * Reads untrusted JSON into the contract's types, deciding here (never in components) what is
 * fatal and what is only left out: a broken required field stops the story, a broken optional
 * item is dropped with a warning that names its JSON path. The parser knows nothing of React.
 */
import * as v from 'valibot';
import {
  ArticleSchema,
  IndexSchema,
  SCHEMA_VERSION,
  type Article,
  type ArticleIndex,
  type Person,
  type TimelineEvent,
} from './schema';
import { compareDates, parsePartialDate } from './dates';
import { findSyntaxError } from './jsonSyntax';

export interface ContentIssue {
  /** JSONPath of the offending value, e.g. `$.people[2].name`. */
  readonly path: string;
  readonly message: string;
}

export type FailureKind = 'syntax' | 'html' | 'version' | 'invalid';

export interface ParseFailure {
  readonly ok: false;
  readonly kind: FailureKind;
  /** Every fatal problem; the first one is what a reader is told. */
  readonly errors: readonly ContentIssue[];
  /** Problems that would only leave something out, found before the fatal ones stopped the read. */
  readonly warnings: readonly ContentIssue[];
  /** 1-based position of a syntax error. */
  readonly line?: number;
  readonly column?: number;
}

export interface ParseSuccess<T> {
  readonly ok: true;
  readonly value: T;
  readonly warnings: readonly ContentIssue[];
}

export type ParseResult<T> = ParseSuccess<T> | ParseFailure;

type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number'
        ? `${out}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${out}.${key}`
          : `${out}[${JSON.stringify(key)}]`,
    '$',
  );
}

// ---------------------------------------------------------------------------------------------
// A lenient walk over the valibot schema. Each kind of node the contract uses is handled:
// objects (optional entries may be dropped), arrays (bad items are dropped), variants (blocks)
// and leaves (validated by valibot itself).

type Schema = v.GenericSchema;
interface ObjectNode {
  readonly type: 'object';
  readonly entries: Readonly<Record<string, Schema>>;
}
interface OptionalNode {
  readonly type: 'optional';
  readonly wrapped: Schema;
}
interface ArrayNode {
  readonly type: 'array';
  readonly item: Schema;
}
interface VariantNode {
  readonly type: 'variant';
  readonly key: string;
  readonly options: readonly (Schema & ObjectNode)[];
  readonly message?: unknown;
}

const isObjectNode = (s: Schema): s is Schema & ObjectNode => s.type === 'object';
const isOptionalNode = (s: Schema): s is Schema & OptionalNode => s.type === 'optional';
const isArrayNode = (s: Schema): s is Schema & ArrayNode => s.type === 'array';
const isVariantNode = (s: Schema): s is Schema & VariantNode => s.type === 'variant';

type Walked = { ok: true; value: unknown } | { ok: false };

interface Collector {
  errors: ContentIssue[];
  warnings: ContentIssue[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

function firstMessage(schema: Schema, value: unknown): string | null {
  const result = v.safeParse(schema, value);
  return result.success ? null : (result.issues[0]?.message ?? 'is not valid');
}

function walkObject(schema: ObjectNode, input: unknown, path: Path, out: Collector, what: string): Walked {
  if (!isPlainObject(input)) {
    out.errors.push({ path: formatPath(path), message: `${what} must be an object, not ${describe(input)}` });
    return { ok: false };
  }
  const value: Record<string, unknown> = {};
  let ok = true;
  for (const [key, entry] of Object.entries(schema.entries)) {
    const at = [...path, key];
    const raw = input[key];
    if (isOptionalNode(entry)) {
      if (raw === undefined) continue;
      const local: Collector = { errors: [], warnings: [] };
      const walked = walk(entry.wrapped, raw, at, local, key);
      out.warnings.push(...local.warnings);
      if (walked.ok) value[key] = walked.value;
      else out.warnings.push(...local.errors.map((issue) => leftOut(at, issue)));
      continue;
    }
    if (raw === undefined) {
      out.errors.push({ path: formatPath(at), message: `${key} is missing` });
      ok = false;
      continue;
    }
    const walked = walk(entry, raw, at, out, key);
    if (walked.ok) value[key] = walked.value;
    else ok = false;
  }
  for (const key of Object.keys(input)) {
    if (!(key in schema.entries)) {
      out.warnings.push({ path: formatPath([...path, key]), message: `unknown field "${key}" is ignored` });
    }
  }
  return ok ? { ok: true, value } : { ok: false };
}

function leftOut(at: Path, issue: ContentIssue): ContentIssue {
  return { path: issue.path, message: `${formatPath(at)} is left out: ${issue.message}` };
}

/** For each list the walk returns, the index each kept item had in the file: warnings name that. */
const writtenIndices = new WeakMap<readonly unknown[], readonly number[]>();

function walkArray(schema: Schema & ArrayNode, input: unknown, path: Path, out: Collector, what: string): Walked {
  if (!Array.isArray(input)) {
    out.errors.push({ path: formatPath(path), message: `${what} must be a list, not ${describe(input)}` });
    return { ok: false };
  }
  const items: unknown[] = [];
  const written: number[] = [];
  input.forEach((raw: unknown, index) => {
    const at = [...path, index];
    const local: Collector = { errors: [], warnings: [] };
    const walked = walk(schema.item, raw, at, local, `${what} item`);
    out.warnings.push(...local.warnings);
    if (walked.ok) {
      items.push(walked.value);
      written.push(index);
    } else out.warnings.push(...local.errors.map((issue) => leftOut(at, issue)));
  });
  writtenIndices.set(items, written);
  // The list's own rules (such as "at least one block") apply to what is left.
  const message = firstMessage(schema, items);
  if (message !== null) {
    out.errors.push({ path: formatPath(path), message });
    return { ok: false };
  }
  return { ok: true, value: items };
}

function walkVariant(schema: VariantNode, input: unknown, path: Path, out: Collector, what: string): Walked {
  if (!isPlainObject(input)) {
    out.errors.push({ path: formatPath(path), message: `${what} must be an object, not ${describe(input)}` });
    return { ok: false };
  }
  const tag = input[schema.key];
  const option = schema.options.find((candidate) => {
    const discriminator = candidate.entries[schema.key];
    return discriminator !== undefined && v.is(discriminator, tag);
  });
  if (!option) {
    const shown = typeof tag === 'string' ? quoted(tag) : describe(tag);
    out.errors.push({
      path: formatPath([...path, schema.key]),
      message: `unknown ${schema.key} ${shown}`,
    });
    return { ok: false };
  }
  return walkObject(option, input, path, out, what);
}

function walk(schema: Schema, input: unknown, path: Path, out: Collector, what: string): Walked {
  if (isObjectNode(schema)) return walkObject(schema, input, path, out, what);
  if (isArrayNode(schema)) return walkArray(schema, input, path, out, what);
  if (isVariantNode(schema)) return walkVariant(schema, input, path, out, what);
  const message = firstMessage(schema, input);
  if (message !== null) {
    out.errors.push({ path: formatPath(path), message });
    return { ok: false };
  }
  return { ok: true, value: v.parse(schema, input) };
}

// ---------------------------------------------------------------------------------------------
// Rules that span fields: unique ids, resolved references, sensible date ranges.

interface Placed<T> {
  readonly item: T;
  /** Where the item stands in the file, before any item before it was left out. */
  readonly at: number;
}

function placed<T>(items: readonly T[], walkedList: unknown): Placed<T>[] {
  const written = Array.isArray(walkedList) ? writtenIndices.get(walkedList) : undefined;
  return items.map((item, index) => ({ item, at: written?.[index] ?? index }));
}

function uniqueById<T extends { id: string }>(items: readonly Placed<T>[], field: string, warnings: ContentIssue[]): Placed<T>[] {
  const seen = new Set<string>();
  return items.filter(({ item, at }) => {
    if (seen.has(item.id)) {
      warnings.push({
        path: formatPath([field, at, 'id']),
        message: `${formatPath([field, at])} is left out: id "${item.id}" is used twice`,
      });
      return false;
    }
    seen.add(item.id);
    return true;
  });
}

function withoutEndDate(event: TimelineEvent): TimelineEvent {
  const copy = { ...event };
  delete copy.endDate;
  return copy;
}

function resolveEvents(events: readonly Placed<TimelineEvent>[], people: readonly Person[], warnings: ContentIssue[]): TimelineEvent[] {
  const known = new Set(people.map((person) => person.id));
  return events.map(({ item: event, at: index }) => {
    let next = event;
    if (event.people) {
      const unknown = event.people.filter((id) => !known.has(id));
      for (const id of unknown) {
        warnings.push({
          path: formatPath(['timeline', index, 'people']),
          message: `person id "${id}" names nobody in $.people and is ignored`,
        });
      }
      if (unknown.length > 0) next = { ...next, people: event.people.filter((id) => known.has(id)) };
    }
    if (event.endDate !== undefined) {
      const start = parsePartialDate(event.date);
      const end = parsePartialDate(event.endDate);
      if (start && end && compareDates(end, start) < 0) {
        warnings.push({
          path: formatPath(['timeline', index, 'endDate']),
          message: 'endDate is before date and is left out',
        });
        next = withoutEndDate(next);
      }
    }
    return next;
  });
}

/**
 * A value written where a number or a word belongs, short enough to quote in a message:
 * a hostile file may put megabytes of text there, or lists nested too deep to stringify.
 */
function quoted(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `(${describe(value)})`;
}

function readVersion(input: Record<string, unknown>): ContentIssue | null {
  const version = input.schemaVersion;
  if (version === SCHEMA_VERSION) return null;
  if (version === undefined) {
    return {
      path: '$.schemaVersion',
      message: `schemaVersion is missing; this reader understands schema version ${SCHEMA_VERSION}`,
    };
  }
  return {
    path: '$.schemaVersion',
    message: `schema version ${quoted(version)} is not supported; this reader understands schema version ${SCHEMA_VERSION}`,
  };
}

export interface ParseOptions {
  /** The slug the story was requested by; a story whose own slug differs gets a warning. */
  readonly slug?: string;
}

export function parseArticle(input: unknown, options: ParseOptions = {}): ParseResult<Article> {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      kind: 'invalid',
      errors: [{ path: '$', message: `a story must be a JSON object, not ${describe(input)}` }],
      warnings: [],
    };
  }
  const versionIssue = readVersion(input);
  if (versionIssue) return { ok: false, kind: 'version', errors: [versionIssue], warnings: [] };

  const out: Collector = { errors: [], warnings: [] };
  const walked = walk(ArticleSchema, input, [], out, 'story');
  if (!walked.ok) return { ok: false, kind: 'invalid', errors: out.errors, warnings: out.warnings };

  // The walk has checked every field; this last pass gives the value its type honestly.
  const checked = v.safeParse(ArticleSchema, walked.value);
  if (!checked.success) {
    return {
      ok: false,
      kind: 'invalid',
      errors: checked.issues.map((issue) => ({
        path: formatPath((issue.path ?? []).map((item) => item.key as string | number)),
        message: issue.message,
      })),
      warnings: out.warnings,
    };
  }
  const warnings = out.warnings;
  const article: Article = { ...checked.output };
  const walkedLists = isPlainObject(walked.value) ? walked.value : {};
  if (article.people) {
    article.people = uniqueById(placed(article.people, walkedLists.people), 'people', warnings).map(({ item }) => item);
  }
  if (article.timeline) {
    const events = uniqueById(placed(article.timeline, walkedLists.timeline), 'timeline', warnings);
    article.timeline = resolveEvents(events, article.people ?? [], warnings);
  }
  if (options.slug !== undefined && article.slug !== options.slug) {
    warnings.push({
      path: '$.slug',
      message: `slug "${article.slug}" does not match the file name "${options.slug}.json"`,
    });
  }
  return { ok: true, value: article, warnings };
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

function syntaxOffset(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message);
  if (position?.[1] !== undefined) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn?.[1] !== undefined && lineColumn[2] !== undefined) {
    const lines = text.split('\n').slice(0, Number(lineColumn[1]) - 1);
    return lines.reduce((sum, line) => sum + line.length + 1, 0) + Number(lineColumn[2]) - 1;
  }
  // "Unexpected end of JSON input": the text stops short.
  return text.length;
}

// Engines quote the text back in the message (V8 a snippet, cut with "...": `Unexpected token 'D',
// "Draft of t"... is not valid JSON`); the reader is not shown it. The position is said separately.
function cleanSyntaxMessage(message: string): string {
  return message
    .replace(/, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, '')
    .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '');
}

/** Parses JSON text, telling a syntax error's line and column, and an HTML page for what it is. */
export function parseJsonText(text: string): ParseSuccess<unknown> | ParseFailure {
  if (/^\s*</.test(text)) {
    return {
      ok: false,
      kind: 'html',
      errors: [{ path: '$', message: 'this is an HTML page, not JSON' }],
      warnings: [],
      ...positionOf(text, text.search(/</)),
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, warnings: [] };
  } catch (error) {
    const { line, column } = positionOf(text, findSyntaxError(text)?.offset ?? syntaxOffset(error, text));
    const reason = text.trim() === '' ? 'the file is empty' : error instanceof Error ? cleanSyntaxMessage(error.message) : 'not JSON';
    return {
      ok: false,
      kind: 'syntax',
      errors: [{ path: '$', message: `not valid JSON at line ${line}, column ${column}: ${reason}` }],
      warnings: [],
      line,
      column,
    };
  }
}

export function parseArticleText(text: string, options: ParseOptions = {}): ParseResult<Article> {
  const json = parseJsonText(text);
  return json.ok ? parseArticle(json.value, options) : json;
}

/** The story list: entries that break the rules are left out, the rest shown. */
export function parseIndex(input: unknown): ParseResult<ArticleIndex> {
  const out: Collector = { errors: [], warnings: [] };
  const walked = walk(IndexSchema, input, [], out, 'index');
  if (!walked.ok) return { ok: false, kind: 'invalid', errors: out.errors, warnings: out.warnings };
  const checked = v.safeParse(IndexSchema, walked.value);
  if (!checked.success) {
    return { ok: false, kind: 'invalid', errors: [{ path: '$', message: checked.issues[0]?.message ?? 'invalid index' }], warnings: out.warnings };
  }
  return { ok: true, value: checked.output, warnings: out.warnings };
}
