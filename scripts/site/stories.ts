/**
 * The stories a site holds: every `{slug}.json` in its `content/articles/` folder, read with the
 * reader's own parser. A file that does not parse is reported and left out of every list, page
 * and feed (the reader explains it to anyone who opens its address).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentIssue } from '../../src/content/parse';
import type { Article } from '../../src/content/schema';
import type { SiteRenderer } from './renderer';

export const ARTICLES_DIR = 'content/articles';
const STORY_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.json$/;

export interface ParsedStory {
  readonly article: Article;
  readonly warnings: readonly ContentIssue[];
}

/** The slug a story file is named for, or undefined for a file that is not a story (index.json). */
export function slugOfFile(name: string): string | undefined {
  const slug = STORY_FILE.exec(name)?.[1];
  return slug === undefined || slug === 'index' ? undefined : slug;
}

export function readStories(root: string, parser: SiteRenderer['parser']): { stories: ParsedStory[]; skipped: string[] } {
  const dir = join(root, ARTICLES_DIR);
  const stories: ParsedStory[] = [];
  const skipped: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const slug = slugOfFile(name);
    if (slug === undefined) continue;
    const parsed = parser.parseArticleText(readFileSync(join(dir, name), 'utf8'), { slug });
    if (parsed.ok) stories.push({ article: parsed.value, warnings: parsed.warnings });
    else skipped.push(`${name}: ${parsed.errors[0]?.message ?? 'invalid'}`);
  }
  return { stories, skipped };
}
