// TEMPORARY: stands in for src/content/lists.ts and the schema's list fields until the app side lands.
import type { Image } from '../../src/content/schema';

export const PAGE_SIZE = 20;
export type ListKind = 'all' | 'section' | 'tag';
export interface ListInfo {
  readonly kind: ListKind;
  readonly key?: string;
  readonly title?: string;
  readonly total?: number;
  readonly pages?: number;
  readonly older?: number;
  readonly newer?: number;
}
export function listKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
export interface IndexEntry {
  readonly slug: string;
  readonly headline: string;
  readonly standfirst?: string;
  readonly section?: string;
  readonly published: string;
  readonly updated?: string;
  readonly tags?: string[];
  readonly image?: Image;
}
export interface ArticleIndex {
  articles: IndexEntry[];
  readonly list?: ListInfo;
  readonly page?: number;
}
