import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Article } from '../../content/schema';
import { draftMessage, FRAME_PATH, isFromFrame, type Scrollbars } from './previewFrameProtocol';
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
  readonly onRendered: (device: Device['id'], revision: number, headlineLines: number) => void;
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
function Pane({ device, draft, mode, outOfDate, emptyMessage, onRendered }: PaneProps) {
  const slot = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef({ draft, onRendered });
  const [fit, setFit] = useState<Fit>({ scale: 1, height: 600 });
  const captionId = useId();
  const hidden = mode !== 'all' && mode !== device.id;
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
      if (event.data.type === 'ready') send(latest.current.draft);
      else latest.current.onRendered(device.id, event.data.revision, event.data.headlineLines);
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
    <figure className={styles.pane} data-device={device.id} data-hidden={hidden || undefined} data-full={fullSize || undefined} inert={hidden}>
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

interface PreviewPanesProps {
  readonly draft: ShownDraft | null;
  readonly mode: PaneMode;
  readonly outOfDate: boolean;
  readonly emptyMessage: string;
  readonly onRendered: PaneProps['onRendered'];
}

export function PreviewPanes({ draft, mode, outOfDate, emptyMessage, onRendered }: PreviewPanesProps) {
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
          onRendered={onRendered}
        />
        ))}
      </div>
    </div>
  );
}
