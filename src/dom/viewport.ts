// Follows which elements are near the viewport, so that highlight mode registers only the ranges
// a reader can scroll to soon (the extension's choice; the widget keeps its script small without).
// Chromium revalidates every registered highlight range whenever a highlight or the page's DOM
// changes: with thousands registered, each change costs a frame tens of milliseconds; with the few
// hundred near the viewport, next to nothing.
import { cancelTimer, startTimer } from './natives';

/** How far outside the viewport an element still counts as near: a screenful each way. */
const NEAR_MARGIN = '100%';
/**
 * Longest wait for the first report on an element. Reports come with the next rendered frame,
 * which a hidden tab never renders; past this wait, unreported elements count as near.
 */
const FIRST_REPORT_MS = 250;
// Taken when this module loads, before a page script can replace it.
const NativeObserver = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;

/** Reports elements entering and leaving the area near the viewport. */
export interface ViewportTracker {
  /** Starts following `element`; its first report comes soon after (see `settled`). */
  observe(element: Element): void;
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
    observe(element) {
      if (tracked.has(element)) return;
      tracked.add(element);
      unreported.add(element);
      observer.observe(element);
    },
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
  /** Stops following everything. */
  disconnect(): void;
}

/** Makes a registry reporting through `onChange` (undefined where nearness cannot be followed). */
export type ViewportRegistryFactory = <T>(onChange: (item: T, near: boolean) => void) => ViewportRegistry<T> | undefined;

/** A registry keyed by each range's parent element, which is what the tracker follows. */
export function createViewportRegistry<T>(onChange: (item: T, near: boolean) => void): ViewportRegistry<T> | undefined {
  const byElement = new Map<Element, Map<AbstractRange, T>>();
  // The element each range was filed under: by the time a range is deleted its text may have
  // left that element (the page replaced it), and the entry must still go.
  const elementOf = new Map<AbstractRange, Element>();
  const tracker = createViewportTracker((element, near) => {
    for (const item of byElement.get(element)?.values() ?? []) onChange(item, near);
  });
  if (!tracker) return undefined;
  return {
    add(range, item) {
      const element = range.startContainer.parentElement;
      // Text right inside a shadow root has no element to follow: registered at once.
      if (!element) return true;
      elementOf.set(range, element);
      const items = byElement.get(element);
      if (items) items.set(range, item);
      else byElement.set(element, new Map([[range, item]]));
      tracker.observe(element);
      return tracker.isNear(element);
    },
    delete(range) {
      const element = elementOf.get(range);
      if (!element) return;
      elementOf.delete(range);
      const items = byElement.get(element);
      if (!items?.delete(range) || items.size > 0) return;
      byElement.delete(element);
      tracker.unobserve(element);
    },
    settled: () => tracker.settled(),
    disconnect() {
      tracker.disconnect();
      byElement.clear();
      elementOf.clear();
    },
  };
}
