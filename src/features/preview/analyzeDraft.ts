/**
 * Everything the preview says about a draft, from its text: the reader's own parser decides what
 * is fatal and what is left out, the editorial checks add what an editor should hear, and each
 * problem is placed in the text. Pure and free of the DOM, so it runs in a worker.
 */
import { parseArticle, parseJsonText, type ContentIssue, type FailureKind } from '../../content/parse';
import type { Article } from '../../content/schema';
import { editorialChecks } from './editorialChecks';
import { lineColumn, lineStarts, locate, offsetOf, rangeOf, scanPositions } from './jsonPositions';
import { findSyntaxError } from '../../content/jsonSyntax';

export type Severity = 'error' | 'warning';

export interface Problem {
  readonly severity: Severity;
  /** JSONPath of the value, e.g. `$.people[2].name`. */
  readonly path: string;
  readonly message: string;
  /** Where the problem is marked in the text (offsets into the editor's text). */
  readonly from: number;
  readonly to: number;
  /** 1-based, of `from`. */
  readonly line: number;
  readonly column: number;
}

interface Analysed {
  /** Milliseconds spent parsing, validating and placing the problems. */
  readonly ms: number;
  readonly problems: readonly Problem[];
  readonly length: number;
}

export type DraftAnalysis =
  | (Analysed & {
      readonly ok: true;
      readonly article: Article;
    })
  | (Analysed & { readonly ok: false; readonly kind: FailureKind });

export function bySeverityThenPlace(a: Problem, b: Problem): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return a.from - b.from;
}

export function analyzeDraft(text: string, now: () => number = () => performance.now()): DraftAnalysis {
  const started = now();
  const starts = lineStarts(text);
  const json = parseJsonText(text);

  if (!json.ok) {
    // The engine's message does not always say where (see jsonSyntax.ts): find the place ourselves.
    const located = json.kind === 'syntax' && text.trim() !== '' ? findSyntaxError(text) : null;
    const from = located
      ? located.offset
      : json.line !== undefined && json.column !== undefined
        ? offsetOf(starts, text.length, json.line, json.column)
        : 0;
    const place = lineColumn(starts, from);
    const problems = json.errors.map<Problem>((issue) => ({
      severity: 'error',
      path: issue.path,
      message: located ? `not valid JSON at line ${place.line}, column ${place.column}: ${located.reason}` : issue.message,
      from,
      to: Math.min(text.length, from + 1),
      ...place,
    }));
    return { ok: false, kind: json.kind, problems, ms: now() - started, length: text.length };
  }

  const result = parseArticle(json.value);
  const issues: { severity: Severity; issue: ContentIssue }[] = [
    ...(result.ok ? [] : result.errors.map((issue) => ({ severity: 'error' as const, issue }))),
    ...result.warnings.map((issue) => ({ severity: 'warning' as const, issue })),
    ...(result.ok ? editorialChecks(result.value, json.value).map((issue) => ({ severity: 'warning' as const, issue })) : []),
  ];

  const tree = issues.length > 0 || result.ok ? scanPositions(text) : null;
  const problems = issues
    .map<Problem>(({ severity, issue }) => {
      const { from, to } = tree ? rangeOf(locate(tree, issue.path)) : { from: 0, to: 0 };
      return { severity, path: issue.path, message: issue.message, from, to, ...lineColumn(starts, from) };
    })
    .sort(bySeverityThenPlace);

  if (!result.ok) return { ok: false, kind: result.kind, problems, ms: now() - started, length: text.length };
  return {
    ok: true,
    article: result.value,
    problems,
    ms: now() - started,
    length: text.length,
  };
}
