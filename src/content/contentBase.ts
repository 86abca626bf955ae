/** Where the feed lives: `/content` (served from public/content) unless a build says otherwise. */
export const CONTENT_BASE = (import.meta.env.VITE_CONTENT_BASE ?? '/content').replace(/\/+$/, '');

export const indexUrl = (): string => `${CONTENT_BASE}/articles/index.json`;
export const articleUrl = (slug: string): string => `${CONTENT_BASE}/articles/${encodeURIComponent(slug)}.json`;
export const schemaUrl = (): string => `${CONTENT_BASE}/article.schema.json`;
