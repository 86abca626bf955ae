// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  PAGE_SIZE,
  chunkCount,
  chunkOf,
  listFile,
  listFileForRoute,
  listHtmlFile,
  listKey,
  listRoute,
  listsOf,
  pageNumber,
  parseListRoute,
  type ListRef,
} from '../../../src/content/lists';

describe('listKey', () => {
  it.each([
    ['World', 'world'],
    ['Nuclear programme', 'nuclear-programme'],
    ['Côte d’Ivoire', 'cote-d-ivoire'],
    ['  --Middle East / North Africa-- ', 'middle-east-north-africa'],
    ['İstanbul', 'istanbul'],
    ['G7 2025', 'g7-2025'],
    ['ایران', ''],
  ])('%s → "%s"', (name, key) => {
    expect(listKey(name)).toBe(key);
  });
});

describe('the lists a story is in', () => {
  it('are every story’s, its section’s and each tag’s, once each, leaving out names with no key', () => {
    expect(listsOf({ section: 'World', tags: ['Iran', 'iran', 'ایران', 'Nuclear programme'] })).toEqual([
      { kind: 'all' },
      { kind: 'section', key: 'world' },
      { kind: 'tag', key: 'iran' },
      { kind: 'tag', key: 'nuclear-programme' },
    ]);
  });
});

describe('chunks', () => {
  it(`hold ${PAGE_SIZE} stories each, oldest first`, () => {
    expect([chunkOf(0), chunkOf(PAGE_SIZE - 1), chunkOf(PAGE_SIZE), chunkOf(10_000 - 1)]).toEqual([1, 1, 2, 500]);
    expect([chunkCount(0), chunkCount(1), chunkCount(PAGE_SIZE), chunkCount(10_000)]).toEqual([0, 1, 1, 500]);
  });
});

describe('routes and files', () => {
  const cases: readonly [ListRef, number | undefined, string, string, string][] = [
    [{ kind: 'all' }, undefined, '/', 'articles/index.json', 'index.html'],
    [{ kind: 'all' }, 498, '/page/498', 'lists/all/498.json', 'page/498.html'],
    [{ kind: 'section', key: 'world' }, undefined, '/section/world', 'lists/section/world/latest.json', 'section/world.html'],
    [{ kind: 'section', key: 'world' }, 3, '/section/world/page/3', 'lists/section/world/3.json', 'section/world/page/3.html'],
    [{ kind: 'tag', key: 'iran' }, undefined, '/tag/iran', 'lists/tag/iran/latest.json', 'tag/iran.html'],
    [{ kind: 'tag', key: 'iran' }, 1, '/tag/iran/page/1', 'lists/tag/iran/1.json', 'tag/iran/page/1.html'],
  ];

  it.each(cases)('%o page %s: route %s, file %s, page %s', (list, page, route, file, html) => {
    expect(listRoute(list, page)).toBe(route);
    expect(listFile(list, page)).toBe(file);
    expect(listHtmlFile(list, page)).toBe(html);
    expect(parseListRoute(route)).toEqual(page === undefined ? { list } : { list, page });
    expect(listFileForRoute(route)).toBe(file);
  });

  it.each(['/articles/x', '/page', '/page/0', '/page/01', '/page/1/2', '/section', '/section/World', '/tag/iran/page', '/tag/iran/latest', '/tag/a--b'])(
    '%s is no list page',
    (route) => {
      expect(parseListRoute(route)).toBeNull();
    },
  );

  it('reads a page number only when written plainly', () => {
    expect(['1', '20', '007', '-1', '1e3', ' 2', '9999999999'].map(pageNumber)).toEqual([1, 20, null, null, null, null, null]);
  });
});
