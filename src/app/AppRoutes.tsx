import { Route, Routes } from 'react-router';
import { ArticlePage } from '../features/article/ArticlePage';
import { FrontPage } from '../features/front-page/FrontPage';
import { PreviewFrameRoute, PreviewRoute } from '../features/preview/lazyRoutes';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="preview" element={<PreviewRoute />} />
      <Route element={<Shell />}>
        <Route index element={<FrontPage />} />
        <Route path="articles/:slug" element={<ArticlePage />} />
        <Route path="preview/frame" element={<PreviewFrameRoute />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
