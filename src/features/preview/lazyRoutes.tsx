/**
 * The preview's routes, each a lazily loaded chunk: the reader's pages import only this file,
 * which holds no preview code, so a reader never downloads the editor, its parser or CodeMirror.
 */
import { lazy, Suspense } from 'react';

const PreviewPage = lazy(() => import('./PreviewPage').then((module) => ({ default: module.PreviewPage })));
const PreviewFrame = lazy(() => import('./PreviewFrame').then((module) => ({ default: module.PreviewFrame })));

export function PreviewRoute() {
  return (
    <Suspense
      fallback={
        <p role="status" style={{ padding: '1rem' }}>
          Loading the editors’ preview…
        </p>
      }
    >
      <PreviewPage />
    </Suspense>
  );
}

export function PreviewFrameRoute() {
  return (
    <Suspense fallback={null}>
      <PreviewFrame />
    </Suspense>
  );
}
