// The viewport tracker against a stand-in IntersectionObserver the test drives; the real one is
// exercised in tests/e2e/dom-annotator.test.ts (ranges registered as the reader scrolls).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewportTracker } from '../../src/dom/viewport';

type Callback = (entries: Array<Partial<IntersectionObserverEntry>>) => void;

let observers: FakeObserver[] = [];

class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(
    readonly callback: Callback,
    readonly options: IntersectionObserverInit,
  ) {
    observers.push(this);
  }
  observe(target: Element): void {
    this.targets.add(target);
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
  }
  /** What the browser does after a frame: one entry per element. */
  report(target: Element, isIntersecting: boolean, size = 20): void {
    const box = { width: size, height: size } as DOMRectReadOnly;
    this.callback([{ target, isIntersecting, boundingClientRect: box }]);
  }
}

let changes: Array<[string, boolean]> = [];
let tracker: ViewportTracker;

async function makeTracker(): Promise<FakeObserver> {
  vi.resetModules();
  const { createViewportTracker } = await import('../../src/dom/viewport');
  tracker = createViewportTracker((element, near) => changes.push([element.id, near])) as ViewportTracker;
  expect(tracker).toBeDefined();
  return observers[0] as FakeObserver;
}

function element(id: string): Element {
  const p = document.createElement('p');
  p.id = id;
  document.body.append(p);
  return p;
}

beforeEach(() => {
  observers = [];
  changes = [];
  vi.useFakeTimers();
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  tracker?.disconnect();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('viewport tracker', () => {
  it('reports elements coming near the viewport and leaving it, with a screenful of margin', async () => {
    const observer = await makeTracker();
    expect(observer.options.rootMargin).toBe('100%');
    const a = element('a');
    const b = element('b');
    tracker.observe(a);
    tracker.observe(b);
    let settled = false;
    void tracker.settled().then(() => (settled = true));
    observer.report(a, true);
    await Promise.resolve();
    expect(settled).toBe(false);
    observer.report(b, false);
    await vi.waitFor(() => expect(settled).toBe(true));
    // A far element is not reported as a change; near ones are, and so is leaving.
    expect(changes).toEqual([['a', true]]);
    expect(tracker.isNear(a)).toBe(true);
    expect(tracker.isNear(b)).toBe(false);
    observer.report(b, true);
    observer.report(a, false);
    expect(changes).toEqual([['a', true], ['b', true], ['a', false]]);
  });

  it('an element without a box (display: contents) counts as near rather than unhighlighted', async () => {
    const observer = await makeTracker();
    const a = element('a');
    tracker.observe(a);
    observer.report(a, false, 0);
    expect(changes).toEqual([['a', true]]);
  });

  it('in a tab that renders no frame, unreported elements count as near after a short wait', async () => {
    await makeTracker();
    const a = element('a');
    tracker.observe(a);
    let settled = false;
    void tracker.settled().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toBe(false);
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(settled).toBe(true);
    expect(changes).toEqual([['a', true]]);
  });

  it('observing a known element again waits for nothing; unobserved elements report nothing more', async () => {
    const observer = await makeTracker();
    const a = element('a');
    tracker.observe(a);
    observer.report(a, false);
    tracker.observe(a);
    let settled = false;
    void tracker.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(true);
    tracker.unobserve(a);
    expect(observer.targets.has(a)).toBe(false);
    observer.report(a, true);
    expect(changes).toEqual([]);
  });

  it('disconnect releases whoever waits for first reports', async () => {
    await makeTracker();
    tracker.observe(element('a'));
    let settled = false;
    void tracker.settled().then(() => (settled = true));
    tracker.disconnect();
    await Promise.resolve();
    expect(settled).toBe(true);
    expect(changes).toEqual([]);
  });
});
