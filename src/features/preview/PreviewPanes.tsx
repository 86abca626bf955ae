import { useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import type { Article } from '../../content/schema';
import { auditMessage, draftMessage, FRAME_PATH, isFromFrame, type AuditResult, type LayoutReport, type Scrollbars } from './previewFrameProtocol';
import styles from './PreviewPanes.module.css';

export interface Device {
  readonly id: 'mobile' | 'tablet' | 'desktop';
  readonly label: string;
  readonly width: number;
  readonly scrollbars: Scrollbars;
}

export const DEVICES: readonly Device[] = [
  { id: 'mobile', label: 'Mobile', width: 360, scrollbars: 'overlay' },
  { id: 'tablet', label: 'Tablet', width: 768, scrollbars: 'overlay' },
  { id: 'desktop', label: 'Desktop', width: 1280, scrollbars: 'classic' },
];

export type PaneMode = 'all' | Device['id'];

export interface ShownDraft {
  readonly article: Article;
  readonly revision: number;
}

interface PaneProps {
  readonly device: Device;
  readonly draft: ShownDraft | null;
  readonly mode: PaneMode;
  readonly outOfDate: boolean;
  /** Said in a pane that has had nothing good to show yet. */
  readonly emptyMessage: string;
  /** Whether this pane is the one screen readers and the keyboard reach (the others are inert copies). */
  readonly exposed: boolean;
  readonly onRendered: (device: Device['id'], revision: number, layout: LayoutReport) => void;
  readonly auditors: Map<Device['id'], () => Promise<AuditResult>>;
}

interface Fit {
  readonly scale: number;
  /** The pane's own viewport height, in its CSS pixels. */
  readonly height: number;
}

/**
 * One width of the reader, in an iframe of the reader itself so that its media queries see that
 * width. Scaled to fit its slot when all widths are shown; at full size (scrolling sideways inside
 * the slot if need be) when it is shown alone. Hidden panes stay loaded, so switching is instant.
 */
/** An audit takes seconds on a long story; past this the pane is taken not to answer. */
const AUDIT_TIMEOUT_MS = 60_000;

function Pane({ device, draft, mode, outOfDate, emptyMessage, exposed, onRendered, auditors }: PaneProps) {
  const slot = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef({ draft, onRendered });
  const [fit, setFit] = useState<Fit>({ scale: 1, height: 600 });
  const captionId = useId();
  const hidden = mode !== 'all' && mode !== device.id;
  const pending = useRef(new Map<number, (result: AuditResult) => void>());
  const requests = useRef(0);

  useEffect(() => {
    const waiting = pending.current;
    auditors.set(device.id, () => {
      const win = frame.current?.contentWindow;
      if (!win) return Promise.resolve({ ok: false, message: 'the pane is not loaded' });
      const request = ++requests.current;
      return new Promise<AuditResult>((resolve) => {
        const timer = window.setTimeout(() => {
          waiting.delete(request);
          resolve({ ok: false, message: 'the pane did not answer' });
        }, AUDIT_TIMEOUT_MS);
        waiting.set(request, (result) => {
          window.clearTimeout(timer);
          waiting.delete(request);
          resolve(result);
        });
        win.postMessage(auditMessage(request), window.location.origin);
      });
    });
    return () => {
      auditors.delete(device.id);
    };
  }, [auditors, device.id]);
  const fullSize = mode === device.id;

  useEffect(() => {
    latest.current = { draft, onRendered };
  });

  // The scale depends on the slot's width, which only layout knows; CSS cannot yet divide lengths.
  useLayoutEffect(() => {
    const element = slot.current;
    if (!element) return;
    const measure = () => {
      const scale = fullSize ? 1 : Math.min(1, element.clientWidth / device.width) || 1;
      setFit({ scale, height: Math.max(200, Math.round(element.clientHeight / scale)) });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [device.width, fullSize]);

  const send = (target: ShownDraft | null) => {
    const win = frame.current?.contentWindow;
    if (win && target) win.postMessage(draftMessage(target.revision, target.article, device.scrollbars), window.location.origin);
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== frame.current?.contentWindow || !isFromFrame(event.data)) return;
      const message = event.data;
      if (message.type === 'ready') send(latest.current.draft);
      else if (message.type === 'rendered') latest.current.onRendered(device.id, message.revision, message.layout);
      else pending.current.get(message.request)?.(message.result);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
    // `send` reads only refs and the device, which never changes for a pane.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [device.id]);

  // Each pane is sent its copy in a task of its own, so a keystroke can come in between.
  useEffect(() => {
    const timer = window.setTimeout(() => send(draft), 0);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);

  const percent = Math.round(fit.scale * 100);
  return (
    <figure
      className={styles.pane}
      data-device={device.id}
      data-hidden={hidden || undefined}
      data-full={fullSize || undefined}
      data-exposed={(exposed && !hidden) || undefined}
      inert={hidden || !exposed}
    >
      <figcaption id={captionId} className={styles.caption}>
        <span className={styles.device}>{device.label}</span> <span>{device.width} px</span>
        <span className={styles.scale}>{fullSize || percent === 100 ? ' · full size' : ` · shown at ${percent}%`}</span>
        {outOfDate && draft ? <span className={styles.stale}>Out of date</span> : null}
      </figcaption>
      <div ref={slot} className={styles.slot} data-stale={(outOfDate && draft !== null) || undefined}>
        <iframe
          ref={frame}
          className={styles.frame}
          src={FRAME_PATH}
          title={`${device.label} preview, ${device.width} pixels wide${outOfDate ? ', out of date' : ''}`}
          style={{
            width: `${device.width}px`,
            height: `${fit.height}px`,
            transform: fit.scale === 1 ? undefined : `scale(${fit.scale})`,
          }}
        />
        {draft ? null : <p className={styles.empty}>{emptyMessage}</p>}
      </div>
    </figure>
  );
}

export interface PreviewPanesHandle {
  /** Runs axe in a pane's page; resolves with what it found, or why it could not run. */
  audit(device: Device['id']): Promise<AuditResult>;
}

interface PreviewPanesProps {
  readonly ref?: Ref<PreviewPanesHandle>;
  readonly draft: ShownDraft | null;
  readonly mode: PaneMode;
  readonly outOfDate: boolean;
  readonly emptyMessage: string;
  /** The pane screen readers and the keyboard reach. */
  readonly exposed: Device['id'];
  readonly onRendered: PaneProps['onRendered'];
}

export function PreviewPanes({ ref, draft, mode, outOfDate, emptyMessage, exposed, onRendered }: PreviewPanesProps) {
  const [auditors] = useState(() => new Map<Device['id'], () => Promise<AuditResult>>());
  useImperativeHandle(
    ref,
    () => ({
      audit: (device) => auditors.get(device)?.() ?? Promise.resolve({ ok: false, message: 'no such pane' }),
    }),
    [auditors],
  );
  return (
    <div className={styles.container}>
      <div className={styles.panes} data-mode={mode}>
        {DEVICES.map((device) => (
        <Pane
          key={device.id}
          device={device}
          draft={draft}
          mode={mode}
          outOfDate={outOfDate}
          emptyMessage={emptyMessage}
          exposed={exposed === device.id}
          onRendered={onRendered}
          auditors={auditors}
        />
        ))}
      </div>
    </div>
  );
}
