// Finds glossary terms in a live page and marks them: CSS Custom Highlight API ranges (no DOM
// change) or <pg-term> wrappers, kept up to date as the page changes, without ever freezing it.
import { highlightSpan } from '../core/quote-trim';
import type { TextMatch } from '../core/types';
import type { ViewportRegistryFactory } from './viewport';
import { cancelTimer, contains, matches, now, startTimer, yieldToFrame, yieldToMain } from './natives';
import {
  HIGHLIGHT_NAMES,
  createStyleHost,
  resolveHighlightStyle,
  type HighlightStyleOption,
} from './styles';
import {
  UI_HOST_ATTRIBUTE,
  WRAPPER_TAG,
  blockOf,
  collectSegments,
  isInsideSkipped,
  nextOutside,
  type CollectContext,
  type TextSegment,
} from './text-collect';
import { unwrapMatch, wrapMatch, type SplitRegistry } from './wrap';

export { HIGHLIGHT_NAMES, HIGHLIGHT_PRESETS } from './styles';
export type { HighlightPreset, HighlightStyle, HighlightStyleOption } from './styles';
export { UI_HOST_ATTRIBUTE } from './text-collect';

/** Settings of {@link createAnnotator}. */
export interface AnnotatorOptions {
  /** Scanned subtree (`document` for the extension, the widget's `data-root` element). */
  root: Element | Document;
  matcher: { scan(text: string): TextMatch[] };
  /** Extra CSS selectors whose elements (and their contents) are skipped. Invalid ones are ignored. */
  exclude?: readonly string[];
  /**
   * Only the first occurrence of each entry (unknown slogans: of each text). Decided as text is
   * scanned: after a page change, a new occurrence shows only if no other one is shown.
   */
  firstOccurrenceOnly?: boolean;
  /** Default true; false drops matches of kind `unknown-slogan`. */
  unknownSlogans?: boolean;
  /** Default: 'highlight-api' where `CSS.highlights` exists, else 'wrap'. */
  mode?: 'highlight-api' | 'wrap';
  /** Follow DOM changes with a MutationObserver; default true. */
  observe?: boolean;
  /**
   * Highlight mode: follows which ranges are near the viewport (`createViewportRegistry`), so that
   * only the ranges within a screenful of it are registered, the others as the reader scrolls near
   * them. Chromium re-checks every registered range on each change to the page: on a long page,
   * registering them all makes every change cost a slow frame. Without it, all are registered
   * (the widget's choice: its pages are short and its script small).
   */
  viewport?: ViewportRegistryFactory;
  /** Look of the highlights; default the 'underline' preset. */
  style?: HighlightStyleOption;
  /** Called after each pass (the first full one, rescans, and passes caused by page changes). */
  onUpdate?: (matches: readonly PageMatch[], stats: ScanStats) => void;
  /** Errors inside a pass (never thrown to the page); for logging. */
  onError?: (error: unknown) => void;
}

/** A match in the page. */
export interface PageMatch extends TextMatch {
  /** Unique for the annotator's lifetime (also `data-pg-id` on wrap-mode elements). */
  id: number;
  /** The matched text (in wrap mode: around the wrappers). */
  range: Range;
  /** Wrap mode: the first wrapper, the element keyboard users focus. */
  element?: HTMLElement;
}

/** Numbers about one pass. */
export interface ScanStats {
  /** Wall-clock duration of the pass, including the pauses that keep the page responsive. */
  ms: number;
  /** Text nodes read in this pass. */
  textNodes: number;
  /** Characters read in this pass. */
  chars: number;
  /** Matches shown after the pass (all of them, not only the ones this pass found). */
  matches: number;
  /** Of those, unknown slogans. */
  unknown: number;
}

/** A running annotation of a page. */
export interface Annotator {
  /**
   * Resolves when the first complete pass is done and its highlights are registered (with a
   * `viewport` registry: those near the viewport), also after destroy(). matches() has them all.
   */
  readonly ready: Promise<void>;
  /** The matches shown, in document order (the root first, then shadow roots and iframes as found). */
  matches(): readonly PageMatch[];
  /** The match under a point in the top document's client coordinates. */
  matchAtPoint(x: number, y: number): PageMatch | undefined;
  /** The match containing `node` (a wrapper or its text), or the first match inside `node`. */
  matchForNode(node: Node): PageMatch | undefined;
  /** The match after `from` (the first one without `from`). */
  next(from?: PageMatch): PageMatch | undefined;
  /** The match before `from` (the last one without `from`). */
  previous(from?: PageMatch): PageMatch | undefined;
  /** Marks one match as the current one (tooltip open, keyboard position); undefined clears it. */
  setActive(match: PageMatch | undefined): void;
  /** Changes the look of all highlights. */
  setHighlightStyle(style: HighlightStyleOption): void;
  /** Scans everything again from scratch. */
  rescan(): Promise<void>;
  /** Removes highlights, wrappers (restoring the page's DOM exactly), observers and styles. */
  destroy(): void;
}

const PROBE_NAME = 'pg-probe';
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Time we may hold the main thread before yielding (well under the 50 ms long-task mark). */
const SLICE_MS = 8;
/**
 * Wrap mode: text we may re-wrap before letting the browser lay it out. Laying out Chinese text
 * costs roughly 0.3–1 µs a character in Chromium, so this keeps each layout to tens of ms.
 */
const RELAYOUT_CHARS = 20_000;
/**
 * Longest we go on without letting the browser render a frame. scheduler.yield() continuations
 * outrank rendering, so without this a pass starves the page's frames (a scroll or an animation
 * froze for 100+ ms on a 700,000-character page) until Chromium's own starvation guard steps in.
 */
const FRAME_GAP_MS = 32;
/**
 * Wait from a page change to the pass that follows it: one frame after a quiet spell, so text a
 * framework re-renders is highlighted again within a frame or two (a paragraph re-rendered every
 * 200 ms had its highlight in 41% of frames at a fixed 100 ms; 83% now). Changes that keep
 * arriving right after each pass double it, up to BUSY_DELAY_MS: on a page changing 1,000 times a
 * second that is 28 passes in 3 s (about 21 ms of work), against 154 passes (96 ms) at a fixed 16 ms.
 */
const MIN_DELAY_MS = 16;
const BUSY_DELAY_MS = 100;
const MAX_DELAY_MS = 2000;
/** Above this many changed blocks in one root, rescanning the whole root is cheaper. */
const MAX_BLOCKS = 200;

type Scope = Document | ShadowRoot;

interface Clock {
  /** When the current slice of main-thread time began. */
  slice: number;
  /** Main-thread time used in earlier slices of this pass. */
  busy: number;
  /** Wrap mode: characters of text we changed since the browser last laid the page out. */
  relayout: number;
  /** Highlight mode with a viewport registry: whether the last slice found text near the viewport. */
  nearby: boolean;
  /** When we last resumed after a rendered frame (or the pass began). */
  frame: number;
}

interface RootState {
  /** What is observed and walked: a document, a shadow root, or the option's root element. */
  node: Node;
  scope: Scope;
  doc: Document;
  /** Shown matches of this root, in document order. */
  matches: PageMatch[];
  /** The document's StaticRange constructor, where it has one (looked up once, not per match). */
  StaticRange?: typeof StaticRange;
}

interface WorkItem {
  state: RootState;
  /** Walk start; undefined means the whole root. */
  block?: Node;
}

/** What we keep about a shown match besides what callers see. */
interface Held {
  state: RootState;
  /**
   * Highlight mode: where the text is, as a StaticRange where available. Live Ranges would make
   * every DOM change the page makes pay for each of our thousands of matches; changed text is
   * rescanned anyway.
   */
  bounds?: AbstractRange;
  /** Highlight mode: the text nodes the match covers (hit testing goes caret node → match). */
  nodes: readonly Text[];
  /** Wrap mode: the wrappers, in document order. */
  wrappers?: HTMLElement[];
}

interface Registry {
  term: Highlight;
  fuzzy: Highlight;
  unknown: Highlight;
  active: Highlight;
  owner: HighlightRegistry;
}

/**
 * A caller-facing match: `range` is made on each read, so callers get a correct live Range. A
 * class rather than an object literal with a getter: thousands are made per page, and literals
 * with accessors are built slowly and kept in slow dictionary form.
 */
class AnnotatedMatch implements PageMatch {
  // Copied from the TextMatch in the constructor.
  declare start: number;
  declare end: number;
  declare text: string;
  declare kind: TextMatch['kind'];
  declare entryId?: string;
  declare term?: string;
  declare score?: number;
  id: number;
  declare element?: HTMLElement;
  readonly #info: Held;

  constructor(match: TextMatch, id: number, info: Held) {
    Object.assign(this, match);
    this.id = id;
    const element = info.wrappers?.[0];
    if (element) this.element = element;
    this.#info = info;
  }

  get range(): Range {
    return liveRange(this.#info);
  }
}

function liveRange(info: Held): Range {
  const range = info.state.doc.createRange();
  try {
    const first = info.wrappers?.[0];
    const last = info.wrappers?.[info.wrappers.length - 1];
    if (first && last) {
      // Inside the wrappers, on their text, as in highlight mode (startContainer is a Text).
      const end = last.lastChild ?? last;
      range.setStart(first.firstChild ?? first, 0);
      range.setEnd(end, end.nodeType === 3 ? (end as Text).length : end.childNodes.length);
    } else if (info.bounds) {
      range.setStart(info.bounds.startContainer, info.bounds.startOffset);
      range.setEnd(info.bounds.endContainer, info.bounds.endOffset);
    }
  } catch {
    // The page changed this text since the scan; a rescan of it is already queued.
  }
  return range;
}

/** Starts annotating `options.root`; see {@link Annotator}. */
export function createAnnotator(options: AnnotatorOptions): Annotator {
  const top = options.root;
  const topDoc = top.nodeType === 9 ? (top as Document) : (top.ownerDocument as Document);
  const mode = options.mode ?? (highlightApiIn(topDoc) ? 'highlight-api' : 'wrap');
  const wrap = mode === 'wrap';
  const keepUnknown = options.unknownSlogans !== false;
  const firstOnly = options.firstOccurrenceOnly === true;
  const exclude = validSelectors(options.exclude ?? [], topDoc);

  const roots: RootState[] = [];
  const rootByScope = new Map<Node, RootState>();
  const registries = new Map<Document, Registry>();
  const noRegistry = new WeakSet<Document>();
  const held = new Map<PageMatch, Held>();
  const byId = new Map<number, PageMatch>();
  const byNode = new Map<Node, PageMatch[]>();
  /** Highlight mode: shown matches whose ranges are not in the registry yet. */
  const staged = new Set<PageMatch>();
  /** Highlight mode, given a registry: which matches are near the viewport. */
  const viewport = wrap ? undefined : options.viewport?.<PageMatch>((match, near) => nearViewport(match, near));
  // With a registry, the ::highlight() rules apply only to the elements holding its near ranges.
  const styles = createStyleHost(resolveHighlightStyle(options.style), mode, viewport?.scope);
  /** Matches registered for being near the viewport, ever: grows while a pass finds the reader's screens. */
  let nearCount = 0;
  const split: SplitRegistry = new WeakSet();
  const frames = new WeakSet<HTMLIFrameElement>();
  const shown = new Map<string, number>();
  let visible: PageMatch[] = [];
  let active: PageMatch | undefined;
  let nextId = 1;
  let destroyed = false;

  const queue: WorkItem[] = [];
  const pendingTargets = new Set<Node>();
  const fullRescans = new Set<RootState>();
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPassCost = 0;
  let lastPassEnd = 0;
  let floor = MIN_DELAY_MS;

  const context: CollectContext = {
    excluded: exclude ? (element) => matches(element, exclude) : undefined,
    onShadowRoot: (shadow) => {
      if (!rootByScope.has(shadow)) queue.push({ state: addRoot(shadow, shadow) });
    },
    onFrame: (frame) => {
      if (!frames.has(frame)) {
        frames.add(frame);
        frame.addEventListener('load', () => {
          if (destroyed || !observer) return;
          const state = frameRoot(frame);
          if (state && state.matches.length === 0) {
            fullRescans.add(state);
            schedule(0);
          }
        });
      }
      const known = roots.length;
      const state = frameRoot(frame);
      // Only a document seen for the first time; known ones are followed by the observer.
      if (state && roots.length > known) queue.push({ state });
    },
  };

  const MutationObserverCtor = topDoc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  const observer =
    options.observe === false || typeof MutationObserverCtor !== 'function'
      ? undefined
      : new MutationObserverCtor((records) => absorb(records));

  function addRoot(node: Node, scope: Scope): RootState {
    const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const state: RootState = { node, scope, doc, matches: [] };
    if (win && typeof win.StaticRange === 'function') state.StaticRange = win.StaticRange;
    roots.push(state);
    rootByScope.set(scope, state);
    observer?.observe(node, { childList: true, characterData: true, subtree: true });
    return state;
  }

  function frameRoot(frame: HTMLIFrameElement): RootState | undefined {
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument;
    } catch {
      return undefined;
    }
    if (!doc || !doc.body) return undefined;
    return rootByScope.get(doc) ?? addRoot(doc, doc);
  }

  // ---- highlighting ----

  function registryFor(doc: Document): Registry | undefined {
    let registry = registries.get(doc);
    if (registry || noRegistry.has(doc)) return registry;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    if (!win || !highlightApiIn(doc)) {
      noRegistry.add(doc);
      return undefined;
    }
    const make = (priority: number): Highlight => {
      const highlight = new win.Highlight();
      highlight.priority = priority;
      return highlight;
    };
    registry = { term: make(0), fuzzy: make(0), unknown: make(1), active: make(2), owner: win.CSS.highlights };
    registry.owner.set(HIGHLIGHT_NAMES.term, registry.term);
    registry.owner.set(HIGHLIGHT_NAMES.fuzzy, registry.fuzzy);
    registry.owner.set(HIGHLIGHT_NAMES.unknown, registry.unknown);
    registry.owner.set(HIGHLIGHT_NAMES.active, registry.active);
    registries.set(doc, registry);
    return registry;
  }

  function show(match: PageMatch, info: Held): void {
    held.set(match, info);
    byId.set(match.id, match);
    const key = occurrenceKey(match);
    shown.set(key, (shown.get(key) ?? 0) + 1);
    for (const node of info.nodes) {
      const list = byNode.get(node);
      if (list) list.push(match);
      else byNode.set(node, [match]);
    }
    if (info.bounds) staged.add(match);
  }

  /**
   * Hands the pass's new ranges to the registered highlights in one go (in Chromium every change
   * to a registered highlight makes the next frame re-walk the page's paint tree), those near the
   * viewport now, the others when the reader scrolls near them.
   */
  function flushStaged(): void {
    for (const match of staged) {
      const info = held.get(match);
      if (info?.bounds && (!viewport || viewport.add(info.bounds, match))) {
        register(match, info);
        nearCount++;
      }
    }
    staged.clear();
  }

  function register(match: PageMatch, info: Held): void {
    if (!info.bounds) return;
    const registry = registryFor(info.state.doc);
    (match.kind === 'unknown-slogan' ? registry?.unknown : match.kind === 'fuzzy' ? registry?.fuzzy : registry?.term)?.add(info.bounds);
  }

  function unregister(info: Held): void {
    if (!info.bounds) return;
    const registry = registries.get(info.state.doc);
    registry?.term.delete(info.bounds);
    registry?.fuzzy.delete(info.bounds);
    registry?.unknown.delete(info.bounds);
  }

  /** The viewport registry's report: a match goes in or out of the registered highlights. */
  function nearViewport(match: PageMatch, near: boolean): void {
    const info = held.get(match);
    if (info && near) {
      register(match, info);
      nearCount++;
    } else if (info) unregister(info);
  }

  function hide(match: PageMatch): void {
    const info = held.get(match);
    if (!info) return;
    if (active === match) setActive(undefined);
    const key = occurrenceKey(match);
    const count = (shown.get(key) ?? 1) - 1;
    if (count > 0) shown.set(key, count);
    else shown.delete(key);
    held.delete(match);
    staged.delete(match);
    byId.delete(match.id);
    for (const node of info.nodes) {
      const list = byNode.get(node)?.filter((other) => other !== match);
      if (list && list.length > 0) byNode.set(node, list);
      else byNode.delete(node);
    }
    if (info.wrappers) unwrapMatch(info.wrappers, split);
    unregister(info);
    if (info.bounds) viewport?.delete(info.bounds);
  }

  function setActive(match: PageMatch | undefined): void {
    if (active) {
      for (const el of held.get(active)?.wrappers ?? []) el.removeAttribute('data-pg-active');
      for (const registry of registries.values()) registry.active.clear();
    }
    const info = match ? held.get(match) : undefined;
    active = info ? match : undefined;
    if (!info) return;
    for (const el of info.wrappers ?? []) el.setAttribute('data-pg-active', '');
    if (info.bounds) registryFor(info.state.doc)?.active.add(info.bounds);
  }

  function pageMatch(match: TextMatch, id: number, info: Held): PageMatch {
    return new AnnotatedMatch(match, id, info);
  }

  /** Where a match starts, as a (node, offset) point. */
  function startPoint(match: PageMatch): [Node, number] | undefined {
    const info = held.get(match);
    const first = info?.wrappers?.[0];
    if (first) return [first, 0];
    return info?.bounds ? [info.bounds.startContainer, info.bounds.startOffset] : undefined;
  }

  function staticBounds(state: RootState, start: [Text, number], end: [Text, number]): AbstractRange {
    const init = { startContainer: start[0], startOffset: start[1], endContainer: end[0], endOffset: end[1] };
    if (state.StaticRange) return new state.StaticRange(init);
    const range = state.doc.createRange();
    range.setStart(start[0], start[1]);
    range.setEnd(end[0], end[1]);
    return range;
  }

  // ---- scanning ----

  function occurrenceKey(match: TextMatch): string {
    return match.entryId !== undefined ? `e:${match.entryId}` : `t:${match.text}`;
  }

  /** Scans one segment and shows what it finds; returns the new matches in document order. */
  function scanSegment(segment: TextSegment, state: RootState): PageMatch[] {
    const found: PageMatch[] = [];
    const raw = options.matcher.scan(segment.text);
    // The matcher is the caller's code and may have destroyed us.
    if (destroyed) return found;
    let lastEnd = 0;
    const kept: TextMatch[] = [];
    const keys = new Set<string>();
    for (const match of raw) {
      if (!keepUnknown && match.kind === 'unknown-slogan') continue;
      if (match.start < lastEnd || match.end <= match.start || match.end > segment.text.length) continue;
      if (firstOnly) {
        const key = occurrenceKey(match);
        if (shown.has(key) || keys.has(key)) continue;
        keys.add(key);
      }
      kept.push(match);
      lastEnd = match.end;
    }
    if (kept.length === 0) return found;
    styles.attach(state.scope);
    if (state.scope.nodeType !== 9) styles.attach(state.doc);
    if (wrap) {
      const made: Array<[TextMatch, number, HTMLElement[]]> = [];
      for (let i = kept.length - 1; i >= 0; i--) {
        const match = kept[i] as TextMatch;
        const id = nextId++;
        made.unshift([match, id, wrapMatch(segment, { ...highlightSpan(segment.text, match.start, match.end), id, kind: match.kind }, split)]);
      }
      for (const [match, id, wrappers] of made) {
        if (wrappers.length === 0) continue;
        const info: Held = { state, nodes: [], wrappers };
        const page = pageMatch(match, id, info);
        show(page, info);
        found.push(page);
      }
    } else {
      for (const match of kept) {
        const drawn = highlightSpan(segment.text, match.start, match.end);
        const start = locate(segment, drawn.start, false);
        const end = locate(segment, drawn.end, true);
        const info: Held = {
          state,
          bounds: staticBounds(state, [start[0], start[1]], [end[0], end[1]]),
          nodes: segment.nodes.slice(start[2], end[2] + 1),
        };
        const page = pageMatch(match, nextId++, info);
        show(page, info);
        found.push(page);
      }
    }
    return found;
  }

  async function runItem(item: WorkItem, stats: ScanStats, clock: Clock): Promise<void> {
    const { state } = item;
    const start = item.block ?? walkStart(state);
    if (!start) return;
    ours(() => {
      if (item.block === undefined) {
        for (const match of state.matches) hide(match);
        state.matches = [];
        return;
      }
      const keep: PageMatch[] = [];
      for (const match of state.matches) {
        const point = startPoint(match);
        if (!point || contains(start, point[0])) hide(match);
        else keep.push(match);
      }
      state.matches = keep;
    });
    // A root with no Chinese at all costs one read of its nodes (which stops at the first Chinese text).
    if (!mayHaveChinese(start)) return;
    const found: PageMatch[] = [];
    try {
      await scanFrom(start, state, found, stats, clock);
    } finally {
      // Shown matches stay tracked even when the walk failed half-way.
      insertInOrder(state, found);
    }
  }

  async function scanFrom(start: Node, state: RootState, found: PageMatch[], stats: ScanStats, clock: Clock): Promise<void> {
    for (const segment of collectSegments(start, context)) {
      if (segment) {
        stats.textNodes += segment.nodes.length;
        stats.chars += segment.text.length;
        if (CJK.test(segment.text)) {
          const before = found.length;
          ours(() => {
            for (const match of scanSegment(segment, state)) found.push(match);
          });
          if (wrap && found.length > before) clock.relayout += segment.text.length;
        }
      }
      const time = now();
      if (time - clock.slice > SLICE_MS || clock.relayout > RELAYOUT_CHARS) {
        clock.busy += time - clock.slice;
        // With only the ranges near the viewport registered, a registry change is cheap, and the
        // reader's screens are highlighted as the scan goes through them rather than after the
        // pass: while slices still find text near the viewport, each pause lets the browser render
        // a frame, which draws what is registered and tells the registry what is near
        // (scheduler.yield() continuations would put both off to the end of the pass).
        if (viewport) flushStaged();
        if (viewport && clock.nearby) {
          const before = nearCount;
          await yieldToFrame();
          await viewport.settled();
          clock.frame = now();
          clock.nearby = nearCount > before;
        } else if (clock.relayout > RELAYOUT_CHARS || time - clock.frame > FRAME_GAP_MS) {
          clock.relayout = 0;
          await yieldToFrame();
          clock.frame = now();
        } else {
          await yieldToMain();
        }
        clock.slice = now();
        if (destroyed) return;
      }
    }
  }

  function insertInOrder(state: RootState, found: PageMatch[]): void {
    const first = found[0];
    if (!first) return;
    const list = state.matches;
    const firstPoint = startPoint(first);
    if (!firstPoint) return;
    const probe = state.doc.createRange();
    probe.setStart(firstPoint[0], firstPoint[1]);
    probe.collapse(true);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (isBefore(probe, startPoint(list[mid] as PageMatch))) low = mid + 1;
      else high = mid;
    }
    state.matches = [...list.slice(0, low), ...found, ...list.slice(low)];
  }

  function walkStart(state: RootState): Node | undefined {
    if (state.node.nodeType === 9) {
      const doc = state.node as Document;
      return doc.body ?? doc.documentElement ?? undefined;
    }
    return state.node;
  }

  /** Drops roots whose document or host went away, and matches whose text was removed. */
  function sweep(): void {
    for (let i = roots.length - 1; i >= 0; i--) {
      const state = roots[i] as RootState;
      const alive =
        state.node === top ||
        (state.scope.nodeType === 9 ? (state.scope as Document).defaultView !== null : state.scope.isConnected);
      if (!alive) {
        for (const match of state.matches) hide(match);
        roots.splice(i, 1);
        rootByScope.delete(state.scope);
        continue;
      }
      const keep: PageMatch[] = [];
      for (const match of state.matches) {
        if (isIntact(held.get(match))) keep.push(match);
        else hide(match);
      }
      state.matches = keep;
    }
  }

  async function pass(items: WorkItem[]): Promise<void> {
    const began = now();
    const clock: Clock = { slice: began, busy: 0, relayout: 0, nearby: true, frame: began };
    const stats: ScanStats = { ms: 0, textNodes: 0, chars: 0, matches: 0, unknown: 0 };
    try {
      // Removed text first: positions in nodes that left the page cannot be ordered.
      ours(sweep);
      queue.push(...items);
      while (queue.length > 0 && !destroyed) {
        await runItem(queue.shift() as WorkItem, stats, clock);
      }
      if (destroyed) return;
      ours(sweep);
      flushStaged();
      visible = roots.flatMap((state) => state.matches);
      stats.matches = visible.length;
      for (const match of visible) if (match.kind === 'unknown-slogan') stats.unknown++;
      stats.ms = now() - began;
      options.onUpdate?.(visible, stats);
    } catch (error) {
      // A hostile or fast-changing page must never see our errors; the next change retries.
      queue.length = 0;
      try {
        options.onError?.(error);
      } catch {
        // The caller's reporter failed too; there is nowhere left to report to.
      }
    } finally {
      if (!destroyed) flushStaged();
      lastPassEnd = now();
      lastPassCost = clock.busy + (lastPassEnd - clock.slice);
    }
  }

  function run(items: WorkItem[]): Promise<void> {
    const previous = running ?? Promise.resolve();
    const next = previous.then(() => pass(items));
    running = next;
    void next.then(() => {
      if (running === next) running = undefined;
    });
    return next;
  }

  // ---- page changes ----

  /**
   * Runs `change` (which may wrap or unwrap) so that the observer does not report it back to us:
   * records queued before it are the page's and are kept; those it causes are dropped.
   */
  function ours(change: () => void): void {
    if (!wrap || !observer) {
      change();
      return;
    }
    absorb(observer.takeRecords());
    try {
      change();
    } finally {
      observer.takeRecords();
    }
  }

  function absorb(records: readonly MutationRecord[]): void {
    if (destroyed) return;
    let any = false;
    for (const record of records) {
      if (record.type === 'childList' && onlyOurs(record)) continue;
      pendingTargets.add(record.target);
      any = true;
    }
    if (any) schedule();
  }

  function schedule(delay?: number): void {
    if (timer !== undefined || destroyed) return;
    // Backoff: a page that changes all the time gets at most ~1/5 of the main thread from us, and
    // a change right after a pass waits twice as long as the last one did (see MIN_DELAY_MS).
    floor = now() - lastPassEnd < 2 * floor ? Math.min(2 * floor, BUSY_DELAY_MS) : MIN_DELAY_MS;
    const wait = delay ?? Math.min(MAX_DELAY_MS, Math.max(floor, lastPassCost * 5));
    timer = startTimer(() => {
      timer = undefined;
      void run(takePending());
    }, wait);
  }

  function takePending(): WorkItem[] {
    const blocks = new Map<RootState, Node[]>();
    for (const target of pendingTargets) {
      const state = stateFor(target);
      if (!state) continue;
      const start = walkStart(state);
      if (!start) continue;
      if (!contains(start, target)) {
        if (target === state.node || target === state.doc.documentElement) fullRescans.add(state);
        continue;
      }
      if (fullRescans.has(state)) continue;
      const block = blockOf(target, start);
      if (block !== start && isInsideSkipped(block, start, context)) continue;
      const list = blocks.get(state) ?? [];
      list.push(block);
      blocks.set(state, list);
    }
    pendingTargets.clear();
    const items: WorkItem[] = [];
    for (const state of fullRescans) items.push({ state });
    for (const [state, list] of blocks) {
      if (fullRescans.has(state)) continue;
      if (list.length > MAX_BLOCKS) {
        items.push({ state });
        continue;
      }
      for (const block of outermost(list)) items.push({ state, block });
    }
    fullRescans.clear();
    return items;
  }

  function stateFor(target: Node): RootState | undefined {
    if (!target.isConnected) return undefined;
    const scope = target.getRootNode();
    const state = rootByScope.get(scope);
    if (state) return state;
    // The option's root element is not a scope; its document's changes come here.
    const topState = roots[0];
    return topState && contains(topState.node, target) ? topState : undefined;
  }

  // ---- hit testing ----

  function matchAtPoint(x: number, y: number): PageMatch | undefined {
    try {
      return hitTest(topDoc, x, y, 0);
    } catch {
      return undefined;
    }
  }

  function hitTest(doc: Document, x: number, y: number, depth: number): PageMatch | undefined {
    let element = doc.elementFromPoint(x, y);
    if (element && element.localName === 'iframe' && depth < 8) {
      const frame = element as HTMLIFrameElement;
      let inner: Document | null = null;
      try {
        inner = frame.contentDocument;
      } catch {
        inner = null;
      }
      if (!inner) return undefined;
      const box = frame.getBoundingClientRect();
      return hitTest(inner, x - box.left - frame.clientLeft, y - box.top - frame.clientTop, depth + 1);
    }
    // Into the open shadow roots there (the document's answer stops at their hosts).
    for (let level = 0; element?.shadowRoot && level < 8; level++) {
      const inner: Element | null = element.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === element) break;
      element = inner;
    }
    if (wrap && element) {
      const hit = matchForWrapper(element);
      if (hit) return hit;
    }
    // The text directly inside the element under the point, then the text the caret APIs name
    // (deeper down, e.g. under a pointer-events: none child). Firefox's caret API (and the
    // shadow-root lookup this replaced) now and then found no term on a page with frames and a
    // shadow root: 3 failed runs in 8 of the hostile-page e2e file.
    for (let child = element?.firstChild; child; child = child.nextSibling) {
      for (const match of byNode.get(child) ?? []) if (containsPoint(match.range, x, y)) return match;
    }
    const caret = caretAt(doc, x, y);
    if (caret) {
      const wrapped = wrap ? matchForWrapper(caret.node) : undefined;
      if (wrapped && containsPoint(wrapped.range, x, y)) return wrapped;
      for (const match of byNode.get(caret.node) ?? []) {
        if (aroundCaret(held.get(match), caret) && containsPoint(match.range, x, y)) return match;
      }
    }
    return undefined;
  }

  function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
    const shadowRoots = roots
      .filter((state) => state.scope.nodeType !== 9 && state.doc === doc)
      .map((state) => state.scope as ShadowRoot);
    const withOptions = doc as Document & {
      caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    if (typeof withOptions.caretPositionFromPoint === 'function') {
      const position = withOptions.caretPositionFromPoint(x, y, { shadowRoots });
      return position ? { node: position.offsetNode, offset: position.offset } : undefined;
    }
    if (typeof withOptions.caretRangeFromPoint === 'function') {
      const range = withOptions.caretRangeFromPoint(x, y);
      return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
    }
    return undefined;
  }

  function matchForWrapper(node: Node): PageMatch | undefined {
    let current: Node | null = node;
    while (current && !(current.nodeType === 1 && (current as Element).localName === WRAPPER_TAG)) {
      current = current.parentNode;
    }
    if (!current) return undefined;
    return byId.get(Number((current as Element).getAttribute('data-pg-id')));
  }

  function matchForNode(node: Node): PageMatch | undefined {
    if (wrap) {
      const hit = matchForWrapper(node);
      if (hit) return hit;
    }
    if (node.nodeType === 3) return byNode.get(node)?.[0];
    return visible.find((match) => {
      const point = startPoint(match);
      return point !== undefined && contains(node, point[0]);
    });
  }

  function step(from: PageMatch | undefined, delta: 1 | -1): PageMatch | undefined {
    if (visible.length === 0) return undefined;
    const index = from ? visible.indexOf(from) : -1;
    if (index < 0) return delta === 1 ? visible[0] : visible[visible.length - 1];
    return visible[index + delta];
  }

  function destroy(): void {
    if (destroyed) return;
    setActive(undefined);
    destroyed = true;
    cancelTimer(timer);
    observer?.disconnect();
    viewport?.disconnect();
    // Every shown match, including those of a pass that was still running.
    for (const match of [...held.keys()]) hide(match);
    for (const registry of registries.values()) {
      for (const name of Object.values(HIGHLIGHT_NAMES)) {
        const current = registry.owner.get(name);
        if (current === registry.term || current === registry.fuzzy || current === registry.unknown || current === registry.active) {
          registry.owner.delete(name);
        }
      }
    }
    registries.clear();
    styles.destroy();
    roots.length = 0;
    visible = [];
  }

  const first = addRoot(top, top.nodeType === 9 ? (top as Document) : (top.getRootNode() as Scope));
  if (top.nodeType !== 9) rootByScope.delete(first.scope);
  // Ready once the highlights near the viewport are registered too.
  const ready = run([{ state: first }]).then(() => viewport?.settled());

  return {
    ready,
    matches: () => visible,
    matchAtPoint,
    matchForNode,
    next: (from) => step(from, 1),
    previous: (from) => step(from, -1),
    setActive,
    setHighlightStyle: (style) => styles.update(resolveHighlightStyle(style)),
    rescan: () => {
      if (destroyed) return Promise.resolve();
      return run(roots.map((state) => ({ state }))).then(() => viewport?.settled());
    },
    destroy,
  };
}

/** Whether `doc` has a working Highlight API (a page may define its own global `Highlight`). */
function highlightApiIn(doc: Document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || typeof win.Highlight !== 'function' || !win.CSS?.highlights) return false;
  try {
    const registry = win.CSS.highlights;
    if (!registry.has(PROBE_NAME)) {
      registry.set(PROBE_NAME, new win.Highlight());
      registry.delete(PROBE_NAME);
    }
    return true;
  } catch {
    return false;
  }
}

function validSelectors(selectors: readonly string[], doc: Document): string | undefined {
  const valid = selectors.filter((selector) => {
    try {
      doc.createDocumentFragment().querySelector(selector);
      return true;
    } catch {
      return false;
    }
  });
  return valid.length > 0 ? valid.join(',') : undefined;
}

/** Maps a segment offset to a text node position; an end offset stays in the node it ends. */
function locate(segment: TextSegment, offset: number, isEnd: boolean): [Text, number, number] {
  const { nodes, starts } = segment;
  let low = 0;
  let high = nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = starts[mid] as number;
    if (start < offset || (!isEnd && start === offset)) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low] as Text;
  return [node, offset - (starts[low] as number), low];
}

/** Whether `point` comes before the collapsed `probe`; points that cannot be compared do not. */
function isBefore(probe: Range, point: [Node, number] | undefined): boolean {
  if (!point) return false;
  try {
    return probe.comparePoint(point[0], point[1]) < 0;
  } catch {
    return false;
  }
}

/** Whether a caret position lies within a match's text (ends included). */
function aroundCaret(info: Held | undefined, caret: { node: Node; offset: number }): boolean {
  const bounds = info?.bounds;
  if (!bounds) return false;
  if (caret.node === bounds.startContainer && caret.offset < bounds.startOffset) return false;
  return !(caret.node === bounds.endContainer && caret.offset > bounds.endOffset);
}

/** Whether a match's text is still in the page where we found it. */
function isIntact(info: Held | undefined): boolean {
  if (!info) return false;
  if (info.wrappers) return info.wrappers.every((wrapper) => wrapper.isConnected);
  const bounds = info.bounds;
  if (!bounds || bounds.collapsed) return false;
  const fits = (node: Node, offset: number): boolean =>
    node.isConnected && (node.nodeType !== 3 || offset <= (node as Text).length);
  return fits(bounds.startContainer, bounds.startOffset) && fits(bounds.endContainer, bounds.endOffset);
}

function containsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const rect = rects[i] as DOMRect;
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}

function onlyOurs(record: MutationRecord): boolean {
  const ours = (node: Node): boolean => node.nodeType === 1 && (node as Element).hasAttribute(UI_HOST_ATTRIBUTE);
  if (record.addedNodes.length + record.removedNodes.length === 0) return false;
  for (const node of record.addedNodes) if (!ours(node)) return false;
  for (const node of record.removedNodes) if (!ours(node)) return false;
  return true;
}

/**
 * Whether `root` may have Chinese text to scan: a text node with Chinese in it (`root` itself, or
 * inside it or in an open shadow root inside it), or an iframe (its document is scanned on its
 * own). Stops at the first one.
 */
function mayHaveChinese(root: Node): boolean {
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === 3) {
      if (CJK.test((node as Text).data)) return true;
    } else {
      const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
      if ((node as Element).localName === 'iframe' || (shadow && mayHaveChinese(shadow))) return true;
    }
    if (node.nodeType !== 3 && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    node = nextOutside(node, root);
  }
  return false;
}

/** Keeps only blocks not inside another block of the list. */
function outermost(blocks: Node[]): Node[] {
  const unique = [...new Set(blocks)];
  return unique.filter((block) => !unique.some((other) => other !== block && contains(other, block)));
}
