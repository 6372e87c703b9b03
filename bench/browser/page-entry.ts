// Bundle entry for `npm run bench:browser`: the DOM layer, the matcher and the in-page timing
// harness, exposed as `window.__pgBench` so the Node side drives it with plain string calls.
import { armChunkClock, chunkClockWorks, disarmChunkClock } from './chunk-clock';
import { loadCompiledMatcher, type CompiledPack } from '../../src/core/compiled-pack';
import { createFuzzyResolver } from '../../src/core/fuzzy';
import type { Matcher } from '../../src/core/matcher';
import { HIGHLIGHT_NAMES, createAnnotator, type Annotator, type PageMatch, type ScanStats } from '../../src/dom/annotator';
import { createViewportRegistry, type ViewportRegistryFactory } from '../../src/dom/viewport';
import type { GlossaryPack, PackEntry } from '../../src/core/types';
import { mountGlossaryUI, type GlossaryUI } from '../../src/ui/controller';
import { createStrings } from '../../src/ui/strings';
import { TOOLTIP_STYLES } from '../../src/ui/styles';

/** What one timed run in the page reports. */
export interface PageRun {
  /** From the first call to the last highlight in place (or the last text read). */
  ms: number;
  /** Highlights made: annotator matches, mark.js marks, or text nodes read by the walk. */
  count: number;
  /** Annotator only: glossary-term matches and unknown-slogan matches. */
  known: number;
  unknown: number;
  /**
   * Annotator only: highlights in place afterwards where the reader can see them: wrappers (wrap
   * mode: all matches), or registered ranges of the matches within a screenful of the viewport
   * (highlight-api mode registers the others as the reader scrolls near them).
   */
  inPlace: number;
  /** Annotator only: the matches `inPlace` should reach (wrap: all; highlight-api: those near the viewport). */
  expected: number;
  /**
   * Highlight-api mode: from the first call until the frame that drew the last of the matches in
   * the viewport (the reader's screen highlighted), -1 when one of them is not registered.
   */
  visibleMs: number;
  /** Highlight-api mode: ranges registered in all (near the viewport or not). */
  registered: number;
  /** Text nodes and characters read (annotator: its own stats; walk: what it read). */
  textNodes: number;
  chars: number;
  /** Calls of the matcher's `scan` during the run, and the time spent inside them (ms). */
  scanCalls: number;
  scanMs: number;
  /** From the first call to the start of the first `scan`, and to the end of the last one (ms). */
  firstScanAt: number;
  lastScanAt: number;
  /** Annotator only: durations of its work slices between pauses (empty if they cannot be timed). */
  slices: number[];
  /** Until the first frame after `ms` was rendered: what the user waits for to see the highlights. */
  paintedMs: number;
  /** Durations of 'longtask' entries overlapping the run (wall clock). */
  longTasks: number[];
  /** 'long-animation-frame' entries overlapping the run: whole frame, and its rendering part (ms). */
  longFrames: Array<{ ms: number; renderMs: number }>;
  /**
   * Annotator only: the longest time the page went without a rendered frame during the run, from
   * its start to the first frame after ready (requestAnimationFrame times; -1: not measured).
   */
  frameGapMs: number;
}

interface AnimationFrameTiming extends PerformanceEntry {
  renderStart: number;
}

interface MarkInstance {
  mark(keywords: string[], options: { done: (count: number) => void }): void;
  markRegExp(regexp: RegExp, options: { acrossElements: boolean; done: (count: number) => void }): void;
}

type BenchWindow = typeof globalThis & {
  Mark?: new (context: Element) => MarkInstance;
  __pgBench?: unknown;
  __pgKeep?: unknown;
};

const win = globalThis as BenchWindow;

/** Collects entries of `type` from page load on; empty where the browser lacks the type. */
function collect(type: string): () => PerformanceEntry[] {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  try {
    observer.observe({ type, buffered: true });
  } catch {
    // Unsupported entry type: the slice timings still tell.
  }
  return () => {
    entries.push(...observer.takeRecords());
    return entries;
  };
}

const longTaskEntries = collect('longtask');
const longFrameEntries = collect('long-animation-frame');

let matcher: Matcher | undefined;
let scanCalls = 0;
let scanMs = 0;
let firstScanAt = -1;
let lastScanAt = -1;

const counted: Matcher = {
  scan(text) {
    scanCalls++;
    const start = performance.now();
    if (firstScanAt < 0) firstScanAt = start;
    try {
      return (matcher as Matcher).scan(text);
    } finally {
      lastScanAt = performance.now();
      scanMs += lastScanAt - start;
    }
  },
};

/** Resolves after the next frame has been rendered. */
const nextPaint = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits for the next rendered frame, then reports it and the long tasks and frames since `start`. */
async function settle(start: number): Promise<Pick<PageRun, 'paintedMs' | 'longTasks' | 'longFrames'>> {
  await nextPaint();
  const painted = performance.now();
  // Performance entries are delivered a little later than the work they describe.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const overlaps = (entry: PerformanceEntry): boolean => entry.startTime < painted && entry.startTime + entry.duration > start;
  return {
    paintedMs: painted - start,
    longTasks: longTaskEntries().filter(overlaps).map((entry) => entry.duration),
    longFrames: longFrameEntries()
      .filter(overlaps)
      .map((entry) => {
        const { renderStart } = entry as AnimationFrameTiming;
        return { ms: entry.duration, renderMs: renderStart > 0 ? entry.startTime + entry.duration - renderStart : 0 };
      }),
  };
}

const emptyRun = (): PageRun => ({
  ms: 0, count: 0, known: 0, unknown: 0, inPlace: 0, expected: 0, visibleMs: -1, registered: 0, textNodes: 0, chars: 0, scanCalls: 0, scanMs: 0, slices: [],
  firstScanAt: -1, lastScanAt: -1,
  paintedMs: 0, longTasks: [], longFrames: [], frameGapMs: -1,
});

/**
 * Loads the matcher from the compiled pack as the content script does: the pack arrives as a JSON
 * value (storage.local converts it whole; here the page's own copy is parsed, timed as that
 * conversion's stand-in) and is turned into a matcher; returns how long both took (ms).
 */
function prepare(json: string): number {
  const start = performance.now();
  const compiled = JSON.parse(json) as CompiledPack;
  matcher = loadCompiledMatcher(compiled, { fuzzy: createFuzzyResolver });
  return performance.now() - start;
}

/**
 * The viewport registry with its ::highlight() scope taken off: the rules then apply to every
 * element, as before the registry marked the elements it registers ranges in.
 */
const unscopedRegistry: ViewportRegistryFactory = (onChange) => {
  const registry = createViewportRegistry(onChange);
  return registry && { ...registry, scope: '' };
};

/**
 * Annotates the whole document in `mode` and keeps the annotator alive (for memory readings);
 * `scoped` false: the highlight rules unscoped, for the comparison.
 */
async function annotate(mode: 'highlight-api' | 'wrap', scoped = true): Promise<PageRun> {
  scanCalls = 0;
  scanMs = 0;
  firstScanAt = -1;
  lastScanAt = -1;
  let stats: ScanStats | undefined;
  armChunkClock();
  // When each range was registered (by its start), and when frames were drawn: read by `shown`.
  registeredAt = new Map();
  frameTimes = [];
  frameRuns = [];
  let watching = true;
  const add = Highlight.prototype.add;
  if (mode === 'highlight-api') {
    Highlight.prototype.add = function (this: Highlight, range: AbstractRange) {
      const offsets = registeredAt.get(range.startContainer) ?? new Map<number, number>();
      if (!offsets.has(range.startOffset)) offsets.set(range.startOffset, performance.now());
      registeredAt.set(range.startContainer, offsets);
      return add.call(this, range);
    };
  }
  const watch = (time: number): void => {
    frameTimes.push(time);
    frameRuns.push(performance.now());
    if (watching) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
  const start = performance.now();
  passes = 0;
  passMs = 0;
  const annotator: Annotator = createAnnotator({
    root: document,
    matcher: counted,
    mode,
    // As the extension runs it (the widget's short pages register every range).
    viewport: scoped ? createViewportRegistry : unscopedRegistry,
    onUpdate: (_matches, passStats) => {
      stats ??= passStats;
      passes++;
      passMs += passStats.ms;
    },
  });
  await annotator.ready;
  const end = performance.now();
  Highlight.prototype.add = add;
  runStart = start;
  // Frames go on being recorded until `shown`: the last registrations are drawn after ready.
  stopWatching = () => (watching = false);
  const slices = chunkClockWorks ? disarmChunkClock(start, end) : [];
  win.__pgKeep = annotator;
  const matches = annotator.matches();
  const unknown = matches.filter((match) => match.kind === 'unknown-slogan').length;
  const settled = await settle(start);
  return {
    ...emptyRun(),
    ms: end - start,
    count: matches.length,
    known: matches.length - unknown,
    unknown,
    textNodes: stats?.textNodes ?? 0,
    chars: stats?.chars ?? 0,
    scanCalls,
    scanMs,
    firstScanAt: firstScanAt < 0 ? -1 : firstScanAt - start,
    lastScanAt: lastScanAt < 0 ? -1 : lastScanAt - start,
    slices,
    ...settled,
    frameGapMs: longestGap(start, end),
  };
}

/** The longest stretch between `start` and the first frame after `end` without a rendered frame (ms). */
function longestGap(start: number, end: number): number {
  let longest = 0;
  let previous = start;
  for (const time of frameTimes) {
    if (time <= start) continue;
    longest = Math.max(longest, time - previous);
    previous = time;
    if (time >= end) return longest;
  }
  return -1;
}

/** Passes the annotator of the last `annotate` made (its first one included), and their wall time. */
let passes = 0;
let passMs = 0;

/**
 * On a page that re-renders `#live` (tests/fixtures/pages/ext-framework.html), annotated: the share
 * of the frames rendered over `ms` in which a highlight sits on the paragraph's current text.
 */
function liveShare(ms: number): Promise<number> {
  const live = document.getElementById('live');
  let on = 0;
  let all = 0;
  const end = performance.now() + ms;
  return new Promise((resolve) => {
    const frame = (): void => {
      all++;
      const ranges = [...((CSS.highlights.get(HIGHLIGHT_NAMES.term) ?? []) as Iterable<AbstractRange>)];
      if (ranges.some((range) => range.startContainer.isConnected && live?.contains(range.startContainer))) on++;
      if (performance.now() < end) requestAnimationFrame(frame);
      else resolve(on / all);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * On a page changing its DOM about 1,000 times a second (tests/fixtures/pages/dom-mutating.html),
 * annotated: the annotator's passes over `ms` of changes, and their wall time.
 */
async function churn(ms: number): Promise<{ passes: number; passMs: number; mutations: number }> {
  const page = win as BenchWindow & { startMutating(): void; stopMutating(): void; mutations: number };
  passes = 0;
  passMs = 0;
  page.startMutating();
  await new Promise((resolve) => setTimeout(resolve, ms));
  page.stopMutating();
  return { passes, passMs, mutations: page.mutations };
}

let registeredAt = new Map<Node, Map<number, number>>();
let frameTimes: number[] = [];
/**
 * When each frame's animation callbacks ran. Not the callbacks' own time argument: that is when
 * the frame began (its vsync), which comes before they run when the main thread was busy then, and
 * ranges registered in between are still drawn by that frame (its rendering follows its callbacks).
 */
let frameRuns: number[] = [];
let runStart = 0;
let stopWatching = (): void => {};

/** After `annotate`, outside the timed and traced part (it lays out every match): what is in place. */
function shown(mode: 'highlight-api' | 'wrap'): Pick<PageRun, 'inPlace' | 'expected' | 'registered' | 'visibleMs'> {
  stopWatching();
  const matches = (win.__pgKeep as Annotator | undefined)?.matches() ?? [];
  if (mode === 'wrap') return { ...wrappedIds(matches), visibleMs: -1 };
  // Each match's live range and box, made once for both readings.
  const placed = matches.map((match): Placed => {
    const range = match.range;
    return { range, rect: range.getBoundingClientRect() };
  });
  return { ...nearAndRegistered(placed), visibleMs: viewportDrawnMs(placed) };
}

/** A match's text as a live range, with its box. */
interface Placed {
  range: Range;
  rect: DOMRect;
}

/** When the last match in the viewport was first drawn highlighted (see `PageRun.visibleMs`). */
function viewportDrawnMs(placed: readonly Placed[]): number {
  let last = 0;
  for (const { range, rect } of placed) {
    if (rect.bottom < 0 || rect.top > innerHeight) continue;
    const at = registeredAt.get(range.startContainer)?.get(range.startOffset);
    if (at === undefined) return -1;
    last = Math.max(last, at);
  }
  // The first frame whose rendering came after the last registration: its callbacks ran after it.
  const frame = frameRuns.find((time) => time >= last);
  return frame === undefined ? -1 : frame - runStart;
}

/**
 * Wall time from a one-character change at the end of the page (far below the viewport) to the
 * end of the frame that renders it: median of `count` changes, two frames apart.
 */
async function changeCost(count: number): Promise<number> {
  const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const times: number[] = [];
  const last = document.body.lastElementChild ?? document.body;
  for (let i = 0; i < count; i++) {
    await frame();
    await frame();
    const start = performance.now();
    last.append('。');
    await frame();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] ?? 0;
}

/** Registers every match's range, as highlight mode did before it kept to the viewport: the comparison for `changeCost`. */
function registerAll(): number {
  const highlight = CSS.highlights.get(HIGHLIGHT_NAMES.term);
  const matches = (win.__pgKeep as Annotator | undefined)?.matches() ?? [];
  for (const match of matches) {
    const range = match.range;
    highlight?.add(new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset }));
  }
  return highlight?.size ?? 0;
}

/** Wrap mode: the matches with a wrapper in the page. */
function wrappedIds(matches: readonly PageMatch[]): Pick<PageRun, 'inPlace' | 'expected' | 'registered'> {
  const ids = new Set([...document.querySelectorAll('pg-term[data-pg-id]')].map((el) => el.getAttribute('data-pg-id')));
  return { inPlace: ids.size, expected: matches.length, registered: 0 };
}

/** Highlight-api mode: of the matches within a screenful of the viewport, those whose range is registered. */
function nearAndRegistered(placed: readonly Placed[]): Pick<PageRun, 'inPlace' | 'expected' | 'registered'> {
  const keyOf = (range: AbstractRange): string => `${range.startOffset}:${range.endOffset}`;
  const registered = new Map<Node, Set<string>>();
  let total = 0;
  for (const name of [HIGHLIGHT_NAMES.term, HIGHLIGHT_NAMES.unknown]) {
    for (const range of (CSS.highlights.get(name) ?? []) as Iterable<AbstractRange>) {
      const keys = registered.get(range.startContainer) ?? new Set<string>();
      keys.add(keyOf(range));
      registered.set(range.startContainer, keys);
      total++;
    }
  }
  let expected = 0;
  let inPlace = 0;
  for (const { range, rect } of placed) {
    if (rect.bottom < -innerHeight || rect.top > 2 * innerHeight) continue;
    expected++;
    if (registered.get(range.startContainer)?.has(keyOf(range))) inPlace++;
  }
  return { inPlace, expected, registered: total };
}

/** Baseline (a): a TreeWalker reading every text node's data. */
async function walk(): Promise<PageRun> {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  while (walker.nextNode()) {
    chars += (walker.currentNode as Text).data.length;
    textNodes++;
  }
  const end = performance.now();
  return { ...emptyRun(), ms: end - start, count: textNodes, textNodes, chars, ...(await settle(start)) };
}

/** One global RegExp alternation of the exact surface forms, longest first. */
function alternation(forms: readonly string[]): RegExp {
  const escaped = [...forms].sort((a, b) => b.length - a.length).map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('|'), 'g');
}

/** Baseline (b): mark.js wrapping every surface form, one alternation, node by node. */
async function mark(forms: readonly string[]): Promise<PageRun> {
  const Mark = win.Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  const pattern = alternation(forms);
  let count = 0;
  const start = performance.now();
  new Mark(document.body).markRegExp(pattern, { acrossElements: false, done: (marked) => (count = marked) });
  const end = performance.now();
  return { ...emptyRun(), ms: end - start, count, ...(await settle(start)) };
}

/** What {@link matchOnly} measured (ms, and matches found). */
export interface MatchOnlyRun {
  coldMs: number;
  warmMs: number;
  matches: number;
  regexMs: number;
  regexMatches: number;
}

/**
 * The matcher alone, without any DOM work: every paragraph's text read first (not timed), then
 * scanned once as the annotator's first pass meets it (the JIT cold), then `warmRounds` more
 * times; the last round is the warmed-up cost. What any pass must at least pay for matching.
 * For scale, the browser's native RegExp over the same texts: one alternation of the exact
 * surface `forms` (as mark.js gets them), so no normalisation, no slogans, no overlap rules.
 */
function matchOnly(warmRounds: number, forms: readonly string[]): MatchOnlyRun {
  const texts = [...document.querySelectorAll('h1, p')].map((block) => block.textContent ?? '');
  const pattern = alternation(forms);
  const regexStart = performance.now();
  let regexMatches = 0;
  for (const text of texts) {
    pattern.lastIndex = 0;
    while (pattern.exec(text)) regexMatches++;
  }
  const regexMs = performance.now() - regexStart;
  const round = (): { ms: number; matches: number } => {
    const start = performance.now();
    let found = 0;
    for (const text of texts) found += (matcher as Matcher).scan(text).length;
    return { ms: performance.now() - start, matches: found };
  };
  const cold = round();
  let warm = cold;
  for (let i = 0; i < warmRounds; i++) warm = round();
  return { coldMs: cold.ms, warmMs: warm.ms, matches: cold.matches, regexMs, regexMatches };
}

/**
 * Baseline (c): mark.js's own API for a list of words, `mark(terms)`, as its documentation shows
 * it: one pass over the page per term (forms inside a longer form's marks are marked again).
 */
async function markTerms(forms: readonly string[]): Promise<PageRun> {
  const Mark = win.Mark;
  if (!Mark) throw new Error('mark.js is not loaded in this page');
  let count = 0;
  const start = performance.now();
  new Mark(document.body).mark([...forms], { done: (marked) => (count = marked) });
  const end = performance.now();
  return { ...emptyRun(), ms: end - start, count, ...(await settle(start)) };
}

/** Characters of text in the body, and whether any of it is Chinese. */
function pageText(): { chars: number; chinese: boolean } {
  const text = document.body.textContent ?? '';
  return { chars: text.length, chinese: /[\u3400-\u9fff]/.test(text) };
}

/** What {@link hoverTooltip} saw: times from the pointer reaching the term (ms). */
export interface TooltipRun {
  /** The hover delay the UI was mounted with. */
  delay: number;
  /** When the tooltip's content (the entry's definition) was in the DOM; -1: never. */
  drawnMs: number;
  /** The first frame that began after the delay ended (its requestAnimationFrame time). */
  firstFrameMs: number;
  /** When the tooltip opened: the first time anything was drawn in it (its delay timer fired). */
  openedMs: number;
  /**
   * Whether the content was in place for the first frame after the tooltip opened: the delay ends
   * when its timer fires, which a busy page runs late, so a frame may come between the nominal
   * end and the timer; what must not come between is a frame showing the tooltip without its
   * definition (a loading state).
   */
  inFirstFrame: boolean;
  /** Entries the page held when the pointer moved (prefetched after the pass). */
  known: number;
}

let ui: GlossaryUI | undefined;
let tooltipWatch: { moved: number; opened: number; drawn: number; frames: number[]; definition: string; known: () => number } | undefined;

/**
 * Mounts the tooltip UI over the last `annotate`'s annotator as the extension does: entries arrive
 * on demand (here from `packJson` after a task, as a message from the background would), and the
 * entries of every match found are asked for once the pass is done. Returns where to point at: the
 * centre of the first match in the viewport with an entry.
 */
async function mountTooltip(packJson: string, delay: number): Promise<{ x: number; y: number } | undefined> {
  const full = JSON.parse(packJson) as GlossaryPack;
  const byId = new Map(full.entries.map((entry) => [entry.id, entry]));
  const known = new Map<string, PackEntry>();
  let current: GlossaryPack | undefined;
  const annotator = win.__pgKeep as Annotator;
  const request = (ids: readonly string[]): void => {
    setTimeout(() => {
      for (const id of ids) {
        const entry = byId.get(id);
        if (entry) known.set(id, entry);
      }
      current = undefined;
      ui?.refresh();
    }, 0);
  };
  ui = mountGlossaryUI({
    annotator,
    pack: { current: () => (current ??= { ...full, entries: [...known.values()] }), request },
    strings: createStrings('zh-CN'),
    styles: TOOLTIP_STYLES,
    hoverDelay: delay,
  });
  request(annotator.matches().flatMap((match) => (match.entryId ? [match.entryId] : [])));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const target = annotator.matches().find((match) => {
    const rect = match.range.getBoundingClientRect();
    return match.entryId && rect.top > 0 && rect.bottom < innerHeight && (byId.get(match.entryId)?.definition ?? '').length > 4;
  });
  if (!target) return undefined;
  const rect = target.range.getBoundingClientRect();
  const definition = (byId.get(target.entryId as string)?.definition ?? '').slice(0, 8);
  const watch = { moved: -1, opened: -1, drawn: -1, frames: [] as number[], definition, known: () => known.size };
  tooltipWatch = watch;
  addEventListener('pointermove', (event) => (watch.moved = watch.moved < 0 ? event.timeStamp : watch.moved), { capture: true, once: true });
  const shadow = ui.host.shadowRoot as ShadowRoot;
  new MutationObserver(() => {
    const text = shadow.textContent ?? '';
    if (watch.opened < 0 && text.trim() !== '') watch.opened = performance.now();
    if (watch.drawn < 0 && text.includes(definition)) watch.drawn = performance.now();
  }).observe(shadow, { childList: true, subtree: true, characterData: true });
  // The time each frame's callbacks ran: content in the DOM by then is in that frame.
  const frame = (): void => {
    watch.frames.push(performance.now());
    if (watch.frames.length < 600) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** After the pointer rested on the target of {@link mountTooltip} for long enough: what was drawn when. */
function tooltipShown(delay: number): TooltipRun {
  const watch = tooltipWatch;
  if (!watch || watch.moved < 0) return { delay, drawnMs: -1, firstFrameMs: -1, openedMs: -1, inFirstFrame: false, known: watch?.known() ?? 0 };
  const due = watch.moved + delay;
  const first = watch.frames.find((time) => time >= due) ?? -1;
  const afterOpen = watch.opened < 0 ? -1 : (watch.frames.find((time) => time >= watch.opened) ?? -1);
  const since = (time: number): number => (time < 0 ? -1 : time - watch.moved);
  return {
    delay,
    drawnMs: since(watch.drawn),
    firstFrameMs: since(first),
    openedMs: since(watch.opened),
    inFirstFrame: watch.drawn >= 0 && afterOpen >= 0 && watch.drawn <= afterOpen,
    known: watch.known(),
  };
}

win.__pgBench = { mountTooltip, tooltipShown, prepare, annotate, matchOnly, markTerms, shown, changeCost, registerAll, liveShare, churn, walk, mark, pageText, chunkClockWorks };
