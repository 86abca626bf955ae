/**
 * Warnings the contract allows but an editor wants to hear about: things a reader would find odd
 * or that get cut where the story travels. The parser has already decided what is fatal and what
 * is left out; these look only at a story that can be shown.
 */
import { endKey, parsePartialDate } from '../../content/dates';
import { formatPath, type ContentIssue } from '../../content/parse';
import type { Article, Image } from '../../content/schema';

export const HEADLINE_ADVISED_LENGTH = 110;
export const STANDFIRST_ADVISED_LENGTH = 160;
export const HEADLINE_ADVISED_LINES_AT_360 = 3;

export const characterCount = (text: string): number => [...text].length;

type RawItem = Record<string, unknown>;

function rawList(raw: unknown, field: string): readonly unknown[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const list = (raw as RawItem)[field];
  return Array.isArray(list) ? list : [];
}

/**
 * The index an item had in the draft as written: the parser drops broken items, so the parsed
 * list can be shorter. An item is found by its id and its name (or title).
 */
function writtenIndex(list: readonly unknown[], id: string, labelField: string, label: string): number {
  const index = list.findIndex((item) => {
    if (typeof item !== 'object' || item === null) return false;
    const record = item as RawItem;
    return record.id === id && record[labelField] === label;
  });
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word match, as the reader links mentions: "Trump" is not found in "Trumpism". */
function mentions(text: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

function missingAlt(image: Image | undefined): boolean {
  return image !== undefined && image.alt.trim() === '';
}

export function editorialChecks(article: Article, raw: unknown): ContentIssue[] {
  const warnings: ContentIssue[] = [];

  const headlineLength = characterCount(article.headline);
  if (headlineLength > HEADLINE_ADVISED_LENGTH) {
    warnings.push({
      path: '$.headline',
      message: `the headline is ${headlineLength} characters; over about ${HEADLINE_ADVISED_LENGTH} it is cut in search results and social cards`,
    });
  }
  if (article.standfirst !== undefined) {
    const length = characterCount(article.standfirst);
    if (length > STANDFIRST_ADVISED_LENGTH) {
      warnings.push({
        path: '$.standfirst',
        message: `the standfirst is ${length} characters; over about ${STANDFIRST_ADVISED_LENGTH} it is cut in search results and social cards`,
      });
    }
  }
  if (missingAlt(article.image)) {
    warnings.push({ path: '$.image.alt', message: 'the lead image has no alt text; describe it for readers who cannot see it' });
  }

  const rawPeople = rawList(raw, 'people');
  const bodyText = article.body.map((block) => (block.type === 'quote' ? `${block.text}\n${block.attribution ?? ''}` : block.text)).join('\n');
  for (const person of article.people ?? []) {
    const index = writtenIndex(rawPeople, person.id, 'name', person.name);
    const at = (...rest: (string | number)[]) => formatPath(['people', index, ...rest]);
    const names = [person.name, ...(person.aliases ?? [])];
    if (!names.some((name) => mentions(bodyText, name))) {
      warnings.push({
        path: at('name'),
        message: `${person.name} is never mentioned in the body${person.aliases?.length ? ' (by name or alias)' : ''}; the card links to nothing`,
      });
    }
    if (missingAlt(person.image)) {
      warnings.push({ path: at('image', 'alt'), message: `${person.name}’s image has no alt text` });
    }
  }

  const published = parsePartialDate(article.published);
  const rawTimeline = rawList(raw, 'timeline');
  if (published) {
    for (const event of article.timeline ?? []) {
      const date = parsePartialDate(event.date);
      if (!date || event.status === undefined) continue;
      const index = writtenIndex(rawTimeline, event.id, 'title', event.title);
      const afterStory = date.sortKey >= endKey(published);
      const beforeStory = endKey(date) <= published.sortKey;
      if (afterStory && event.status === 'past') {
        warnings.push({
          path: formatPath(['timeline', index, 'status']),
          message: `“${event.title}” is dated ${event.date}, after the story (${article.published}), but marked "past"`,
        });
      } else if (beforeStory && event.status === 'upcoming') {
        warnings.push({
          path: formatPath(['timeline', index, 'status']),
          message: `“${event.title}” is dated ${event.date}, before the story (${article.published}), but marked "upcoming"`,
        });
      }
    }
  }
  return warnings;
}

/** The warning for a headline that wraps past three lines in the reader's own 360 px page. */
export function headlineLinesWarning(lines: number): ContentIssue | null {
  if (lines <= HEADLINE_ADVISED_LINES_AT_360) return null;
  return {
    path: '$.headline',
    message: `the headline wraps to ${lines} lines at 360 px; keep it to ${HEADLINE_ADVISED_LINES_AT_360} so the story starts on the first screen of a phone`,
  };
}
