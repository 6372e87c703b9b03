// Follows which elements are near the viewport, so that highlight mode registers only the ranges
// a reader can scroll to soon (the extension's choice; the widget keeps its script small without).
// Chromium revalidates every registered highlight range whenever a highlight or the page's DOM
// changes: with thousands registered, each change costs a frame tens of milliseconds; with the few
// hundred near the viewport, next to nothing. The elements holding those ranges' text are marked,
// so that the ::highlight() rules apply to them alone (see HIGHLIGHTED_ATTRIBUTE).
import { cancelTimer, startTimer } from './natives';
import { nextOutside } from './text-collect';

/** How far outside the viewport an element still counts as near: a screenful each way. */
const NEAR_SCREENS = 1;
const NEAR_MARGIN = `${NEAR_SCREENS * 100}%`;
/**
 * Longest wait for the first report on an element. Reports come with the next rendered frame,
 * which a hidden tab never renders; past this wait, unreported elements count as near.
 */
const FIRST_REPORT_MS = 250;
/**
 * Ranges a registry may decide on before the tracker has reported their element: while the pass
 * is still on or above the reader's screens, each new element's box (read where the browser has
 * the layout at hand) tells near or far at once, and a near one's ranges are registered without
 * waiting a frame for the first report (which then confirms or corrects it). The first element
 * found below the near area ends this: later ones wait for their report. A short page (a typical
 * policy page has a few hundred terms) and the top of a long one are then highlighted at once.
 */
export const PROVISIONAL_RANGES = 300;
// Taken when this module loads, before a page script can replace it.
const NativeObserver = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;

/** Reports elements entering and leaving the area near the viewport. */
export interface ViewportTracker {
  /**
   * Starts following `element`; its first report comes soon after (see `settled`). `assume`: it
   * counts as near (true) or far (`'far'`) until then, and `settled` does not wait for that report.
   */
  observe(element: Element, assume?: boolean | 'far'): void;
  /** Whether an element observed so far still awaits its first report. */
  awaiting(): boolean;
  /** Stops following `element`. */
  unobserve(element: Element): void;
  /** Whether `element` was last reported near the viewport (or could not be told apart). */
  isNear(element: Element): boolean;
  /** Resolves once every element observed so far has had its first report. */
  settled(): Promise<void>;
  /** Stops following everything. */
  disconnect(): void;
}

/** Makes a tracker that reports each change through `onChange` (undefined: none available). */
export type ViewportTrackerFactory = (onChange: (element: Element, near: boolean) => void) => ViewportTracker | undefined;

/**
 * A tracker calling `onChange(element, near)` on every change, or undefined where the browser has
 * no IntersectionObserver (then the caller treats everything as near).
 */
export const createViewportTracker: ViewportTrackerFactory = (onChange) => {
  const Observer = NativeObserver;
  if (typeof Observer !== 'function') return undefined;
  const tracked = new Set<Element>();
  const near = new Set<Element>();
  const unreported = new Set<Element>();
  let waiters: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const report = (element: Element, isNear: boolean): void => {
    unreported.delete(element);
    if (!tracked.has(element) || isNear === near.has(element)) return;
    if (isNear) near.add(element);
    else near.delete(element);
    onChange(element, isNear);
  };
  const release = (): void => {
    if (unreported.size > 0) return;
    if (timer !== undefined) cancelTimer(timer);
    timer = undefined;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };

  const observer = new Observer(
    (entries) => {
      for (const entry of entries) {
        const box = entry.boundingClientRect;
        // No box at all (display: contents, or inside a hidden part): its text may still be drawn
        // through its children, so it is never left unhighlighted on a guess.
        report(entry.target, entry.isIntersecting || (box.width === 0 && box.height === 0));
      }
      release();
    },
    { rootMargin: NEAR_MARGIN },
  );

  return {
    observe(element, assume = false) {
      if (tracked.has(element)) return;
      tracked.add(element);
      if (assume === true) near.add(element);
      else if (assume !== 'far') unreported.add(element);
      observer.observe(element);
    },
    awaiting: () => unreported.size > 0,
    unobserve(element) {
      if (!tracked.delete(element)) return;
      observer.unobserve(element);
      unreported.delete(element);
      near.delete(element);
      release();
    },
    isNear: (element) => near.has(element),
    settled() {
      if (unreported.size === 0) return Promise.resolve();
      timer ??= startTimer(() => {
        timer = undefined;
        for (const element of [...unreported]) report(element, true);
        release();
      }, FIRST_REPORT_MS);
      return new Promise((resolve) => waiters.push(resolve));
    },
    disconnect() {
      observer.disconnect();
      tracked.clear();
      near.clear();
      unreported.clear();
      if (timer !== undefined) cancelTimer(timer);
      timer = undefined;
      const done = waiters;
      waiters = [];
      for (const resolve of done) resolve();
    },
  };
};

/** Ranges that come and go with the nearness of their element to the viewport. */
export interface ViewportRegistry<T> {
  /**
   * Follows `range`, standing for `item`: true when it is near the viewport now (register it),
   * else `onChange(item, true)` comes when it is (and `false` when it leaves again).
   */
  add(range: AbstractRange, item: T): boolean;
  /** Stops following `range`. */
  delete(range: AbstractRange): void;
  /** Resolves once every range added so far is known to be near or not. */
  settled(): Promise<void>;
  /** Whether a range added so far awaits the first report on its element (see `settled`). */
  awaiting(): boolean;
  /**
   * Reads the boxes of the elements of `ranges` that `add` would decide on by their position,
   * all at once before `add` marks any (a read after a mark would restyle the page each time).
   */
  measure?(ranges: Iterable<AbstractRange>): void;
  /**
   * How far down the ranges added so far have gone, by the boxes read: 0 not below the viewport
   * yet, 1 below its bottom (the reader's screen is all in), 2 below the near area or past the
   * budget of ranges placed by their boxes (the ranges that follow wait for their report).
   */
  passed?(): number;
  /**
   * Whether `node` lies below the viewport (`screens` 1) or below the area near it (2), by its
   * element's box (false when it cannot be told).
   */
  below?(node: Node, screens: number): boolean;
  /**
   * Starts following the elements first seen below the near area since the last call, each taken
   * as near or far by its box until its first report. `add` puts them off: each followed element
   * costs the tracker's computation in every frame, and a pass's frames need only the ones near
   * the reader; the caller calls this when its pass ends (a reader scrolling there meanwhile sees
   * those highlights when the pass is done).
   */
  follow?(): void;
  /**
   * A CSS selector for the elements whose text has ranges near the viewport: the ::highlight()
   * rules need only apply to them (see {@link HIGHLIGHTED_ATTRIBUTE}).
   */
  readonly scope: string;
  /**
   * A CSS selector for the marked elements inside a large table (see {@link LARGE_TABLE_ROWS}):
   * their highlights are drawn without text decoration.
   */
  readonly tintScope?: string;
  /** Stops following everything (and unmarks every element). */
  disconnect(): void;
}

/** Makes a registry reporting through `onChange` (undefined where nearness cannot be followed). */
export type ViewportRegistryFactory = <T>(onChange: (item: T, near: boolean) => void) => ViewportRegistry<T> | undefined;

/**
 * Set on the elements holding the text of ranges near the viewport, and taken off again when
 * the reader scrolls away. In Chromium a ::highlight() rule that may apply to every element makes
 * adding the style sheet restyle the whole page (0.4 s on a 100,000-cell table, 15–20 ms on a
 * 700,000-character report); limited to elements with this attribute, it restyles only them.
 */
export const HIGHLIGHTED_ATTRIBUTE = 'data-pg-hl';

/**
 * Rows from which a table counts as large. In Chromium every frame after a change of the
 * registered highlights re-checks the highlighted text, and where a highlight draws a text
 * decoration (the underline look) that re-measures the ink overflow of the boxes holding it: in a
 * table, the whole table's. On a 100,000-cell table (10,000 rows) each such frame took 35–64 ms of
 * PrePaint however few ranges changed; with the same highlights as a background tint, 1 ms. So in
 * a large table the marked elements carry {@link TINT_VALUE} and their highlights are drawn as a
 * tint (styles.ts), and scrolling through it stays smooth. A table of a few hundred rows costs the
 * underline a few milliseconds a frame and keeps it.
 */
export const LARGE_TABLE_ROWS = 2000;
/** {@link HIGHLIGHTED_ATTRIBUTE}'s value on elements inside a large table. */
export const TINT_VALUE = 'tint';

// Taken when this module loads, before a page script can replace them (the widget runs in the page's world).
const elementProto = typeof Element === 'function' ? Element.prototype : undefined;
const setAttribute = elementProto?.setAttribute;
const removeAttribute = elementProto?.removeAttribute;
const hasAttribute = elementProto?.hasAttribute;
const getRect = elementProto?.getBoundingClientRect;
const closest = elementProto?.closest;
const tableRows = typeof HTMLTableElement === 'function' ? Object.getOwnPropertyDescriptor(HTMLTableElement.prototype, 'rows')?.get : undefined;

/** Each table's rows (a live collection the browser keeps counted until the table changes). */
const rowsOfTable = new WeakMap<Element, HTMLCollection | null>();

/**
 * What {@link HIGHLIGHTED_ATTRIBUTE} is set to on `element`: {@link TINT_VALUE} inside a large
 * table. Asked at each element's first mark, so a table that grows past the mark (rows appended as
 * the reader pages) has its later cells tinted.
 */
function markValue(element: Element): string {
  const table = closest?.call(element, 'table');
  if (!table || !tableRows) return '';
  let rows = rowsOfTable.get(table);
  if (rows === undefined) {
    try {
      rows = tableRows.call(table) as HTMLCollection;
    } catch {
      // A <table> of another namespace (no HTMLTableElement): not one.
      rows = null;
    }
    rowsOfTable.set(table, rows);
  }
  return rows !== null && rows.length >= LARGE_TABLE_ROWS ? TINT_VALUE : '';
}
const NativeMutationObserver = (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver;

/**
 * Where `element`'s box lies against the viewport and the area near it: 'near' (or no box at all:
 * display: contents, or inside a hidden part, counted near as the tracker counts it), 'under'
 * (near, below the viewport's bottom), 'below' (under the near area), 'far' (otherwise outside
 * it); undefined when no box can be read.
 */
function placeOf(element: Element): 'near' | 'under' | 'below' | 'far' | undefined {
  const win = element.ownerDocument.defaultView;
  const box = getRect?.call(element);
  if (!win || !box) return undefined;
  if (box.width === 0 && box.height === 0) return 'near';
  const height = win.innerHeight;
  const width = win.innerWidth;
  if (box.top > (1 + NEAR_SCREENS) * height) return 'below';
  if (box.bottom < -NEAR_SCREENS * height || box.right < -NEAR_SCREENS * width || box.left > (1 + NEAR_SCREENS) * width) return 'far';
  return box.top > height ? 'under' : 'near';
}

/** The elements holding the text between a range's two ends (most ranges: one text node's parent). */
function holdersOf(range: AbstractRange): Element[] {
  const holder = (node: Node): Element | null =>
    node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host as Element | undefined) ?? null;
  const first = holder(range.startContainer);
  const end = range.endContainer;
  if (range.startContainer === end) return first ? [first] : [];
  const holders = new Set<Element>(first ? [first] : []);
  // Document order from the start to the end container; a range of a few characters crosses a
  // few inline elements at most, and the walk stops at the end or after a bounded number of steps.
  let node: Node | null = range.startContainer;
  for (let steps = 0; node && node !== end && steps < 256; steps++) {
    node = node.firstChild ?? nextOutside(node, null);
    if (node?.nodeType === 3) {
      const element = holder(node);
      if (element) holders.add(element);
    }
  }
  return [...holders];
}

/**
 * A registry keyed by each range's parent element, which is what the tracker follows. While an
 * element's ranges are near the viewport, the elements holding their text carry
 * {@link HIGHLIGHTED_ATTRIBUTE}. The first `provisionalRanges` ranges count as near before their
 * element's first report (see {@link PROVISIONAL_RANGES}). `followByBoxes` false: the elements put off
 * to the end of a pass wait for their reports instead (`follow`), for a page whose own scripts keep
 * its layout dirty (the PDF viewer: pdf.js adds text layers while the reader scrolls, and reading
 * one box there laid out every new layer inside our task, 70–150 ms).
 */
export function createViewportRegistry<T>(onChange: (item: T, near: boolean) => void, provisionalRanges = PROVISIONAL_RANGES, followByBoxes = true): ViewportRegistry<T> | undefined {
  const byElement = new Map<Element, Map<AbstractRange, T>>();
  // The element each range was filed under: by the time a range is deleted its text may have
  // left that element (the page replaced it), and the entry must still go.
  const elementOf = new Map<AbstractRange, Element>();
  // How many near ranges hold text in each marked element, and the elements each near range marked.
  const marks = new Map<Element, number>();
  const marked = new Map<AbstractRange, Element[]>();
  // Ranges still to be decided on before their element's first report (PROVISIONAL_RANGES).
  let provisional = provisionalRanges;
  // By the boxes read: 0 on or above the viewport, 1 below it, 2 below the near area (no more reads).
  let passed = provisionalRanges > 0 ? 0 : 2;
  // Boxes read ahead by `measure`, used by `add`.
  const measured = new Map<Element, boolean | 'far'>();
  // Elements below the near area not followed yet (see `follow`), once a box was read there.
  const deferred = new Set<Element>();
  let belowNear = false;

  /** Near (true) or far by `element`'s box, where one can be read; undefined: wait for the report. */
  const position = (element: Element): boolean | 'far' | undefined => {
    if (passed >= 2) return undefined;
    const place = placeOf(element);
    if (place === 'below') {
      passed = 2;
      belowNear = true;
      return 'far';
    }
    if (place === 'under') passed = Math.max(passed, 1);
    return place === undefined ? undefined : place !== 'far';
  };

  // A page that morphs its DOM to new markup (idiomorph, morphdom) drops attributes it did not
  // write while keeping the text: a mark taken off that way is put back.
  const keeper =
    typeof NativeMutationObserver === 'function'
      ? new NativeMutationObserver((records) => {
          for (const { target } of records) {
            const element = target as Element;
            if (marks.has(element) && !hasAttribute?.call(element, HIGHLIGHTED_ATTRIBUTE)) setAttribute?.call(element, HIGHLIGHTED_ATTRIBUTE, markValue(element));
          }
        })
      : undefined;

  const mark = (range: AbstractRange): void => {
    if (marked.has(range)) return;
    const holders = holdersOf(range);
    marked.set(range, holders);
    for (const element of holders) {
      const count = marks.get(element) ?? 0;
      marks.set(element, count + 1);
      if (count > 0) continue;
      setAttribute?.call(element, HIGHLIGHTED_ATTRIBUTE, markValue(element));
      keeper?.observe(element, { attributes: true, attributeFilter: [HIGHLIGHTED_ATTRIBUTE] });
    }
  };
  const unmark = (range: AbstractRange): void => {
    const holders = marked.get(range);
    if (!holders) return;
    marked.delete(range);
    for (const element of holders) {
      const count = (marks.get(element) ?? 1) - 1;
      if (count > 0) marks.set(element, count);
      else {
        marks.delete(element);
        removeAttribute?.call(element, HIGHLIGHTED_ATTRIBUTE);
      }
    }
  };

  const tracker = createViewportTracker((element, near) => {
    for (const [range, item] of byElement.get(element) ?? []) {
      if (near) mark(range);
      else unmark(range);
      onChange(item, near);
    }
  });
  if (!tracker) return undefined;
  return {
    scope: `[${HIGHLIGHTED_ATTRIBUTE}]`,
    tintScope: `[${HIGHLIGHTED_ATTRIBUTE}="${TINT_VALUE}"]`,
    add(range, item) {
      const element = range.startContainer.parentElement;
      // Text right inside a shadow root has no element to follow: registered at once.
      if (!element) {
        mark(range);
        return true;
      }
      elementOf.set(range, element);
      const items = byElement.get(element);
      if (items) items.set(range, item);
      else byElement.set(element, new Map([[range, item]]));
      if (deferred.has(element)) return false;
      // An element seen for the first time while the budget lasts is taken as its box says.
      let assume: boolean | 'far' | undefined;
      if (provisional > 0) {
        provisional--;
        assume = measured.has(element) ? measured.get(element) : position(element);
        if (provisional === 0) passed = 2;
      }
      measured.delete(element);
      if (!items && assume === undefined && belowNear) {
        // Below the near area: followed from the end of the pass (see `follow`).
        deferred.add(element);
        return false;
      }
      tracker.observe(element, assume);
      const near = tracker.isNear(element);
      if (near) mark(range);
      return near;
    },
    delete(range) {
      unmark(range);
      const element = elementOf.get(range);
      if (!element) return;
      elementOf.delete(range);
      const items = byElement.get(element);
      if (!items?.delete(range) || items.size > 0) return;
      byElement.delete(element);
      deferred.delete(element);
      tracker.unobserve(element);
    },
    follow() {
      // Their boxes, read in one go (the pass changed no layout), say near or far at once, so
      // that nothing waits a frame for their first reports; the reports confirm or correct it.
      const places = [...deferred].map((element) => [element, followByBoxes ? placeOf(element) : undefined] as const);
      deferred.clear();
      for (const [element, place] of places) {
        if (!byElement.has(element)) continue;
        const near = place === 'near' || place === 'under';
        tracker.observe(element, place === undefined ? undefined : near || 'far');
        if (!near) continue;
        for (const [range, item] of byElement.get(element) ?? []) {
          mark(range);
          onChange(item, true);
        }
      }
    },
    settled: () => tracker.settled(),
    awaiting: () => tracker.awaiting(),
    measure(ranges) {
      measured.clear();
      let budget = provisional;
      for (const range of ranges) {
        if (budget-- <= 0 || passed >= 2) return;
        const element = range.startContainer.parentElement;
        if (!element || byElement.has(element) || measured.has(element)) continue;
        const assume = position(element);
        if (assume !== undefined) measured.set(element, assume);
      }
    },
    passed: () => passed,
    below(node, screens) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const win = element?.ownerDocument.defaultView;
      const box = element && getRect?.call(element);
      return Boolean(win && box && box.top > (screens === 1 ? 1 : 1 + NEAR_SCREENS) * win.innerHeight);
    },
    disconnect() {
      keeper?.disconnect();
      for (const range of [...marked.keys()]) unmark(range);
      tracker.disconnect();
      measured.clear();
      deferred.clear();
      byElement.clear();
      elementOf.clear();
    },
  };
}
