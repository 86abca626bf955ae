/**
 * The messages between the preview page and the reader pages in its panes. Each pane is the
 * reader itself at one width (`/preview/frame`), handed the draft by postMessage, same origin only.
 */
import type { Article } from '../../content/schema';

export const FRAME_PATH = '/preview/frame';
const CHANNEL = 'dispatch-preview';

/**
 * Phones and tablets draw scrollbars over the page; desktops take their width from it. A pane
 * lays out with the scrollbars its width would have.
 */
export type Scrollbars = 'overlay' | 'classic';

export type ToFrame = {
  readonly channel: typeof CHANNEL;
  readonly type: 'draft';
  readonly revision: number;
  readonly article: Article;
  readonly scrollbars: Scrollbars;
};

export type FromFrame =
  | { readonly channel: typeof CHANNEL; readonly type: 'ready' }
  | { readonly channel: typeof CHANNEL; readonly type: 'rendered'; readonly revision: number; readonly headlineLines: number };

export const draftMessage = (revision: number, article: Article, scrollbars: Scrollbars): ToFrame => ({
  channel: CHANNEL,
  type: 'draft',
  revision,
  article,
  scrollbars,
});
export const readyMessage = (): FromFrame => ({ channel: CHANNEL, type: 'ready' });
export const renderedMessage = (revision: number, headlineLines: number): FromFrame => ({
  channel: CHANNEL,
  type: 'rendered',
  revision,
  headlineLines,
});

function onChannel(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).channel === CHANNEL;
}

export function isToFrame(data: unknown): data is ToFrame {
  return (
    onChannel(data) &&
    data.type === 'draft' &&
    typeof data.revision === 'number' &&
    typeof data.article === 'object' &&
    data.article !== null &&
    (data.scrollbars === 'overlay' || data.scrollbars === 'classic')
  );
}

export function isFromFrame(data: unknown): data is FromFrame {
  if (!onChannel(data)) return false;
  if (data.type === 'ready') return true;
  return data.type === 'rendered' && typeof data.revision === 'number' && typeof data.headlineLines === 'number';
}
