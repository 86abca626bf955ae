/**
 * The main thread, measured without the measuring tool's own cost (part of `npm run bench`; run
 * alone with `node --experimental-websocket --import tsx scripts/benchMainThread.ts`, serving a
 * build in BENCH_DIST; BENCH_MAIN_RUNS=0 leaves out part 1, for the filter alone):
 *
 * 1. The story's longest task at 4x CPU slowdown, from navigation to `data-interactive`, against
 *    the floor: the same prerendered page with every script removed, from navigation to its load
 *    plus two seconds. Cold loads (a fresh browser context each), alternating story and floor, the
 *    median of BENCH_MAIN_RUNS (7) of each.
 * 2. A change of person in the filter of a story of 2,000 events (unthrottled): the main thread's
 *    work from the click until 400 ms later, 20 changes in each of two rounds; median and worst.
 *    Alternating with it, the same changes in the same story with only those two people's events
 *    (what a change costs whatever the list's length) and on the story as published, and the floor:
 *    the same changes at 2,000 events and on the published story with the app's handling replaced
 *    by a plain script (scripts/benchFilterFloor.ts), the browser's own work for a change.
 *    BENCH_TRACE=file keeps that trace; with BENCH_PROFILE=1 it also holds V8's samples (ProfileChunk
 *    events), to read where the time goes (the sampling itself costs a little); BENCH_TRACE_CATEGORIES
 *    (comma-separated) adds trace categories. BENCH_LOAD_TRACES=dir keeps the trace of every load of part 1.
 *    BENCH_COMPARE_DIST=dir serves a second build beside the first and alternates its 2,000-event
 *    and published stories with the first build's, in the same browser (the order reversed every
 *    other round): two builds are compared within one run, because between runs this machine's
 *    speed alone moves the figures by a third. BENCH_MAIN_ROUNDS sets the rounds (2).
 *
 * Why not Playwright: it enables CDP's Runtime domain on every page, which makes V8 collect source
 * positions and inflates script evaluation several times over. Here Chromium is driven over a bare
 * CDP WebSocket (Node 20's, behind --experimental-websocket): the page's session enables only Page
 * and Emulation; a script added with Page.addScriptToEvaluateOnNewDocument marks the moments in
 * User Timing; and tasks are read from a Chromium trace (the Tracing domain, on the browser's own
 * session, enables nothing in the page): every `RunTask` of the page's main thread, long or not.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser/chromium';
import { MAIN_THREAD_RESULTS, median, type MainThreadResults } from './benchResults';
import { FILTER_FLOOR_FAILED_MARK, FILTER_FLOOR_SCRIPT } from './benchFilterFloor';
import { bigStory } from './benchStory';

const PORT = Number(process.env.BENCH_MAIN_PORT ?? 4181);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DIST = process.env.BENCH_DIST ?? 'dist';
const RUNS = Number(process.env.BENCH_MAIN_RUNS ?? 7);
const CHANGES = 20;
const STORY_SLUG = 'us-israel-high-level-talks-iran-white-house';
const INTERACTIVE_MARK = 'bench:interactive';
const LOADED_MARK = 'bench:loaded';
const CHANGE_MARK = 'bench:filter-change';
const CHANGES_DONE_MARK = 'bench:filter-done';
const CHANGE_SETTLED_MARK = 'bench:filter-settled';

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly documentLoaderURL?: string; readonly isLoadingMainFrame?: boolean } };
}

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
  readonly sessionId?: string;
}

/** A CDP client on one WebSocket; page sessions are flattened onto it (Target.attachToTarget). */
class Cdp {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(message: Message) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as Message;
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result ?? {});
      } else {
        for (const listener of this.listeners) listener(message);
      }
    });
  }

  static async connect(url: string): Promise<Cdp> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error(`could not connect to ${url}`)), { once: true });
    });
    return new Cdp(socket);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.next++;
    this.socket.send(JSON.stringify(sessionId === undefined ? { id, method, params } : { id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Resolves with the first event of that name (and session) for which `accept` holds. */
  once(method: string, sessionId?: string, accept: (params: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const listener = (message: Message) => {
        if (message.method !== method || message.sessionId !== sessionId || !accept(message.params ?? {})) return;
        this.listeners.delete(listener);
        resolve(message.params ?? {});
      };
      this.listeners.add(listener);
    });
  }

  on(listener: (message: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Runs in every page before its own scripts: marks the moment the app reports itself interactive
 * (the root's data-interactive), the load of a page with no app, and, on the story at scale, makes
 * the filter changes. Nothing is read back from the page but these User Timing marks, in the trace.
 */
const pageScript = `(() => {
  const mark = (name) => performance.mark(name);
  addEventListener('load', () => setTimeout(() => mark(${JSON.stringify(LOADED_MARK)}), 2000));
  const watch = () => {
    const root = document.getElementById('root');
    if (!root) return;
    const done = () => {
      mark(${JSON.stringify(INTERACTIVE_MARK)});
      // #bench-filter=slug:items:first,second — the story, the items its full list shows, and the
      // two people the changes alternate between.
      const filter = /^#bench-filter=([a-z0-9-]+):([0-9]+):([a-z0-9-]+),([a-z0-9-]+)$/.exec(location.hash);
      if (filter) filterChanges(filter[1], Number(filter[2]), [filter[3], filter[4]]);
    };
    if (root.hasAttribute('data-interactive')) return done();
    new MutationObserver((_, observer) => {
      if (!root.hasAttribute('data-interactive')) return;
      observer.disconnect();
      done();
    }).observe(root, { attributes: true, attributeFilter: ['data-interactive'] });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watch); else watch();

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function filterChanges(slug, items, people) {
    history.pushState({}, '', '/articles/' + slug);
    dispatchEvent(new PopStateEvent('popstate'));
    while (document.querySelectorAll('#timeline li').length < items) await wait(100);
    await wait(1500);
    for (let change = 0; change < ${CHANGES}; change += 1) {
      const person = people[change % 2];
      const link = document.querySelector('#person-' + person + ' a[href*="person="]');
      if (!link) throw new Error('no filter link for ' + person);
      // In a task of its own, as a reader's click would be; the work it causes is read from the trace.
      await new Promise((resolve) => setTimeout(() => {
        mark(${JSON.stringify(CHANGE_MARK)});
        link.click();
        resolve();
      }, 0));
      await wait(400);
      // First thing once the change has had its 400 ms: what the loop does next is not the change's.
      mark(${JSON.stringify(CHANGE_SETTLED_MARK)});
    }
    mark(${JSON.stringify(CHANGES_DONE_MARK)});
  }
})();`;


const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing', 'devtools.timeline', '__metadata', ...(process.env.BENCH_PROFILE === '1' ? ['disabled-by-default-v8.cpu_profiler'] : []), ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [])];
const RUN_TASK = 'ThreadControllerImpl::RunTask';

/** Loads `url` in a fresh browser context, traced, until `endMark` (or the deadline); returns the trace. */
async function tracedLoad(browser: Cdp, url: string, { cpuRate, endMark, deadlineMs }: { cpuRate: number; endMark: string; deadlineMs: number }): Promise<TraceEvent[]> {
  const { browserContextId } = await browser.send('Target.createBrowserContext');
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
  // The page's session: Page and Emulation only.
  await browser.send('Page.enable', {}, sessionId);
  await browser.send('Emulation.setCPUThrottlingRate', { rate: cpuRate }, sessionId);
  await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: pageScript }, sessionId);

  const events: TraceEvent[] = [];
  const stopListening = browser.on((message) => {
    if (message.method === 'Tracing.dataCollected') events.push(...((message.params?.value as TraceEvent[] | undefined) ?? []));
  });
  await browser.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  await browser.send('Page.navigate', { url }, sessionId);

  // Marks can be read only once the trace has ended: wait for the load, then a fixed time in
  // which the end mark is expected (a load that misses it fails the bench rather than skew it).
  await browser.once('Page.loadEventFired', sessionId);
  await new Promise((resolve) => setTimeout(resolve, deadlineMs));
  const complete = browser.once('Tracing.tracingComplete');
  await browser.send('Tracing.end');
  await complete;
  stopListening();
  await browser.send('Target.disposeBrowserContext', { browserContextId });
  if (!events.some((event) => event.name === endMark)) throw new Error(`${url}: no "${endMark}" mark within ${deadlineMs} ms of the load`);
  return events;
}

/** The page's renderer main thread, and the moment its navigation started (µs, trace clock). */
function mainThreadOf(events: readonly TraceEvent[], url: string): { pid: number; tid: number; start: number } {
  const navigation = events.find(
    (event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame && event.args.data.documentLoaderURL === url,
  );
  if (!navigation) throw new Error(`no navigationStart for ${url} in the trace`);
  return { pid: navigation.pid, tid: navigation.tid, start: navigation.ts };
}

const tasksOf = (events: readonly TraceEvent[], pid: number, tid: number) =>
  events.filter((event) => event.name === RUN_TASK && event.ph === 'X' && event.pid === pid && event.tid === tid && event.dur !== undefined);

function markTimes(events: readonly TraceEvent[], pid: number, name: string): number[] {
  return events
    .filter((event) => event.name === name && event.pid === pid && (event.ph === 'R' || event.ph === 'I' || event.ph === 'i' || event.ph === 'b'))
    .map((event) => event.ts)
    .sort((a, b) => a - b);
}

/** The longest task from navigation to the mark, in ms. */
function longestTask(events: readonly TraceEvent[], url: string, mark: string): number {
  const { pid, tid, start } = mainThreadOf(events, url);
  const end = markTimes(events, pid, mark)[0];
  if (end === undefined) throw new Error(`no ${mark} for ${url}`);
  return Math.max(0, ...tasksOf(events, pid, tid).filter((task) => task.ts >= start && task.ts <= end).map((task) => (task.dur ?? 0) / 1000));
}

/**
 * Main-thread work from each filter change's click to its settled mark, 400 ms later, in ms: every
 * task that ends in that window, the one that clicks counted from the click (its start is the
 * bench's timer and mark), and none of the bench's own (the task that marks the end and looks up
 * the next link ends after that mark).
 */
function filterChangeWork(events: readonly TraceEvent[], url: string): number[] {
  const { pid, tid } = mainThreadOf(events, url);
  const changes = markTimes(events, pid, CHANGE_MARK);
  const settled = markTimes(events, pid, CHANGE_SETTLED_MARK);
  const tasks = tasksOf(events, pid, tid);
  return changes.map((at) => {
    const until = settled.find((time) => time > at);
    if (until === undefined) throw new Error('a filter change with no settled mark');
    return tasks
      .filter((task) => task.ts + (task.dur ?? 0) > at && task.ts + (task.dur ?? 0) <= until)
      .reduce((sum, task) => sum + (task.ts + (task.dur ?? 0) - Math.max(task.ts, at)) / 1000, 0);
  });
}

// The floor: the same prerendered story, every script removed (the inline boot script and the embedded cache).
const storyHtml = readFileSync(join(DIST, 'articles', `${STORY_SLUG}.html`), 'utf8');
writeFileSync(join(DIST, 'bench-no-script.html'), storyHtml.replace(/<script\b[\s\S]*?<\/script>/g, ''));

// The floor of a change of person (scripts/benchFilterFloor.ts): the app's page, its filter links
// answered by a plain script loaded before the app. An external file: the page's policy runs no
// inline script but its own.
writeFileSync(join(DIST, 'bench-filter-floor.js'), FILTER_FLOOR_SCRIPT);
writeFileSync(join(DIST, 'bench-filter-floor.html'), readFileSync(join(DIST, 'index.html'), 'utf8').replace('<script data-app=', '<script src="/bench-filter-floor.js"></script><script data-app='));

const scale = bigStory();
writeFileSync(join(DIST, 'content/articles/bench-scale.json'), JSON.stringify(scale));
// The control: the same story (200 people, 500 paragraphs) with only the events of the two people
// the changes alternate between, so the same events come and go. What a change costs there is
// what it costs whatever the length of the list; the difference is what the other events cost.
const FILTER_PEOPLE = ['person-7', 'person-8'];
const control = { ...scale, slug: 'bench-scale-control', timeline: scale.timeline.filter((event) => event.people.some((id) => FILTER_PEOPLE.includes(id))) };
writeFileSync(join(DIST, 'content/articles/bench-scale-control.json'), JSON.stringify(control));
// For scale, the story as published, between the two people with the most events in it.
const published = JSON.parse(readFileSync(join(DIST, 'content/articles', `${STORY_SLUG}.json`), 'utf8')) as { slug: string; timeline?: { people?: string[] }[] };
const eventsOf = (id: string) => (published.timeline ?? []).filter((event) => event.people?.includes(id)).length;
const PUBLISHED_PEOPLE = [...new Set((published.timeline ?? []).flatMap((event) => event.people ?? []))].sort((a, b) => eventsOf(b) - eventsOf(a)).slice(0, 2);
if (PUBLISHED_PEOPLE.length < 2) throw new Error(`${STORY_SLUG} has fewer than two people with events`);

const server = await preview({ build: { outDir: DIST }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
// BENCH_COMPARE_DIST: another build (say, main's, against a branch's in BENCH_DIST), served beside it.
const COMPARE_DIST = process.env.BENCH_COMPARE_DIST;
const COMPARE_ORIGIN = `http://127.0.0.1:${PORT + 1}`;
if (COMPARE_DIST) writeFileSync(join(COMPARE_DIST, 'content/articles/bench-scale.json'), JSON.stringify(scale));
const compareServer = COMPARE_DIST
  ? await preview({ build: { outDir: COMPARE_DIST }, preview: { port: PORT + 1, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' })
  : null;
const ROUNDS = Number(process.env.BENCH_MAIN_ROUNDS ?? 2);
const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
try {
  const version = (await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
  const browser = await Cdp.connect(version.webSocketDebuggerUrl);

  const storyUrl = `${ORIGIN}/articles/${STORY_SLUG}`;
  const floorUrl = `${ORIGIN}/bench-no-script.html`;
  const story: number[] = [];
  const floor: number[] = [];
  // BENCH_LOAD_TRACES=dir keeps every load's trace (story-1.json, floor-1.json, …), to see what the longest task was.
  const keep = (name: string, events: TraceEvent[]) => {
    if (process.env.BENCH_LOAD_TRACES) writeFileSync(join(process.env.BENCH_LOAD_TRACES, `${name}.json`), JSON.stringify({ traceEvents: events }));
    return events;
  };
  if (process.env.BENCH_LOAD_TRACES) mkdirSync(process.env.BENCH_LOAD_TRACES, { recursive: true });
  for (let run = 0; run < RUNS; run += 1) {
    const storyTrace = keep(`story-${run + 1}`, await tracedLoad(browser, storyUrl, { cpuRate: 4, endMark: INTERACTIVE_MARK, deadlineMs: 12_000 }));
    story.push(longestTask(storyTrace, storyUrl, INTERACTIVE_MARK));
    const floorTrace = keep(`floor-${run + 1}`, await tracedLoad(browser, floorUrl, { cpuRate: 4, endMark: LOADED_MARK, deadlineMs: 3_000 }));
    floor.push(longestTask(floorTrace, floorUrl, LOADED_MARK));
  }

  const round = (value: number) => Math.round(value * 10) / 10;
  // What `npm run bench` reads back for its table of issue 14's goals (scripts/bench.ts).
  const results: MainThreadResults = {};
  // BENCH_MAIN_RUNS=0 measures the filter alone.
  if (RUNS > 0) {
    console.log(`\nLongest main-thread task, 4x CPU slowdown, cold loads, navigation to interactive (story) or load + 2 s (floor); ${RUNS} alternating runs each (bare CDP + trace)`);
    console.table([
      { page: 'story', 'median ms': round(median(story)), runs: story.map(round).join(', ') },
      { page: 'floor (same page, scripts removed)', 'median ms': round(median(floor)), runs: floor.map(round).join(', ') },
      { page: 'story / floor', 'median ms': Number((median(story) / median(floor)).toFixed(2)), runs: '' },
    ]);
    results.longestTask = { storyMs: round(median(story)), floorMs: round(median(floor)), ratio: Number((median(story) / median(floor)).toFixed(2)), runs: RUNS };
  }

  // BENCH_MAIN_SKIP_FILTER=1 measures the longest task alone.
  if (process.env.BENCH_MAIN_SKIP_FILTER !== '1') {
    // BENCH_MAIN_ROUNDS rounds (2), the stories alternating, so that all meet the same machine.
    const stories = [
      { label: `${scale.timeline.length.toLocaleString('en')} events`, story: scale, people: FILTER_PEOPLE, origin: ORIGIN },
      { label: `${control.timeline.length} events (the same two people's only)`, story: control, people: FILTER_PEOPLE, origin: ORIGIN },
      // A change of person on a page of ordinary length.
      { label: `the story as published (${published.timeline?.length ?? 0} events)`, story: published, people: PUBLISHED_PEOPLE, origin: ORIGIN },
      // The floor: the same changes with the app's handling replaced by a plain script.
      { label: `${scale.timeline.length.toLocaleString('en')} events, the floor (no React)`, story: scale, people: FILTER_PEOPLE, origin: ORIGIN, page: '/bench-filter-floor.html' },
      { label: 'the story as published, the floor (no React)', story: published, people: PUBLISHED_PEOPLE, origin: ORIGIN, page: '/bench-filter-floor.html' },
      ...(COMPARE_DIST
        ? [
            { label: `${scale.timeline.length.toLocaleString('en')} events, ${COMPARE_DIST}`, story: scale, people: FILTER_PEOPLE, origin: COMPARE_ORIGIN },
            { label: `the story as published, ${COMPARE_DIST}`, story: published, people: PUBLISHED_PEOPLE, origin: COMPARE_ORIGIN },
          ]
        : []),
    ];
    // The app's 2,000-event story beside its floor (and a second build's), then the control, then
    // the published story likewise; with a second build, every other round runs the pairs the other way round.
    const order = COMPARE_DIST ? [0, 5, 3, 1, 2, 6, 4] : [0, 3, 1, 2, 4];
    const work = stories.map(() => [] as number[]);
    for (let pass = 1; pass <= ROUNDS; pass += 1) {
      const sequence = COMPARE_DIST && pass % 2 === 0 ? [5, 0, 3, 1, 6, 2, 4] : order;
      for (const index of sequence) {
        const entry = stories[index];
        if (!entry) continue;
        const { story, people, origin } = entry;
        const url = `${origin}${'page' in entry ? entry.page : '/'}#bench-filter=${story.slug}:${(story.timeline?.length ?? 0) + 1}:${people.join(',')}`;
        const trace = await tracedLoad(browser, url, { cpuRate: 1, endMark: CHANGES_DONE_MARK, deadlineMs: 40_000 });
        // BENCH_TRACE=file keeps the trace of the first round's changes at 2,000 events (BENCH_TRACE_STORY=1
        // the control's, 2 the published story's, 3 and 4 the floor's, 5 and 6 the second build's), for chrome://tracing or Perfetto.
        if (process.env.BENCH_TRACE && pass === 1 && index === Number(process.env.BENCH_TRACE_STORY ?? 0)) writeFileSync(process.env.BENCH_TRACE, JSON.stringify({ traceEvents: trace }));
        if (trace.some((event) => event.name === FILTER_FLOOR_FAILED_MARK)) throw new Error(`the filter's floor failed on ${url}: scripts/benchFilterFloor.ts no longer fits the page`);
        work[index]?.push(...filterChangeWork(trace, url));
      }
    }
    console.log(`\nA change of person (unthrottled): main-thread work from the click until 400 ms later, ${CHANGES} changes in each of ${ROUNDS} rounds, two people alternating`);
    const row = (story: string, values: number[]) => ({ story, 'median ms': round(median(values)), 'worst ms': round(Math.max(...values)), runs: values.map(round).join(', ') });
    console.table(stories.map(({ label }, index) => row(label, work[index] ?? [])));
    const [changes = [], controlChanges = [], publishedChanges = [], floorChanges = [], publishedFloorChanges = []] = work;
    results.filter = {
      medianMs: round(median(changes)),
      worstMs: round(Math.max(...changes)),
      changes: changes.length,
      control: { events: control.timeline.length, medianMs: round(median(controlChanges)), worstMs: round(Math.max(...controlChanges)) },
      published: { events: published.timeline?.length ?? 0, medianMs: round(median(publishedChanges)), worstMs: round(Math.max(...publishedChanges)) },
      floor: { medianMs: round(median(floorChanges)), worstMs: round(Math.max(...floorChanges)), publishedMedianMs: round(median(publishedFloorChanges)) },
    };
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(MAIN_THREAD_RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  browser.close();
} finally {
  await chrome.kill();
  server.httpServer.close();
  compareServer?.httpServer.close();
}
