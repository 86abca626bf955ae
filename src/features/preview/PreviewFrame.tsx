import { startTransition, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ArticleView } from '../article/ArticleView';
import { StatusPage } from '../../ui/StatusPage';
import buttons from '../../ui/Button.module.css';
import { isToFrame, readyMessage, renderedMessage, type ToFrame } from './previewFrameProtocol';
import './PreviewFrame.module.css';

/** Lines the headline takes, as this pane lays it out. */
function lineCount(element: HTMLElement): number {
  const style = getComputedStyle(element);
  const lineHeight = Number.parseFloat(style.lineHeight);
  const perLine = Number.isFinite(lineHeight) ? lineHeight : Number.parseFloat(style.fontSize) * 1.2;
  return perLine > 0 ? Math.round(element.getBoundingClientRect().height / perLine) : 0;
}

const isEmbedded = (): boolean => typeof window !== 'undefined' && window.parent !== window;

/**
 * One pane of the editors' preview: the reader's own story page, inside the reader's own shell,
 * showing the draft the preview page hands over. Opened on its own it only points to the preview.
 */
export function PreviewFrame() {
  const [draft, setDraft] = useState<ToFrame | null>(null);

  useEffect(() => {
    if (!isEmbedded()) return;
    const origin = window.location.origin;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== origin || !isToFrame(event.data)) return;
      const message = event.data;
      document.documentElement.dataset.previewScrollbars = message.scrollbars;
      // A long draft renders in slices, so the editor beside it (same thread) keeps up with typing.
      startTransition(() => setDraft(message));
    };
    window.addEventListener('message', onMessage);
    window.parent.postMessage(readyMessage(), origin);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    if (!draft) return;
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      const headline = document.getElementById('headline');
      window.parent.postMessage(renderedMessage(draft.revision, headline ? lineCount(headline) : 0), window.location.origin);
    });
    return () => {
      cancelled = true;
    };
  }, [draft]);

  if (!isEmbedded()) {
    return (
      <StatusPage
        title="This page belongs to the editors’ preview"
        actions={
          <Link to="/preview" className={buttons.button}>
            Open the editors’ preview
          </Link>
        }
      >
        <p>It shows a draft story at one screen width, inside the preview.</p>
      </StatusPage>
    );
  }
  if (!draft) {
    return (
      <p role="status" className="visually-hidden">
        Waiting for the draft…
      </p>
    );
  }
  return <ArticleView article={draft.article} />;
}
