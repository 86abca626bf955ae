import { Route, Routes } from 'react-router';
import { ArticlePage } from '../features/article/ArticlePage';
import { FrontPage } from '../features/front-page/FrontPage';
import { NotFoundPage } from './NotFoundPage';
import { Shell } from './Shell';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<FrontPage />} />
        <Route path="articles/:slug" element={<ArticlePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
