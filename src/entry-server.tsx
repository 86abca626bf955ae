/**
 * The server build's entry, used only by scripts/prerender.ts at build time: renders a route to
 * HTML from a query cache that the build has already filled, so the client can hydrate it.
 */
import { QueryClientProvider, dehydrate, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router';
import { AppRoutes } from './app/AppRoutes';
import { createQueryClient } from './app/queryClient';
import { articleQuery, indexQuery, listQuery, type LoadedArticle } from './content/queries';
import type { ArticleIndex } from './content/schema';

export { parseArticleText, parseIndex, parseJsonText } from './content/parse';
export { SITE_NAME } from './ui/site';
export { PAGE_SIZE, listFile, listFileForRoute, listHtmlFile, listKey, listRoute, listsOf, parseListRoute } from './content/lists';
export { firstPaintFilterStyle } from './features/article/personFilter';
/** renderToString cannot wait for code: the build awaits this before rendering any page. */
export { preloadAllPages } from './app/AppRoutes';
export { STATE_ELEMENT_ID, PRERENDERED_ATTRIBUTE, serializeForScript } from './app/prerenderedState';

export interface PrerenderData {
  readonly index?: ArticleIndex;
  readonly article?: { readonly slug: string; readonly loaded: LoadedArticle };
  /** An archive page's list: `path` is its content file as `listFile()` names it (`lists/tag/iran/3.json`). */
  readonly list?: { readonly path: string; readonly data: ArticleIndex };
}

export interface Rendered {
  readonly html: string;
  readonly state: DehydratedState;
}

export function render(url: string, data: PrerenderData): Rendered {
  const client = createQueryClient();
  if (data.index) client.setQueryData(indexQuery().queryKey, data.index);
  if (data.article) client.setQueryData(articleQuery(data.article.slug).queryKey, data.article.loaded);
  if (data.list) client.setQueryData(listQuery(data.list.path).queryKey, data.list.data);
  const html = renderToString(
    <StrictMode>
      <QueryClientProvider client={client}>
        <StaticRouter location={url}>
          <AppRoutes />
        </StaticRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
  return { html, state: dehydrate(client) };
}
