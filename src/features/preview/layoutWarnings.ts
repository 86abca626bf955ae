/**
 * Warnings from what the panes actually laid out (each pane reports it; see PreviewFrame), as
 * opposed to what the draft's text alone can say.
 */
import type { ContentIssue } from '../../content/parse';
import type { LayoutReport } from './previewFrameProtocol';
import { HEADLINE_LINES, OVERFLOW_WIDTH } from './warningThresholds';

/** The reports of one revision of the draft, one per pane that has laid it out. */
export function layoutWarnings(reports: readonly LayoutReport[]): ContentIssue[] {
  const warnings: ContentIssue[] = [];
  const headline = reports.find((report) => report.width === HEADLINE_LINES.width);
  if (headline && headline.headlineLines > HEADLINE_LINES.most) {
    warnings.push({
      path: '$.headline',
      message: `the headline wraps to ${headline.headlineLines} lines at ${HEADLINE_LINES.width} px; keep it to ${HEADLINE_LINES.most} so the story starts on the first screen of a phone`,
    });
  }
  const narrowest = [...reports].sort((a, b) => a.width - b.width)[0];
  const measured = reports.find((report) => report.width === OVERFLOW_WIDTH) ?? narrowest;
  if (measured) {
    const where =
      measured.width === OVERFLOW_WIDTH
        ? `${OVERFLOW_WIDTH} px`
        : `${measured.width} px (the narrowest pane; there is none at ${OVERFLOW_WIDTH} px, where more may break)`;
    for (const overflow of measured.overflows) {
      warnings.push({ path: overflow.path, message: `“${overflow.text}” is wider than its column at ${where}, so it is broken mid-word` });
    }
  }
  return warnings;
}
