import { matchPath, Route, Routes } from 'react-router';
import { ArticlePage } from '../features/article/ArticlePage';
import { LazyCorrections, preloadCorrectionsIn } from '../features/article/lazyCorrections';
import { lazyPage } from './lazyPage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';
// The lists' styles stay in the stylesheet every page inlines: a prerendered list is styled before
// its code arrives, and one reached from a story is not restyled when it does.
import '../features/front-page/FrontPage.module.css';
import '../features/front-page/Pagination.module.css';
import '../ui/StoryTeaser.module.css';

// The lists are code a story never runs: fetched when a reader goes to one.
const Front = lazyPage(() => import('../features/front-page/FrontPage').then((module) => module.FrontPage));
const List = lazyPage(() => import('../features/front-page/ListPage').then((module) => module.ListPage));
// The editors' preview, a step further: its routes load its chunks and their stylesheets, which
// needs Vite's preload helper; kept out of the entry, the helper is not in every story's bytes.
const Preview = lazyPage(() => import('../features/preview/lazyRoutes').then((module) => module.PreviewRoute));
const PreviewFrame = lazyPage(() => import('../features/preview/lazyRoutes').then((module) => module.PreviewFrameRoute));

const LIST_ROUTES = [
  { path: 'page/:n', kind: 'all' },
  { path: 'section/:key', kind: 'section' },
  { path: 'section/:key/page/:n', kind: 'section' },
  { path: 'tag/:key', kind: 'tag' },
  { path: 'tag/:key/page/:n', kind: 'tag' },
] as const;

/**
 * Fetches the code the prerendered page at `pathname` shows and loads lazily (`page` is its
 * markup): the client awaits it before hydrating.
 */
export function preloadPage(pathname: string, page: ParentNode): Promise<unknown> {
  if (pathname === '/') return Front.preload();
  if (LIST_ROUTES.some(({ path }) => matchPath(`/${path}`, pathname) !== null)) return List.preload();
  return preloadCorrectionsIn(page);
}

/** Every lazily loaded page and block: the server render cannot wait for code in the middle of a page. */
export function preloadAllPages(): Promise<unknown> {
  return Promise.all([Front.preload(), List.preload(), LazyCorrections.preload()]);
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="preview" element={<Preview.Page />} />
      <Route element={<Shell />}>
        <Route index element={<Front.Page />} />
        {LIST_ROUTES.map(({ path, kind }) => (
          <Route key={path} path={path} element={<List.Page kind={kind} />} />
        ))}
        <Route path="articles/:slug" element={<ArticlePage />} />
        <Route path="preview/frame" element={<PreviewFrame.Page />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
