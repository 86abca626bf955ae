/**
 * The messages between the preview page and the reader pages in its panes. Each pane is the
 * reader itself at one width (`/preview/frame`), handed the draft by postMessage, same origin only.
 * A pane answers each draft with what it laid out, and an audit request with axe's findings.
 */
import type { Article } from '../../content/schema';

export const FRAME_PATH = '/preview/frame';
const CHANNEL = 'dispatch-preview';

/**
 * Phones and tablets draw scrollbars over the page; desktops take their width from it. A pane
 * lays out with the scrollbars its width would have.
 */
export type Scrollbars = 'overlay' | 'classic';

export type ToFrame =
  | {
      readonly channel: typeof CHANNEL;
      readonly type: 'draft';
      readonly revision: number;
      readonly article: Article;
      readonly scrollbars: Scrollbars;
    }
  | { readonly channel: typeof CHANNEL; readonly type: 'audit'; readonly request: number };

export type DraftMessage = Extract<ToFrame, { type: 'draft' }>;

/** A word or URL broken mid-word because it is wider than its column, and the draft's field it is in. */
export interface Overflow {
  readonly path: string;
  readonly text: string;
}

/** What a pane laid out, in its own CSS pixels. */
export interface LayoutReport {
  readonly width: number;
  readonly headlineLines: number;
  readonly overflows: readonly Overflow[];
}

/** One element axe found at fault, with the draft's field that causes it when the cause is content. */
export interface AuditNode {
  readonly target: string;
  readonly html: string;
  readonly summary: string;
  readonly path: string | null;
}

export interface AuditViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly AuditNode[];
}

export type AuditResult =
  | { readonly ok: true; readonly violations: readonly AuditViolation[] }
  | { readonly ok: false; readonly message: string };

export type FromFrame =
  | { readonly channel: typeof CHANNEL; readonly type: 'ready' }
  | { readonly channel: typeof CHANNEL; readonly type: 'rendered'; readonly revision: number; readonly layout: LayoutReport }
  | { readonly channel: typeof CHANNEL; readonly type: 'audited'; readonly request: number; readonly result: AuditResult };

export const draftMessage = (revision: number, article: Article, scrollbars: Scrollbars): ToFrame => ({
  channel: CHANNEL,
  type: 'draft',
  revision,
  article,
  scrollbars,
});
export const auditMessage = (request: number): ToFrame => ({ channel: CHANNEL, type: 'audit', request });
export const readyMessage = (): FromFrame => ({ channel: CHANNEL, type: 'ready' });
export const renderedMessage = (revision: number, layout: LayoutReport): FromFrame => ({
  channel: CHANNEL,
  type: 'rendered',
  revision,
  layout,
});
export const auditedMessage = (request: number, result: AuditResult): FromFrame => ({ channel: CHANNEL, type: 'audited', request, result });

function onChannel(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && (data as Record<string, unknown>).channel === CHANNEL;
}

export function isToFrame(data: unknown): data is ToFrame {
  if (!onChannel(data)) return false;
  if (data.type === 'audit') return typeof data.request === 'number';
  return (
    data.type === 'draft' &&
    typeof data.revision === 'number' &&
    typeof data.article === 'object' &&
    data.article !== null &&
    (data.scrollbars === 'overlay' || data.scrollbars === 'classic')
  );
}

/** Only same-origin frames the page made send these; the shape is checked as far as the page relies on it. */
export function isFromFrame(data: unknown): data is FromFrame {
  if (!onChannel(data)) return false;
  if (data.type === 'ready') return true;
  if (data.type === 'audited') return typeof data.request === 'number' && typeof data.result === 'object' && data.result !== null;
  const layout = data.layout as Record<string, unknown> | null | undefined;
  return (
    data.type === 'rendered' &&
    typeof data.revision === 'number' &&
    typeof layout === 'object' &&
    layout !== null &&
    typeof layout.width === 'number' &&
    typeof layout.headlineLines === 'number' &&
    Array.isArray(layout.overflows)
  );
}
