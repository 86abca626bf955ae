import { startTransition, useEffect, useRef, useState } from 'react';
import { Link } from '../../ui/Link';
import { ArticleView } from '../article/ArticleView';
import { StatusPage } from '../../ui/StatusPage';
import buttons from '../../ui/Button.module.css';
import { measureLayout } from './measureLayout';
import { auditedMessage, isToFrame, readyMessage, renderedMessage, type DraftMessage } from './previewFrameProtocol';
import './PreviewFrame.css';

/** axe is fetched the first time an editor asks for the check, never with the pane. */
async function audit(request: number, draft: DraftMessage | null): Promise<void> {
  const origin = window.location.origin;
  if (!draft) {
    window.parent.postMessage(auditedMessage(request, { ok: false, message: 'the pane has no draft yet' }), origin);
    return;
  }
  try {
    const { auditPane } = await import('./previewAudit');
    window.parent.postMessage(auditedMessage(request, await auditPane(draft.article)), origin);
  } catch {
    window.parent.postMessage(auditedMessage(request, { ok: false, message: 'the accessibility checker could not be loaded' }), origin);
  }
}

const isEmbedded = (): boolean => typeof window !== 'undefined' && window.parent !== window;

/**
 * One pane of the editors' preview: the reader's own story page, inside the reader's own shell,
 * showing the draft the preview page hands over. Opened on its own it only points to the preview.
 */
export function PreviewFrame() {
  const [draft, setDraft] = useState<DraftMessage | null>(null);
  const shown = useRef<DraftMessage | null>(null);

  useEffect(() => {
    if (!isEmbedded()) return;
    const origin = window.location.origin;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== origin || !isToFrame(event.data)) return;
      const message = event.data;
      if (message.type === 'audit') {
        void audit(message.request, shown.current);
        return;
      }
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
    shown.current = draft;
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      window.parent.postMessage(renderedMessage(draft.revision, measureLayout(draft.article)), window.location.origin);
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
