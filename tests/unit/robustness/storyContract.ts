/**
 * What "a story whose every part obeys the contract" means, checked independently of the parser:
 * /work/shared/content-model.md, read field by field, with the additions in docs/content-model.md
 * (corrections, ISO week dates). Returns every broken rule as a sentence
 * with its JSON path, so a failing property names what the parser let through.
 */
import { parsePartialDate } from '../../../src/content/dates';
import type { ContentIssue, ParseFailure, ParseResult } from '../../../src/content/parse';
import type { Article, Image } from '../../../src/content/schema';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LANG_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Only as a base for resolving: a same-site path must stay on this host. */
const SITE = 'https://reader.invalid';

/**
 * Safe as the browser will read it: resolved by the WHATWG URL parser (which drops tabs and
 * newlines and reads "\" as "/"), an image must be https:, and a path must stay on this site.
 */
export function isSafeImageUrl(src: string): boolean {
  let resolved: URL;
  try {
    resolved = new URL(src, SITE);
  } catch {
    return false;
  }
  if (resolved.protocol !== 'https:') return false;
  if (/^https:\/\//i.test(src)) return !/[\s\\]/.test(src);
  return src.startsWith('/') && resolved.origin === SITE && !/[\s\\]/.test(src);
}

const ALLOWED_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  article: new Set(['schemaVersion', 'slug', 'headline', 'standfirst', 'section', 'dateline', 'published', 'updated', 'byline', 'source', 'tags', 'image', 'body', 'people', 'timeline', 'corrections']),
  source: new Set(['name', 'syndicatedBy', 'note']),
  image: new Set(['src', 'alt', 'width', 'height', 'caption', 'credit']),
  paragraph: new Set(['type', 'text']),
  heading: new Set(['type', 'text']),
  quote: new Set(['type', 'text', 'attribution']),
  person: new Set(['id', 'name', 'role', 'affiliation', 'aliases', 'nativeName', 'nativeLang', 'summary', 'image']),
  event: new Set(['id', 'date', 'title', 'summary', 'dateLabel', 'endDate', 'people', 'status']),
  correction: new Set(['date', 'text']),
};

/** Every broken rule in a parsed story; empty when the story keeps the contract. */
export function contractViolations(article: Article): string[] {
  const problems: string[] = [];
  const fail = (path: string, message: string) => problems.push(`${path}: ${message}`);

  const onlyKnownKeys = (path: string, value: object, kind: string) => {
    const allowed = ALLOWED_KEYS[kind] ?? new Set<string>();
    // Own keys of every kind, so that "__proto__" copied as an own property is caught too.
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string' || !allowed.has(key)) fail(path, `carries a field the contract does not have: ${String(key)}`);
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail(path, 'is not a plain object');
  };
  const hasText = (path: string, value: unknown) => {
    if (typeof value !== 'string' || !/\S/.test(value)) fail(path, `must be non-empty text, is ${JSON.stringify(value)}`);
  };
  const optionalText = (path: string, value: unknown) => {
    if (value !== undefined) hasText(path, value);
  };
  const slug = (path: string, value: unknown) => {
    if (typeof value !== 'string' || !SLUG.test(value)) fail(path, `must be a slug, is ${JSON.stringify(value)}`);
  };
  const date = (path: string, value: unknown, precisions: readonly string[]) => {
    const parsed = typeof value === 'string' ? parsePartialDate(value) : null;
    if (parsed === null) fail(path, `must be a real date, is ${JSON.stringify(value)}`);
    else if (!precisions.includes(parsed.precision)) fail(path, `must be a ${precisions.join(' or ')}, is a ${parsed.precision}`);
  };
  const textList = (path: string, value: unknown) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) return fail(path, 'must be a list');
    value.forEach((item: unknown, index) => hasText(`${path}[${index}]`, item));
  };
  const image = (path: string, value: Image | undefined) => {
    if (value === undefined) return;
    onlyKnownKeys(path, value, 'image');
    if (typeof value.src !== 'string' || !isSafeImageUrl(value.src)) fail(`${path}.src`, `is not a safe image URL: ${JSON.stringify(value.src)}`);
    if (typeof value.alt !== 'string') fail(`${path}.alt`, 'must be text');
    for (const side of ['width', 'height'] as const) {
      if (!Number.isInteger(value[side]) || value[side] < 1) fail(`${path}.${side}`, `must be a positive whole number, is ${value[side]}`);
    }
    optionalText(`${path}.caption`, value.caption);
    optionalText(`${path}.credit`, value.credit);
  };

  onlyKnownKeys('$', article, 'article');
  if (article.schemaVersion !== 1) fail('$.schemaVersion', 'must be 1');
  slug('$.slug', article.slug);
  hasText('$.headline', article.headline);
  if (typeof article.headline === 'string' && article.headline.length > 300) fail('$.headline', 'is longer than 300 characters');
  optionalText('$.standfirst', article.standfirst);
  optionalText('$.section', article.section);
  hasText('$.dateline', article.dateline);
  date('$.published', article.published, ['day', 'datetime']);
  if (article.updated !== undefined) date('$.updated', article.updated, ['datetime']);
  optionalText('$.byline', article.byline);
  if (article.source !== undefined) {
    onlyKnownKeys('$.source', article.source, 'source');
    hasText('$.source.name', article.source.name);
    optionalText('$.source.syndicatedBy', article.source.syndicatedBy);
    optionalText('$.source.note', article.source.note);
  }
  textList('$.tags', article.tags);
  image('$.image', article.image);

  if (!Array.isArray(article.body) || article.body.length === 0) fail('$.body', 'must hold at least one block');
  (article.body ?? []).forEach((block, index) => {
    const path = `$.body[${index}]`;
    if (!['paragraph', 'heading', 'quote'].includes(block.type)) return fail(`${path}.type`, `unknown type ${JSON.stringify(block.type)}`);
    onlyKnownKeys(path, block, block.type);
    hasText(`${path}.text`, block.text);
    if (block.type === 'quote') optionalText(`${path}.attribution`, block.attribution);
  });

  const personIds = new Set<string>();
  (article.people ?? []).forEach((person, index) => {
    const path = `$.people[${index}]`;
    onlyKnownKeys(path, person, 'person');
    slug(`${path}.id`, person.id);
    if (personIds.has(person.id)) fail(`${path}.id`, `id ${JSON.stringify(person.id)} is used twice`);
    personIds.add(person.id);
    hasText(`${path}.name`, person.name);
    hasText(`${path}.role`, person.role);
    optionalText(`${path}.affiliation`, person.affiliation);
    textList(`${path}.aliases`, person.aliases);
    optionalText(`${path}.nativeName`, person.nativeName);
    if (person.nativeLang !== undefined && !LANG_TAG.test(person.nativeLang)) fail(`${path}.nativeLang`, 'is not a language tag');
    optionalText(`${path}.summary`, person.summary);
    image(`${path}.image`, person.image);
  });

  const eventIds = new Set<string>();
  (article.timeline ?? []).forEach((event, index) => {
    const path = `$.timeline[${index}]`;
    onlyKnownKeys(path, event, 'event');
    slug(`${path}.id`, event.id);
    if (eventIds.has(event.id)) fail(`${path}.id`, `id ${JSON.stringify(event.id)} is used twice`);
    eventIds.add(event.id);
    date(`${path}.date`, event.date, ['year', 'month', 'week', 'day', 'datetime']);
    if (event.endDate !== undefined) {
      date(`${path}.endDate`, event.endDate, ['year', 'month', 'week', 'day', 'datetime']);
      const start = parsePartialDate(event.date);
      const end = parsePartialDate(event.endDate);
      if (start && end && end.sortKey < start.sortKey) fail(`${path}.endDate`, 'is before the date');
    }
    hasText(`${path}.title`, event.title);
    optionalText(`${path}.summary`, event.summary);
    optionalText(`${path}.dateLabel`, event.dateLabel);
    if (event.status !== undefined && event.status !== 'upcoming' && event.status !== 'past') fail(`${path}.status`, 'unknown status');
    for (const id of event.people ?? []) {
      if (!personIds.has(id)) fail(`${path}.people`, `names ${JSON.stringify(id)}, who is not among the people`);
    }
  });

  (article.corrections ?? []).forEach((correction, index) => {
    const path = `$.corrections[${index}]`;
    onlyKnownKeys(path, correction, 'correction');
    date(`${path}.date`, correction.date, ['datetime']);
    hasText(`${path}.text`, correction.text);
  });
  return problems;
}

/** Broken rules in what a parser reports: every issue names a JSON path ("$…") and says something. */
export function issueViolations(issues: readonly ContentIssue[], what: string): string[] {
  return issues.flatMap((issue, index) => {
    const problems: string[] = [];
    if (typeof issue.path !== 'string' || !issue.path.startsWith('$')) problems.push(`${what}[${index}] has no JSONPath: ${JSON.stringify(issue.path)}`);
    if (typeof issue.message !== 'string' || issue.message.trim() === '') problems.push(`${what}[${index}] says nothing`);
    return problems;
  });
}

/** A fatal result names its problem; a story keeps the contract. Either way, issues carry paths. */
export function resultViolations(result: ParseResult<Article>): string[] {
  if (result.ok) return [...contractViolations(result.value), ...issueViolations(result.warnings, 'warnings')];
  return failureViolations(result);
}

export function failureViolations(result: ParseFailure): string[] {
  const problems = [...issueViolations(result.errors, 'errors'), ...issueViolations(result.warnings, 'warnings')];
  if (result.errors.length === 0) problems.push('a fatal result with no error');
  if (!['syntax', 'html', 'version', 'invalid'].includes(result.kind)) problems.push(`unknown failure kind ${String(result.kind)}`);
  return problems;
}
