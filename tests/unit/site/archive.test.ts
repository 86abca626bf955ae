/**
 * The archive as files (scripts/site/archive.ts), on the synthetic archive's index entries: pages
 * numbered from the oldest story keep their stories as the archive grows, every story is on
 * exactly one numbered page of each of its lists, the latest page of a list is bounded whatever
 * its size, and a new story touches only the newest pages.
 */
import { describe, expect, it } from 'vitest';
import { syntheticStory, tagName } from '../../../scripts/generate-archive';
import { archiveFiles, entryOf, listPageFiles, storyLists, type ListPageFile } from '../../../scripts/site/archive';
import { PAGE_SIZE } from '../../../src/content/lists';
import type { Article } from '../../../src/content/schema';

function archive(count: number): Article[] {
  return Array.from({ length: count }, (_, n) => syntheticStory(n, count) as unknown as Article);
}

const entries = (count: number) => archive(count).map(entryOf);
const byPath = (files: readonly ListPageFile[]) => new Map(files.map((file) => [file.contentPath, JSON.stringify(file.data)]));

describe('the archive at 10,000 stories', () => {
  const files = archiveFiles(entries(10_000));
  const lists = storyLists(entries(10_000));

  it('has a list for all stories, each of the 12 sections and each tag in use', () => {
    expect(lists.filter((list) => list.kind === 'all')).toHaveLength(1);
    expect(lists.filter((list) => list.kind === 'section')).toHaveLength(12);
    expect(lists.filter((list) => list.kind === 'tag').length).toBeGreaterThan(190);
  });

  it('pages a tag of 2,000 stories into 100 numbered pages of 20, plus its latest page', () => {
    const popular = files.filter((file) => file.contentPath.startsWith('lists/tag/synthetic-topic-1/'));
    expect(popular).toHaveLength(101);
    const latest = popular[0];
    expect(latest?.route).toBe('/tag/synthetic-topic-1');
    expect(latest?.data.articles).toHaveLength(PAGE_SIZE);
    expect(latest?.data.list).toMatchObject({ kind: 'tag', key: 'synthetic-topic-1', title: tagName(0), total: 2000, pages: 100, older: 99 });
    const numbered = popular.slice(1);
    expect(numbered.map((file) => file.route)).toEqual(Array.from({ length: 100 }, (_, n) => `/tag/synthetic-topic-1/page/${n + 1}`));
    expect(numbered.every((file) => file.data.articles.length === PAGE_SIZE)).toBe(true);
    expect(numbered[0]?.data.list).toEqual({ kind: 'tag', key: 'synthetic-topic-1', title: tagName(0), newer: 2 });
    expect(numbered.at(-1)?.data.list).toEqual({ kind: 'tag', key: 'synthetic-topic-1', title: tagName(0), older: 99 });
  });

  it('puts every story on exactly one numbered page of all stories, newest first within a page', () => {
    const pages = files.filter((file) => file.contentPath.startsWith('lists/all/'));
    expect(pages).toHaveLength(500);
    const slugs = pages.flatMap((file) => file.data.articles.map((entry) => entry.slug));
    expect(new Set(slugs).size).toBe(10_000);
    for (const file of pages) {
      const times = file.data.articles.map((entry) => Date.parse(entry.published));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it('keeps the front page’s index to the newest 20: its bytes do not grow with the archive', () => {
    // From 20 stories on the front page is full; 100 and 10,000 stories give it the same work.
    const front = (count: number) => archiveFiles(entries(count)).find((file) => file.route === '/');
    const bytes = (count: number) => Buffer.byteLength(JSON.stringify(front(count)?.data));
    expect(front(10_000)?.data.articles).toHaveLength(PAGE_SIZE);
    expect(Math.abs(bytes(10_000) - bytes(100)) / bytes(100)).toBeLessThan(0.1);
  });
});

describe('a new story', () => {
  it('changes the latest pages and the newest numbered page of its lists, and no full page', () => {
    const before = entries(1_000);
    const next = entryOf({ ...(syntheticStory(1_000, 1_001) as unknown as Article), published: '2026-02-01T00:00:00Z' });
    const old = byPath(archiveFiles(before));
    const now = byPath(archiveFiles([...before, next]));
    const changed = [...now].filter(([path, json]) => old.get(path) !== json).map(([path]) => path);
    const lists = storyLists([next]).map((list) => (list.kind === 'all' ? 'lists/all/' : `lists/${list.kind}/${list.key ?? ''}/`));
    expect(changed).toContain('articles/index.json');
    for (const path of changed) {
      if (path === 'articles/index.json') continue;
      expect(lists.some((prefix) => path.startsWith(prefix)), `${path} is in one of the story's lists`).toBe(true);
    }
    // Of each list: its latest page, its newest numbered page, and the one before when the new story opens a page.
    expect(changed.length).toBeLessThanOrEqual(lists.length * 3);
  });

  it('needs no numbered pages while a list fits on its latest page', () => {
    const [all] = storyLists(entries(PAGE_SIZE));
    expect(all && listPageFiles(all).map((file) => file.contentPath)).toEqual(['articles/index.json']);
  });
});
