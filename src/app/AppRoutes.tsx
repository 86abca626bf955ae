import { Route, Routes } from 'react-router';
import { ArticlePage } from '../features/article/ArticlePage';
import { FrontPage } from '../features/front-page/FrontPage';
import { ListPage } from '../features/front-page/ListPage';
import { PreviewFrameRoute, PreviewRoute } from '../features/preview/lazyRoutes';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="preview" element={<PreviewRoute />} />
      <Route element={<Shell />}>
        <Route index element={<FrontPage />} />
        <Route path="page/:n" element={<ListPage kind="all" />} />
        <Route path="section/:key" element={<ListPage kind="section" />} />
        <Route path="section/:key/page/:n" element={<ListPage kind="section" />} />
        <Route path="tag/:key" element={<ListPage kind="tag" />} />
        <Route path="tag/:key/page/:n" element={<ListPage kind="tag" />} />
        <Route path="articles/:slug" element={<ArticlePage />} />
        <Route path="preview/frame" element={<PreviewFrameRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
