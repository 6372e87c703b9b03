// Finds glossary terms in a live page and marks them: CSS Custom Highlight API ranges (no DOM
// change) or <pg-term> wrappers, kept up to date as the page changes, without ever freezing it.
// This room holds the shown matches and the passes over the page's roots; the others are
// pass-schedule (when), match-ranges (where), highlight-registry (how shown), page-changes
// (what changed) and hit-test (what is under the pointer).
import { highlightSpan } from '../core/quote-trim';
import type { TextMatch } from '../core/types';
import type { ViewportRegistryFactory } from './viewport';
import { contains, matches, now } from './natives';
import type { HighlightStyleOption } from './styles';
import { CJK, collectSegments, isInsideSkipped, mayHaveChinese, type CollectContext, type TextSegment } from './text-collect';
import { wrapMatch } from './wrap';
import { createMatchMarks, highlightApiIn } from './highlight-registry';
import { matchAtPoint, matchesOn, matchForWrapper, type MatchIndex } from './hit-test';
import {
  AnnotatedMatch,
  heldFor,
  insertInOrder,
  isIntact,
  nodesOf,
  occurrenceKey,
  selectMatches,
  startNode,
  startPoint,
  type Held,
  type MatchSelection,
  type PageMatch,
  type RootState,
  type Scope,
} from './match-ranges';
import { createPageChanges, type WorkItem } from './page-changes';
import { createPassScheduler, pauseDue, pauseIfDue, type Clock } from './pass-schedule';
import { READS_ITSELF } from './frame-mark';

export { HIGHLIGHT_NAMES, HIGHLIGHT_PRESETS } from './styles';
export type { HighlightPreset, HighlightStyle, HighlightStyleOption } from './styles';
export type { PageMatch } from './match-ranges';
export { UI_HOST_ATTRIBUTE } from './text-collect';

/** Settings of {@link createAnnotator}. */
export interface AnnotatorOptions {
  /** Scanned subtree (`document` for the extension, the widget's `data-root` element). */
  root: Element | Document;
  matcher: { scan(text: string): TextMatch[] };
  /** Extra CSS selectors whose elements (and their contents) are skipped. Invalid ones are ignored. */
  exclude?: readonly string[];
  /**
   * Only the first occurrence of each term as written is drawn. Decided as text is scanned: after
   * a page change, a new occurrence is drawn only if no other one is. In highlight mode the later
   * occurrences are still there for the pointer, the tooltip and its active mark (a reader who
   * meets the term again further down still gets it explained), but not among `matches()`; so are
   * occurrences in the site's furniture (links, navigation, footer: PAGE_CHROME), which leave the term's
   * drawn occurrence to the article. In wrap mode later occurrences are left alone.
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

/**
 * Defined false by the extension's builds (wxt.config.ts): the minimum versions of both its
 * browsers draw with the CSS Custom Highlight API, and the wrapping fallback is left out of its
 * content script. Undefined elsewhere (the widget, tests): the fallback stays.
 */
declare const __PG_WRAP__: boolean | undefined;
const WRAP_FALLBACK = typeof __PG_WRAP__ === 'undefined' || __PG_WRAP__;

/** Starts annotating `options.root`; see {@link Annotator}. */
export function createAnnotator(options: AnnotatorOptions): Annotator {
  const top = options.root;
  const topDoc = top.nodeType === 9 ? (top as Document) : (top.ownerDocument as Document);
  const mode = WRAP_FALLBACK ? (options.mode ?? (highlightApiIn(topDoc) ? 'highlight-api' : 'wrap')) : 'highlight-api';
  const wrap = mode === 'wrap';
  const keepUnknown = options.unknownSlogans !== false;
  const firstOnly = options.firstOccurrenceOnly === true;
  const exclude = validSelectors(options.exclude ?? [], topDoc);

  const roots: RootState[] = [];
  const rootByScope = new Map<Node, RootState>();
  const held = new Map<PageMatch, Held>();
  const byId = new Map<number, PageMatch>();
  const byNode = new Map<Node, PageMatch | PageMatch[]>();
  const marks = createMatchMarks({ mode, viewport: options.viewport, style: options.style, lookup: (match) => held.get(match) });
  const nearby = marks.followsViewport ? marks : undefined;
  const frames = new WeakSet<HTMLIFrameElement>();
  const shown = new Map<string, number>();
  let visible: PageMatch[] = [];
  let active: PageMatch | undefined;
  let nextId = 1;
  let destroyed = false;

  const queue: WorkItem[] = [];
  const scheduler = createPassScheduler(() => void run(changes.take()));

  const context: CollectContext = {
    excluded: exclude ? (element) => matches(element, exclude) : undefined,
    onShadowRoot: (shadow) => {
      if (!rootByScope.has(shadow)) queue.push({ state: addRoot(shadow, shadow) });
    },
    onFrame: (frame) => {
      if (!frames.has(frame)) {
        frames.add(frame);
        frame.addEventListener('load', () => {
          if (destroyed || !changes.observing) return;
          const state = frameRoot(frame);
          if (state && state.matches.length === 0) {
            changes.rescanRoot(state);
            scheduler.schedule(0);
          }
        });
      }
      const known = roots.length;
      const state = frameRoot(frame);
      // Only a document seen for the first time; known ones are followed by the observer.
      if (state && roots.length > known) queue.push({ state });
    },
  };

  const changes = createPageChanges({
    doc: topDoc,
    enabled: options.observe !== false,
    wrap,
    collect: context,
    stateFor,
    walkStart,
    onChange: () => scheduler.schedule(),
  });

  const index: MatchIndex = { wrap, byNode, byId, held, roots };

  function addRoot(node: Node, scope: Scope): RootState {
    const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    const state: RootState = { node, scope, doc, matches: [] };
    if (win && typeof win.StaticRange === 'function') state.StaticRange = win.StaticRange;
    roots.push(state);
    rootByScope.set(scope, state);
    changes.observe(node);
    return state;
  }

  function frameRoot(frame: HTMLIFrameElement): RootState | undefined {
    let doc: Document | null = null;
    try {
      doc = frame.contentDocument;
    } catch {
      return undefined;
    }
    // A frame whose own script reads it (the extension's, frames.ts) is not read twice.
    if (!doc || !doc.body || doc.documentElement.hasAttribute(READS_ITSELF)) return undefined;
    return rootByScope.get(doc) ?? addRoot(doc, doc);
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

  function walkStart(state: RootState): Node | undefined {
    if (state.node.nodeType === 9) {
      const doc = state.node as Document;
      return doc.body ?? doc.documentElement ?? undefined;
    }
    return state.node;
  }

  // ---- shown matches ----

  function show(match: PageMatch, info: Held): void {
    held.set(match, info);
    if (wrap) byId.set(match.id, match);
    // Counted for firstOccurrenceOnly, its one reader.
    if (firstOnly && !match.quiet) {
      const key = occurrenceKey(match);
      shown.set(key, (shown.get(key) ?? 0) + 1);
    }
    for (const node of nodesOf(info)) {
      const there = byNode.get(node);
      if (there === undefined) byNode.set(node, match);
      else if (Array.isArray(there)) there.push(match);
      else byNode.set(node, [there as PageMatch, match]);
    }
    if (info.bounds) marks.stage(match);
  }

  function hide(match: PageMatch): void {
    const info = held.get(match);
    if (!info) return;
    if (active === match) setActive(undefined);
    if (firstOnly && !match.quiet) {
      const key = occurrenceKey(match);
      const count = (shown.get(key) ?? 1) - 1;
      if (count > 0) shown.set(key, count);
      else shown.delete(key);
    }
    held.delete(match);
    byId.delete(match.id);
    for (const node of nodesOf(info)) {
      const list = matchesOn(index, node).filter((other) => other !== match);
      if (list.length > 1) byNode.set(node, list);
      else if (list.length === 1) byNode.set(node, list[0] as PageMatch);
      else byNode.delete(node);
    }
    marks.remove(match, info);
  }

  function setActive(match: PageMatch | undefined): void {
    if (active) marks.clearActive(held.get(active));
    const info = match ? held.get(match) : undefined;
    active = info ? match : undefined;
    if (info) marks.markActive(info);
  }

  const pointOf = (match: PageMatch): [Node, number] | undefined => startPoint(held.get(match));

  // ---- scanning ----

  /** Scans one segment and shows what it finds; returns the new matches in document order. */
  function scanSegment(segment: TextSegment, state: RootState): PageMatch[] {
    const found: PageMatch[] = [];
    const raw = options.matcher.scan(segment.text);
    // The matcher is the caller's code and may have destroyed us.
    if (destroyed) return found;
    const selection: MatchSelection = { keepUnknown, firstOnly, shown };
    // Highlight mode: later occurrences and those in the site's furniture held, quiet (see the option).
    if (firstOnly && !wrap) {
      selection.repeats = new Set();
      selection.aside = (match) => isInsideSkipped(startNode(segment, match), state.node, IN_PAGE_CHROME);
    }
    const kept = selectMatches(raw, segment.text.length, selection);
    if (kept.length === 0) return found;
    marks.attachStyles(state.scope, state.doc);
    if (wrap) {
      const made: Array<[TextMatch, number, HTMLElement[]]> = [];
      for (let i = kept.length - 1; i >= 0; i--) {
        const match = kept[i] as TextMatch;
        const id = nextId++;
        made.unshift([match, id, wrapMatch(segment, { ...highlightSpan(segment.text, match.start, match.end), id, kind: match.kind }, marks.split)]);
      }
      for (const [match, id, wrappers] of made) {
        if (wrappers.length === 0) continue;
        const info: Held = { state, nodes: [], wrappers };
        const page = new AnnotatedMatch(match, id, info);
        show(page, info);
        found.push(page);
      }
    } else {
      for (const match of kept) {
        const info = heldFor(state, segment, match);
        const page = new AnnotatedMatch(match, nextId++, info);
        if (selection.repeats?.has(match)) page.quiet = true;
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
    changes.ours(() => {
      if (item.block === undefined) {
        for (const match of state.matches) hide(match);
        state.matches = [];
        return;
      }
      const keep: PageMatch[] = [];
      for (const match of state.matches) {
        const point = pointOf(match);
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
      state.matches = insertInOrder(state.matches, found, state.doc, pointOf);
    }
  }

  async function scanFrom(start: Node, state: RootState, found: PageMatch[], stats: ScanStats, clock: Clock): Promise<void> {
    for (const segment of collectSegments(start, context)) {
      // Text found below the viewport (or the area near it) before the pass was known to be
      // there: the reader's screen is all scanned, and the pause that follows draws it.
      let passedBy: 'screen' | 'near' | undefined;
      if (segment) {
        stats.textNodes += segment.nodes.length;
        stats.chars += segment.text.length;
        if (CJK.test(segment.text)) {
          const before = found.length;
          changes.ours(() => {
            for (const match of scanSegment(segment, state)) found.push(match);
          });
          if (wrap && found.length > before) clock.relayout += segment.text.length;
          else if (nearby && found.length > before) passedBy = passedBelow(segment.nodes[0] as Text);
        }
      }
      // Awaited only when due: an await per segment costs a microtask turn each, thousands a page.
      if ((passedBy || pauseDue(clock)) && (await pauseIfDue(clock, nearby, passedBy)) && destroyed) return;
    }
  }

  /** Whether the pass just went below the viewport or the area near it, at `node` (see pauseIfDue). */
  function passedBelow(node: Text): 'screen' | 'near' | undefined {
    const passed = nearby?.passed() ?? 2;
    if (passed === 0 && nearby?.below(node, 1)) return 'screen';
    if (passed < 2 && nearby?.below(node, 2)) return 'near';
    return undefined;
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

  async function pass(items: WorkItem[], clock: Clock): Promise<void> {
    const stats: ScanStats = { ms: 0, textNodes: 0, chars: 0, matches: 0, unknown: 0 };
    try {
      // Removed text first: positions in nodes that left the page cannot be ordered.
      changes.ours(sweep);
      queue.push(...items);
      while (queue.length > 0 && !destroyed) {
        await runItem(queue.shift() as WorkItem, stats, clock);
      }
      if (destroyed) return;
      changes.ours(sweep);
      marks.flush(true);
      visible = roots.flatMap((state) => state.matches);
      if (firstOnly) visible = visible.filter((match) => !match.quiet);
      stats.matches = visible.length;
      for (const match of visible) if (match.kind === 'unknown-slogan') stats.unknown++;
      stats.ms = now() - clock.began;
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
      if (!destroyed) marks.flush(true);
    }
  }

  function run(items: WorkItem[]): Promise<void> {
    return scheduler.run((clock) => pass(items, clock));
  }

  // ---- lookups ----

  function matchForNode(node: Node): PageMatch | undefined {
    if (wrap) {
      const hit = matchForWrapper(index, node);
      if (hit) return hit;
    }
    if (node.nodeType === 3) return matchesOn(index, node)[0];
    return visible.find((match) => {
      const point = pointOf(match);
      return point !== undefined && contains(node, point[0]);
    });
  }

  function step(from: PageMatch | undefined, delta: 1 | -1): PageMatch | undefined {
    if (visible.length === 0) return undefined;
    // From a quiet match (held, not listed: firstOccurrenceOnly), the listed one beside it.
    if (from?.quiet) {
      const all = roots.flatMap((state) => state.matches);
      for (let i = all.indexOf(from) + delta; i >= 0 && i < all.length; i += delta) if (!all[i]!.quiet) return all[i];
      return undefined;
    }
    const at = from ? visible.indexOf(from) : -1;
    if (at < 0) return delta === 1 ? visible[0] : visible[visible.length - 1];
    return visible[at + delta];
  }

  function destroy(): void {
    if (destroyed) return;
    setActive(undefined);
    destroyed = true;
    scheduler.stop();
    changes.disconnect();
    marks.destroy();
    // Every shown match, including those of a pass that was still running.
    for (const match of [...held.keys()]) hide(match);
    roots.length = 0;
    visible = [];
  }

  const first = addRoot(top, top.nodeType === 9 ? (top as Document) : (top.getRootNode() as Scope));
  if (top.nodeType !== 9) rootByScope.delete(first.scope);
  // Ready once the highlights near the viewport are registered too.
  const ready = run([{ state: first }]).then(() => marks.settled());

  return {
    ready,
    matches: () => visible,
    matchAtPoint: (x, y) => matchAtPoint(index, topDoc, x, y),
    matchForNode,
    next: (from) => step(from, 1),
    previous: (from) => step(from, -1),
    setActive,
    setHighlightStyle: (style) => marks.setStyle(style),
    rescan: () => {
      if (destroyed) return Promise.resolve();
      return run(roots.map((state) => ({ state }))).then(() => marks.settled());
    },
    destroy,
  };
}

/**
 * Where a site's own furniture is, not its article: links (menus, 专题专栏 lists, breadcrumbs), the
 * navigation, headers, sidebars and footers. Under firstOccurrenceOnly a term there is held for the
 * pointer but not drawn, and the article's own first occurrence is drawn instead (十四五规划 in a
 * government site's menu, then the report's “十四五”).
 */
const PAGE_CHROME = 'a[href],nav,header,footer,aside,[role=navigation]';

/** Whether a node lies in the page's furniture ({@link PAGE_CHROME}): isInsideSkipped with it as the exclusion. */
const IN_PAGE_CHROME: CollectContext = { excluded: (element) => matches(element, PAGE_CHROME) };

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
