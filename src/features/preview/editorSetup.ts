/**
 * The code editor's extensions: JSON highlighting, line numbers, bracket matching and problem
 * marks, coloured from the site's palette so the editor follows the light and dark schemes.
 * Tab is left to move the focus on (no indent-with-Tab), so a keyboard user is never trapped.
 */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import type { Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';

/** Token colours are custom properties set (per scheme) in PreviewPage.module.css. */
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--code-key)' },
  { tag: tags.string, color: 'var(--code-string)' },
  { tag: tags.number, color: 'var(--code-number)' },
  { tag: [tags.bool, tags.null], color: 'var(--code-literal)', fontWeight: '600' },
  { tag: [tags.separator, tags.brace, tags.squareBracket, tags.punctuation], color: 'var(--color-muted)' },
  { tag: tags.invalid, color: 'var(--code-invalid)' },
]);

const theme = EditorView.theme({
  '&': {
    height: '100%',
    backgroundColor: 'var(--color-bg)',
    color: 'var(--color-text)',
    fontSize: '0.875rem',
  },
  '&.cm-focused': { outline: '3px solid var(--color-focus)', outlineOffset: '-3px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--color-text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)', borderLeftWidth: '2px' },
  '.cm-gutters': { backgroundColor: 'var(--color-surface)', color: 'var(--color-muted)', borderRight: '1px solid var(--color-border)' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--color-surface-strong)', color: 'var(--color-text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--code-selection)',
  },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--code-bracket)',
    outline: '1px solid var(--color-muted)',
  },
  '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--color-error-bg)', color: 'var(--code-invalid)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--code-match)' },
  '.cm-tooltip': { backgroundColor: 'var(--color-bg)', color: 'var(--color-text)', border: '1px solid var(--color-border)' },
  // Problem marks drawn in CSS: the lint package's own are data: images, which the site's
  // Content Security Policy (img-src 'self' https:) rightly refuses.
  '.cm-lintRange-error, .cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint': {
    backgroundImage: 'none',
    textDecorationLine: 'underline',
    textDecorationStyle: 'wavy',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '0.25em',
  },
  '.cm-lintRange-error': { textDecorationColor: 'var(--code-invalid)' },
  '.cm-lintRange-warning, .cm-lintRange-info, .cm-lintRange-hint': { textDecorationColor: 'var(--code-warning)' },
  '.cm-lint-marker': { content: 'normal', display: 'block', width: '0.8em', height: '0.8em', margin: '0.1em' },
  '.cm-lint-marker-error': { content: 'normal', borderRadius: '50%', backgroundColor: 'var(--code-invalid)' },
  '.cm-lint-marker-warning, .cm-lint-marker-info': {
    content: 'normal',
    backgroundColor: 'var(--code-warning)',
    clipPath: 'polygon(50% 0, 100% 100%, 0 100%)',
  },
  '.cm-diagnostic': { fontFamily: 'var(--font-sans)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--code-invalid)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--code-warning)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--color-surface-strong)', color: 'var(--color-text)', border: '1px solid var(--color-border)' },
  '.cm-panels': { backgroundColor: 'var(--color-surface)', color: 'var(--color-text)' },
  '.cm-textfield': { backgroundColor: 'var(--color-bg)', color: 'var(--color-text)', border: '1px solid var(--color-border)' },
  '.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--color-surface-strong)', color: 'var(--color-text)' },
});

export interface EditorOptions {
  /** Accessible name and description of the editable text. */
  readonly label: string;
  readonly describedBy: string;
  /** Called on every change, with the draft's new length. */
  readonly onChange: (length: number) => void;
  /** A file dropped on the editor opens as the draft instead of being pasted into it. */
  readonly onDropFile: (file: File) => void;
}

export function editorExtensions({ label, describedBy, onChange, onDropFile }: EditorOptions): Extension[] {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    lintGutter(),
    json(),
    syntaxHighlighting(highlight),
    theme,
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap]),
    EditorView.lineWrapping,
    // tabindex: the text is focusable anyway (contenteditable); said outright, checkers see it too.
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, tabindex: '0' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.length);
    }),
    EditorView.domEventHandlers({
      drop(event) {
        const file = event.dataTransfer?.files[0];
        if (!file) return false;
        event.preventDefault();
        onDropFile(file);
        return true;
      },
    }),
  ];
}
