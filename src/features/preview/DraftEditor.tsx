import { undo } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { Problem } from './analyzeDraft';
import { editorExtensions } from './editorSetup';
import styles from './PreviewPage.module.css';

export interface DraftEditorHandle {
  getText(): string;
  /** Replaces the whole draft as one edit, so that undo brings the previous one back. */
  replaceText(text: string): void;
  /** Puts the cursor at an offset, scrolls it into view and gives the editor the keyboard focus. */
  moveTo(offset: number): void;
  undo(): void;
}

interface DraftEditorProps {
  readonly ref: Ref<DraftEditorHandle>;
  readonly initialText: string;
  readonly problems: readonly Problem[];
  readonly label: string;
  readonly describedBy: string;
  readonly onChange: (length: number) => void;
  readonly onDropFile: (file: File) => void;
}

function toDiagnostics(problems: readonly Problem[], length: number): Diagnostic[] {
  return problems.map((problem) => {
    const from = Math.min(problem.from, length);
    return {
      from,
      to: Math.max(from, Math.min(problem.to, length)),
      severity: problem.severity,
      source: problem.path,
      message: problem.message,
    };
  });
}

/** The draft's JSON in CodeMirror 6. The editor owns the text; the page asks for it when it needs it. */
export function DraftEditor({ ref, initialText, problems, label, describedBy, onChange, onDropFile }: DraftEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by the editor's listeners without rebuilding the editor.
  const handlers = useRef({ onChange, onDropFile });
  useEffect(() => {
    handlers.current = { onChange, onDropFile };
  });
  const firstText = useRef(initialText);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      doc: firstText.current,
      extensions: editorExtensions({
        label,
        describedBy,
        onChange: (length) => handlers.current.onChange(length),
        onDropFile: (file) => handlers.current.onDropFile(file),
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [label, describedBy]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(problems, editor.state.doc.length)));
  }, [problems]);

  useImperativeHandle(
    ref,
    () => ({
      getText: () => view.current?.state.doc.toString() ?? firstText.current,
      replaceText(text) {
        const editor = view.current;
        if (!editor) {
          firstText.current = text;
          return;
        }
        editor.dispatch({
          changes: { from: 0, to: editor.state.doc.length, insert: text },
          selection: EditorSelection.cursor(0),
          scrollIntoView: true,
        });
      },
      moveTo(offset) {
        const editor = view.current;
        if (!editor) return;
        const at = Math.max(0, Math.min(offset, editor.state.doc.length));
        editor.dispatch({
          selection: EditorSelection.cursor(at),
          effects: EditorView.scrollIntoView(at, { y: 'center' }),
        });
        editor.focus();
      },
      undo() {
        const editor = view.current;
        if (editor) undo(editor);
      },
    }),
    [],
  );

  return <div ref={host} className={styles.editor} />;
}
