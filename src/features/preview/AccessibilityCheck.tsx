import { useState } from 'react';
import type { Article } from '../../content/schema';
import buttons from '../../ui/Button.module.css';
import { accessibilityOfContent } from './accessibilityOfContent';
import type { Device } from './PreviewPanes';
import type { AuditResult } from './previewFrameProtocol';
import styles from './AccessibilityCheck.module.css';


interface PaneAudit {
  readonly device: Device;
  readonly result: AuditResult;
}

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly revision: number; readonly panes: readonly PaneAudit[]; readonly article: Article };

interface AccessibilityCheckProps {
  readonly devices: readonly Device[];
  /** The draft the panes show now, or null when they show nothing. */
  readonly draft: { readonly article: Article; readonly revision: number } | null;
  readonly audit: (device: Device['id']) => Promise<AuditResult>;
  readonly onChoose: (path: string) => void;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Runs axe in the reader's own page in the chosen panes (axe is loaded then, inside the panes,
 * never with the page) and lists what it finds, naming the draft's field where the cause is content.
 */
export function AccessibilityCheck({ devices, draft, audit, onChoose }: AccessibilityCheckProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async () => {
    if (!draft) return;
    setState({ kind: 'running' });
    const panes: PaneAudit[] = [];
    // One after the other: both share this page's thread, and axe is busy while it runs.
    for (const device of devices) panes.push({ device, result: await audit(device.id) });
    setState({ kind: 'done', revision: draft.revision, panes, article: draft.article });
  };

  const content = state.kind === 'done' ? accessibilityOfContent(state.article) : [];
  const violations = state.kind === 'done' ? state.panes.reduce((sum, pane) => sum + (pane.result.ok ? pane.result.violations.length : 0), 0) : 0;
  const widths = devices.map((device) => `${device.width} px`).join(' and ');
  const outOfDate = state.kind === 'done' && draft !== null && draft.revision !== state.revision;

  return (
    <div className={styles.check}>
      <div className={styles.actions}>
        <button type="button" className={buttons.secondary} onClick={() => void run()} aria-disabled={state.kind === 'running' || draft === null}>
          {state.kind === 'running' ? 'Checking accessibility…' : 'Check accessibility'}
        </button>
        <span className={styles.note}>axe-core, WCAG 2.2 A and AA and best practice, in the reader’s page at {widths}.</span>
      </div>
      <p role="status" className={styles.summary}>
        {state.kind === 'done'
          ? `${violations === 0 ? 'axe found no violations' : `axe found ${plural(violations, 'violation')}`} at ${widths}; ${
              content.length === 0 ? 'nothing in the content' : plural(content.length, 'problem') + ' in the content'
            }.${outOfDate ? ' The draft has changed since: check again.' : ''}`
          : state.kind === 'running'
            ? 'Checking accessibility…'
            : ''}
      </p>
      {state.kind === 'done' ? (
        <>
          {state.panes.map(({ device, result }) => (
            <section key={device.id} className={styles.pane} aria-label={`Accessibility at ${device.width} px`}>
              <h3 className={styles.heading}>At {device.width} px</h3>
              {!result.ok ? (
                <p>The check could not run: {result.message}.</p>
              ) : result.violations.length === 0 ? (
                <p>No violations.</p>
              ) : (
                <ul className={styles.list}>
                  {result.violations.map((violation) => (
                    <li key={violation.id}>
                      <p>
                        <strong>{violation.help}</strong> <code>{violation.id}</code>
                        {violation.impact ? `, ${violation.impact}` : ''}
                      </p>
                      <ul className={styles.nodes}>
                        {violation.nodes.map((node, index) => (
                          <li key={index}>
                            {node.path ? (
                              <button type="button" className={styles.path} onClick={() => onChoose(node.path ?? '$')}>
                                <span className="visually-hidden">Go to </span>
                                <code>{node.path}</code>
                              </button>
                            ) : (
                              <span>
                                In the page itself (not the draft): <code>{node.target}</code>
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <section className={styles.pane} aria-label="Accessibility of the content">
            <h3 className={styles.heading}>In the content</h3>
            {content.length === 0 ? (
              <p>Nothing found that the panes cannot show.</p>
            ) : (
              <ul className={styles.list}>
                {content.map((finding) => (
                  <li key={finding.path}>
                    <button type="button" className={styles.path} onClick={() => onChoose(finding.path)}>
                      <span className="visually-hidden">Go to </span>
                      <code>{finding.path}</code>
                    </button>{' '}
                    {finding.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
