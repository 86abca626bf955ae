/**
 * axe-core over one pane's page, loaded only when an editor asks for the check (it is large, and
 * the reader's pages never load it). Each element at fault is named by the draft's field behind
 * it when the cause is content.
 */
import axe from 'axe-core';
import type { Article } from '../../content/schema';
import { contentPaths, pathOfElement } from './contentPaths';
import type { AuditResult, AuditViolation } from './previewFrameProtocol';

/** The rules the browser tests hold every page to: WCAG 2.2 A and AA, and best practice. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Rules whose fault, on a content element, is the content itself (a picture's text alternative). */
const ALT_RULES = new Set(['image-alt', 'role-img-alt', 'image-redundant-alt']);

export async function auditPane(article: Article): Promise<AuditResult> {
  try {
    const results = await axe.run(document, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations'] });
    const paths = contentPaths(article);
    const violations: AuditViolation[] = results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => {
        const selector = node.target.map(String).join(' ');
        const element = node.element ?? (typeof node.target[0] === 'string' ? document.querySelector(node.target[0]) : null);
        const path = element ? pathOfElement(element, paths) : null;
        return {
          target: selector,
          html: node.html,
          summary: node.failureSummary ?? '',
          path: path !== null && ALT_RULES.has(violation.id) && path.endsWith('image') ? `${path}.alt` : path,
        };
      }),
    }));
    return { ok: true, violations };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : 'axe could not run' };
  }
}
