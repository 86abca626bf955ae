import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../../ui/Link';
import { articleQuery, indexQuery } from '../../content/queries';
import { diffStories } from '../../content/storyDiff';
import { SITE_NAME } from '../../ui/site';
import { useDocumentHead } from '../../ui/useDocumentHead';
import buttons from '../../ui/Button.module.css';
import { AccessibilityCheck } from './AccessibilityCheck';
import { bySeverityThenPlace, type Problem } from './analyzeDraft';
import { blankTemplate } from './blankTemplate';
import { DraftEditor, type DraftEditorHandle } from './DraftEditor';
import { offsetOfPath } from './draftPlaces';
import { loadDraft, saveDraft, type SaveOutcome } from './draftStorage';
import { lineColumn, lineStarts } from './jsonPositions';
import { layoutWarnings } from './layoutWarnings';
import { OpenDraftBar } from './OpenDraftBar';
import { DEVICES, PreviewPanes, type Device, type PaneMode, type PreviewPanesHandle, type ShownDraft } from './PreviewPanes';
import type { LayoutReport } from './previewFrameProtocol';
import { StoryChanges, type ChangesState } from './StoryChanges';
import { ProblemList } from './ProblemList';
import { decodeDraft, draftInHash } from './shareLink';
import { TakeAwayBar } from './TakeAwayBar';
import { TravelPreviews } from './TravelPreviews';
import { useDraftAnalysis } from './useDraftAnalysis';
import { useSocialCard } from './useSocialCard';
import { headlineSizeWarning } from '../../ui/socialCard';
import type { ContentIssue } from '../../content/parse';
import styles from './PreviewPage.module.css';

/** A pause this long in typing and the draft is checked, saved and shown again. */
export const CHECK_DELAY_MS = 150;

/**
 * Past this many characters a draft reaches the panes only after a longer pause in typing: the
 * panes share the main thread with the editor, and laying out three copies of a very long story
 * takes a moment a typist would feel. The problem list still follows at the usual pace.
 */
const LARGE_DRAFT = 200_000;
const LARGE_DRAFT_PAUSE_MS = 2000;
/** A large draft is checked and saved after a longer pause too: each check copies all of it. */
const LARGE_DRAFT_CHECK_DELAY_MS = 400;

function usePaneDraft(shown: ShownDraft | null, length: number, lastKeystroke: RefObject<number>): ShownDraft | null {
  const [paneDraft, setPaneDraft] = useState<ShownDraft | null>(null);
  useEffect(() => {
    if (shown === null) return;
    const quiet = length > LARGE_DRAFT ? LARGE_DRAFT_PAUSE_MS : 0;
    let timer = 0;
    const whenQuiet = () => {
      const since = performance.now() - lastKeystroke.current;
      if (since >= quiet) setPaneDraft(shown);
      else timer = window.setTimeout(whenQuiet, quiet - since);
    };
    timer = window.setTimeout(whenQuiet, 0);
    return () => window.clearTimeout(timer);
  }, [shown, length, lastKeystroke]);
  return paneDraft;
}

interface Notice {
  readonly tone: 'info' | 'error';
  readonly message: string;
  /** Whether the last opening can be undone from the notice. */
  readonly undoable?: boolean;
}

interface Saved {
  readonly outcome: SaveOutcome;
  readonly at: Date;
}

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

function firstDraft(): { text: string; notice: Notice } {
  const saved = loadDraft();
  if (saved) {
    const at = new Date(saved.savedAt);
    const when = Number.isNaN(at.getTime()) ? '' : ` (saved ${dayAndTime.format(at)})`;
    return { text: saved.text, notice: { tone: 'info', message: `Your draft is back from this browser${when}.` } };
  }
  return {
    text: blankTemplate(),
    notice: { tone: 'info', message: 'A new story from the template. Open a published story, a file or pasted JSON to start from that instead.' },
  };
}

function saveMessage(saved: Saved | null): string {
  if (!saved) return 'Saved in this browser as you type.';
  switch (saved.outcome) {
    case 'saved':
      return `Saved in this browser at ${time.format(saved.at)}.`;
    case 'full':
      return 'Not saved: this browser’s storage for the site is full. Download the draft to keep it.';
    case 'unavailable':
      return 'Not saved: this browser keeps nothing for the site. Download the draft to keep it.';
  }
}

const MODES: readonly { id: PaneMode; label: string; more: string }[] = [
  { id: 'all', label: 'All', more: ' three widths, scaled to fit' },
  ...DEVICES.map((device) => ({ id: device.id, label: `${device.width} px`, more: `: ${device.label.toLowerCase()} alone, full size` })),
];

/** The panes axe checks: a phone's width and a desktop's (the tablet's layout is one or the other). */
const AUDITED: readonly Device[] = DEVICES.filter((device) => device.id === 'mobile' || device.id === 'desktop');
const deviceOf = (id: Device['id']): Device => DEVICES.find((device) => device.id === id) ?? DEVICES[DEVICES.length - 1] ?? { id, label: id, width: 0, scrollbars: 'classic' };

interface Layouts {
  readonly revision: number;
  readonly reports: ReadonlyMap<Device['id'], LayoutReport>;
}

const size = (length: number) => (length < 1024 ? `${length} characters` : `${(length / 1024).toFixed(length < 10_240 ? 1 : 0)} KB`);

/** The editors' preview: a draft's JSON beside the reader's own pages at three widths. */
export function PreviewPage() {
  useDocumentHead('Editors’ preview', 'Check a draft story at every screen width before it is published.');
  const editor = useRef<DraftEditorHandle>(null);
  const [first] = useState(firstDraft);
  const { analysis, shown, text: analysedText, check } = useDraftAnalysis();
  const [mode, setMode] = useState<PaneMode>('all');
  const [notice, setNotice] = useState<Notice>(first.notice);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [layouts, setLayouts] = useState<Layouts | null>(null);
  const [reached, setReached] = useState<Device['id']>('desktop');
  const panes = useRef<PreviewPanesHandle>(null);
  const [dragging, setDragging] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const saveTimer = useRef<number | undefined>(undefined);
  const unsaved = useRef(false);
  const lastKeystroke = useRef(0);
  const undoable = useRef(false);
  const navigate = useNavigate();
  const ids = useId();

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const text = editor.current?.getText() ?? first.text;
    check(text);
    if (!unsaved.current) return;
    const save = () => {
      unsaved.current = false;
      setSaved({ outcome: saveDraft(editor.current?.getText() ?? text), at: new Date() });
    };
    // A large draft is saved once typing has stopped for a while (and always as the page goes):
    // writing a megabyte at every pause would hold up the typing.
    window.clearTimeout(saveTimer.current);
    if (text.length > LARGE_DRAFT) saveTimer.current = window.setTimeout(save, LARGE_DRAFT_PAUSE_MS);
    else save();
  }, [check, first.text]);

  const onChange = useCallback((length: number) => {
    unsaved.current = true;
    lastKeystroke.current = performance.now();
    // Once the editor types on, the notice's undo would undo their typing, not the opening.
    if (undoable.current) {
      undoable.current = false;
      setNotice((current) => ({ ...current, undoable: false }));
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, length > LARGE_DRAFT ? LARGE_DRAFT_CHECK_DELAY_MS : CHECK_DELAY_MS);
  }, [flush]);

  const open = useCallback(
    (text: string, from: string) => {
      editor.current?.replaceText(text);
      flush();
      undoable.current = true;
      setNotice({ tone: 'info', message: `Opened ${from}.`, undoable: true });
    },
    [flush],
  );

  const openFile = useCallback(
    (file: File) => {
      file.text().then(
        (text) => open(text, `the file ${file.name}`),
        () => setNotice({ tone: 'error', message: `The file ${file.name} could not be read.` }),
      );
    },
    [open],
  );

  // First check of the draft the page starts with, as the editor holds it (line breaks normalised).
  useEffect(() => {
    check(editor.current?.getText() ?? first.text);
  }, [check, first.text]);

  // A share link carries a draft in its fragment: open it, then drop it from the address so that
  // a reload shows the draft as it is now, not as it was sent.
  useEffect(() => {
    const encoded = draftInHash(window.location.hash);
    if (encoded === null) return;
    let cancelled = false;
    decodeDraft(encoded).then(
      (text) => {
        if (cancelled) return;
        open(text, 'the draft from the link');
        void navigate({ hash: '' }, { replace: true });
      },
      (error: unknown) => {
        if (cancelled) return;
        setNotice({ tone: 'error', message: error instanceof Error ? error.message : 'The link’s draft could not be read.' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [navigate, open]);

  // Whatever is typed in the last moments before the page goes away is kept too.
  useEffect(() => {
    const keep = () => {
      if (!unsaved.current) return;
      unsaved.current = false;
      saveDraft(editor.current?.getText() ?? '');
    };
    window.addEventListener('pagehide', keep);
    return () => {
      window.removeEventListener('pagehide', keep);
      window.clearTimeout(timer.current);
      window.clearTimeout(saveTimer.current);
      keep();
    };
  }, []);

  // A file dropped anywhere on the page opens as the draft.
  useEffect(() => {
    let depth = 0;
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      // The editor handles a drop on itself, and says so by preventing the default.
      if (event.defaultPrevented) return;
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      openFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const onRendered = useCallback((device: Device['id'], revision: number, layout: LayoutReport) => {
    setLayouts((current) => {
      const reports = new Map(current?.revision === revision ? current.reports : []);
      reports.set(device, layout);
      return { revision, reports };
    });
  }, []);

  // The draft's social card, drawn in a worker as the build draws it.
  const card = useSocialCard(shown?.article ?? null);
  const cardHeadlineSize = card.current ? card.card?.headlineSize : undefined;

  // What the panes laid out and how the card was drawn, as warnings placed in the text (only once
  // there are some: placing reads the whole draft).
  const problems = useMemo<readonly Problem[] | null>(() => {
    if (!analysis) return null;
    if (!analysis.ok || !shown) return analysis.problems;
    const cardWarning = cardHeadlineSize === undefined ? undefined : headlineSizeWarning(cardHeadlineSize);
    const warnings: ContentIssue[] = [
      ...(layouts?.revision === shown.revision ? layoutWarnings([...layouts.reports.values()]) : []),
      ...(cardWarning ? [cardWarning] : []),
    ];
    if (warnings.length === 0) return analysis.problems;
    const starts = lineStarts(analysedText);
    const measured = warnings.map<Problem>((warning) => {
      const from = offsetOfPath(analysedText, analysis.article, warning.path);
      return { severity: 'warning', ...warning, from, to: from, ...lineColumn(starts, from) };
    });
    return [...analysis.problems, ...measured].sort(bySeverityThenPlace);
  }, [analysis, analysedText, shown, layouts, cardHeadlineSize]);

  const paneDraft = usePaneDraft(shown, analysis?.length ?? 0, lastKeystroke);

  // The published story of the draft's slug, if there is one, through the reader's own fetch and parser.
  const index = useQuery(indexQuery());
  const slug = paneDraft?.article.slug;
  const isPublished = slug !== undefined && (index.data?.articles.some((entry) => entry.slug === slug) ?? false);
  const published = useQuery({ ...articleQuery(slug ?? ''), enabled: isPublished });
  const changes = useMemo<ChangesState>(() => {
    if (!paneDraft || !isPublished) return { kind: 'unpublished' };
    if (published.data) return { kind: 'ready', diff: diffStories(published.data.article, paneDraft.article) };
    if (published.error) return { kind: 'failed', message: published.error.message };
    return { kind: 'loading' };
  }, [paneDraft, isPublished, published.data, published.error]);

  /** Takes the cursor to a path of the story the panes show. */
  const moveToPath = useCallback(
    (path: string) => {
      const text = editor.current?.getText() ?? '';
      const article = analysis?.ok ? analysis.article : paneDraft?.article;
      editor.current?.moveTo(article ? offsetOfPath(text, article, path) : 0);
    },
    [analysis, paneDraft],
  );

  const exposed: Device['id'] = mode === 'all' ? reached : mode;
  const outOfDate = analysis !== null && !analysis.ok && shown !== null;
  const emptyMessage =
    analysis === null || shown !== null ? 'Checking the draft…' : 'Nothing to show yet: fix the errors in the list of problems first.';
  const errorCount = problems?.filter((problem) => problem.severity === 'error').length ?? 0;

  return (
    <div className={styles.page}>
      <a className="skip-link" href="#draft-editor">
        Skip to the draft
      </a>
      {/* Named, because the pane exposed to screen readers holds the reader's own banner and main:
          these are the preview's, and say so. */}
      <header className={styles.bar} aria-label="Editors’ preview">
        <Link to="/" className={styles.brand}>
          {SITE_NAME}
        </Link>
        <h1 className={styles.title}>Editors’ preview</h1>
      </header>

      <main className={styles.main} aria-label="Draft and preview">
        <div className={styles.work}>
          <section className={styles.panel} aria-labelledby={`${ids}-draft`}>
            <h2 id={`${ids}-draft`} className={styles.heading}>
              Draft
            </h2>
            <OpenDraftBar onOpen={open} onFile={openFile} onFailure={(message) => setNotice({ tone: 'error', message })} />
            <div role="status" className={styles.notice} data-tone={notice.tone}>
              <p>{notice.message}</p>
              {notice.undoable ? (
                <button
                  type="button"
                  className={buttons.secondary}
                  onClick={() => {
                    undoable.current = false;
                    editor.current?.undo();
                    setNotice({ tone: 'info', message: 'The previous draft is back.' });
                  }}
                >
                  Undo
                </button>
              ) : null}
            </div>
            <div id="draft-editor" className={styles.editorFrame} tabIndex={-1}>
              <DraftEditor
                ref={editor}
                initialText={first.text}
                problems={analysis?.problems ?? []}
                label="Draft story, JSON"
                describedBy={`${ids}-editor-help`}
                onChange={onChange}
                onDropFile={openFile}
              />
            </div>
            <p id={`${ids}-editor-help`} className={styles.editorStatus}>
              <span>{saveMessage(saved)}</span>{' '}
              {analysis ? (
                <span>
                  {size(analysis.length)}, checked in {Math.max(1, Math.round(analysis.ms))} ms.
                </span>
              ) : null}{' '}
              <span>Tab leaves the editor; problems are listed below it.</span>
            </p>
            <TakeAwayBar getText={() => editor.current?.getText() ?? ''} publishable={analysis?.ok ? analysis.article.slug : null} />
          </section>

          <section className={styles.panel} aria-labelledby={`${ids}-problems`}>
            <h2 id={`${ids}-problems`} className={styles.heading}>
              Problems
            </h2>
            <ProblemList problems={problems} onChoose={(problem) => editor.current?.moveTo(problem.from)} />
          </section>

          <section className={styles.panel} aria-labelledby={`${ids}-changes`}>
            <h2 id={`${ids}-changes`} className={styles.heading}>
              Changes
            </h2>
            <StoryChanges state={changes} onChoose={moveToPath} />
          </section>

          <section className={styles.panel} aria-labelledby={`${ids}-a11y`}>
            <h2 id={`${ids}-a11y`} className={styles.heading}>
              Accessibility
            </h2>
            <AccessibilityCheck
              devices={AUDITED}
              draft={paneDraft}
              audit={(device) => panes.current?.audit(device) ?? Promise.resolve({ ok: false, message: 'the panes are not ready' })}
              onChoose={moveToPath}
            />
          </section>
        </div>

        <div className={styles.view}>
          <section className={styles.panel} aria-labelledby={`${ids}-panes`}>
            <div className={styles.panesHead}>
              <h2 id={`${ids}-panes`} className={styles.heading}>
                The story at each width
              </h2>
              <fieldset className={styles.modes}>
                <legend className="visually-hidden">Widths shown</legend>
                {MODES.map((option) => (
                  <label key={option.id} className={styles.mode}>
                    <input
                      type="radio"
                      name={`${ids}-mode`}
                      value={option.id}
                      checked={mode === option.id}
                      onChange={() => {
                        setMode(option.id);
                        if (option.id !== 'all') setReached(option.id);
                      }}
                    />
                    <span>
                      {option.label}
                      <span className="visually-hidden">{option.more}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
            </div>
            <div className={styles.reached}>
              <p id={`${ids}-reached-note`}>
                Screen readers and the keyboard reach only the {deviceOf(exposed).label.toLowerCase()} pane ({deviceOf(exposed).width} px);
                the others are visual copies, hidden from them.
              </p>
              <label className={styles.inline}>
                <span className={styles.fieldLabel}>Pane they reach</span>
                <select
                  className={styles.select}
                  value={exposed}
                  aria-describedby={`${ids}-reached-note`}
                  onChange={(event) => {
                    const device = DEVICES.find((candidate) => candidate.id === event.target.value);
                    if (!device) return;
                    setReached(device.id);
                    if (mode !== 'all') setMode(device.id);
                  }}
                >
                  {DEVICES.map((device) => (
                    <option key={device.id} value={device.id}>
                      {device.label}, {device.width} px
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {outOfDate ? (
              <p className={styles.stale}>
                Out of date: the draft has {errorCount === 1 ? 'an error' : `${errorCount} errors`}, so the panes show the last version that
                could be shown.
              </p>
            ) : null}
            <PreviewPanes
              ref={panes}
              draft={paneDraft}
              mode={mode}
              outOfDate={outOfDate}
              emptyMessage={emptyMessage}
              exposed={exposed}
              onRendered={onRendered}
            />
          </section>

          <section className={styles.panel} aria-labelledby={`${ids}-travel`}>
            <h2 id={`${ids}-travel`} className={styles.heading}>
              Where the story travels
            </h2>
            {shown ? <TravelPreviews article={shown.article} card={card} outOfDate={outOfDate} /> : <p>{emptyMessage}</p>}
          </section>
        </div>
      </main>

      {dragging ? (
        <div className={styles.dropZone} aria-hidden="true">
          <p>Drop the file to open it as the draft</p>
        </div>
      ) : null}
    </div>
  );
}
