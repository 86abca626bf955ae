import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleText } from '../../../src/content/parse';
import type { Article } from '../../../src/content/schema';
import { REAL_STORY_FILE } from '../../fixtures/fixtures';
import { ROOT } from './paths';

export { REAL_STORY_FILE, REAL_STORY_SLUG } from '../../fixtures/fixtures';

/** The text of a file in tests/fixtures, e.g. `articles/bad-person-no-name.json`. */
export function fixtureText(file: string): string {
  return readFileSync(join(ROOT, 'tests', 'fixtures', file), 'utf8');
}

/** The real story as the feed ships it. */
export function realStoryText(): string {
  return readFileSync(join(ROOT, REAL_STORY_FILE), 'utf8');
}

function mustParse(text: string, what: string): Article {
  const result = parseArticleText(text);
  if (!result.ok) throw new Error(`${what} does not parse: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** The real story, parsed: what the pages receive. */
export function realStory(): Article {
  return mustParse(realStoryText(), REAL_STORY_FILE);
}

/** A good fixture story, parsed. */
export function fixtureStory(file: string): Article {
  return mustParse(fixtureText(file), file);
}
