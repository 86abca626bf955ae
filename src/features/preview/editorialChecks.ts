/**
 * Warnings the contract allows but an editor wants to hear about: things a reader would find odd
 * or that get cut where the story travels. The parser has already decided what is fatal and what
 * is left out; these look only at a story that can be shown.
 */
import { endKey, parsePartialDate } from '../../content/dates';
import { formatPath, type ContentIssue } from '../../content/parse';
import type { Article, Image, Person } from '../../content/schema';
import { characterCount } from './travelCuts';
import { HEADLINE_ADVISED_LENGTH, LEAD_IMAGE_MIN_WIDTH, TRAVEL_LIMITS } from './warningThresholds';

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
    const warning = standfirstCutWarning(article.standfirst);
    if (warning) warnings.push(warning);
  }
  if (missingAlt(article.image)) {
    warnings.push({ path: '$.image.alt', message: 'the lead image has no alt text; describe it for readers who cannot see it' });
  }
  if (article.image && article.image.width < LEAD_IMAGE_MIN_WIDTH) {
    warnings.push({
      path: '$.image.width',
      message: `the lead image is ${article.image.width} px wide; under ${LEAD_IMAGE_MIN_WIDTH} px it is blurred in large social cards and on wide screens`,
    });
  }

  const rawPeople = rawList(raw, 'people');
  const bodyText = article.body.map((block) => (block.type === 'quote' ? `${block.text}\n${block.attribution ?? ''}` : block.text)).join('\n');
  for (const person of article.people ?? []) {
    const index = writtenIndex(rawPeople, person.id, 'name', person.name);
    const at = (...rest: (string | number)[]) => formatPath(['people', index, ...rest]);
    const names = [person.name, ...(person.aliases ?? [])];
    if (!names.some((name) => mentions(bodyText, name))) {
      const written = partWritten(person, article);
      warnings.push(
        written
          ? {
              path: at(person.aliases ? 'aliases' : 'name'),
              message: `${person.name} is written “${written.part}” in the body (at ${written.where}), which no name or alias matches, so the text does not link to the card; add “${written.part}” to aliases`,
            }
          : {
              path: at('name'),
              message: `${person.name} is never mentioned in the body${person.aliases?.length ? ' (by name or alias)' : ''}; the card links to nothing`,
            },
      );
    }
    if (person.nativeName !== undefined && person.nativeLang === undefined) {
      warnings.push({
        path: at('nativeName'),
        message: `${person.name}’s name in its own script has no nativeLang; without it screen readers read it in the page’s language and its direction is guessed`,
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

/** Where a standfirst is cut as it travels (it is the social card's and the search result's description). */
function standfirstCutWarning(standfirst: string): ContentIssue | null {
  const length = characterCount(standfirst);
  const cuts = [
    length > TRAVEL_LIMITS.socialDescription ? `the social card cuts it after about ${TRAVEL_LIMITS.socialDescription}` : null,
    length > TRAVEL_LIMITS.searchDescription ? `the search result after about ${TRAVEL_LIMITS.searchDescription}` : null,
  ].filter((cut): cut is string => cut !== null);
  if (cuts.length === 0) return null;
  return { path: '$.standfirst', message: `the standfirst is ${length} characters; ${cuts.join(' and ')} (see where the story travels)` };
}

/** Words too common to be taken for part of a name in the text ("Al", "Bin"). */
const NAME_PART_MIN_LENGTH = 3;

/**
 * A part of a person's name (a surname, say) written in the body as a whole word, when neither
 * the name nor any alias is: the reader links only names and aliases, so that mention is not linked.
 */
function partWritten(person: Person, article: Article): { part: string; where: string } | null {
  const parts = person.name.split(/\s+/).filter((part) => characterCount(part) >= NAME_PART_MIN_LENGTH && /^\p{Lu}/u.test(part));
  // The surname first: "Hanegbi" is likelier to stand alone than "Tzachi".
  for (const part of parts.reverse()) {
    const index = article.body.findIndex((block) => mentions(block.type === 'quote' ? `${block.text}\n${block.attribution ?? ''}` : block.text, part));
    if (index >= 0) return { part, where: formatPath(['body', index]) };
  }
  return null;
}
