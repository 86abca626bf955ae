/** Where the feed lives: `/content` (served from public/content) unless a build says otherwise. */
export const CONTENT_BASE = (import.meta.env.VITE_CONTENT_BASE ?? '/content').replace(/\/+$/, '');

export const indexUrl = (): string => `${CONTENT_BASE}/articles/index.json`;
export const articleUrl = (slug: string): string => `${CONTENT_BASE}/articles/${encodeURIComponent(slug)}.json`;
export const schemaUrl = (): string => `${CONTENT_BASE}/article.schema.json`;
/** A file the content base holds, by its path there (e.g. `lists/tag/iran/3.json`, from src/content/lists.ts). */
export const contentFileUrl = (path: string): string => `${CONTENT_BASE}/${path}`;
