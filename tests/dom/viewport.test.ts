// The viewport tracker against a stand-in IntersectionObserver the test drives; the real one is
// exercised in tests/e2e/dom-annotator.test.ts (ranges registered as the reader scrolls).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewportRegistry, ViewportTracker } from '../../src/dom/viewport';

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

describe('viewport registry', () => {
  let registry: ViewportRegistry<string>;
  let reports: Array<[string, boolean]>;

  /** A registry; `provisional`: ranges counted as near before their first report (none by default here). */
  async function makeRegistry(provisional = 0, followByBoxes = true): Promise<FakeObserver> {
    vi.resetModules();
    const { createViewportRegistry } = await import('../../src/dom/viewport');
    reports = [];
    registry = createViewportRegistry<string>((item, near) => reports.push([item, near]), provisional, followByBoxes) as ViewportRegistry<string>;
    return observers[0] as FakeObserver;
  }

  afterEach(() => registry?.disconnect());

  // happy-dom has no StaticRange; a live Range is an AbstractRange too.
  function textRange(parent: Node): AbstractRange {
    const text = document.createTextNode('坚持六稳');
    parent.appendChild(text);
    const range = document.createRange();
    range.setStart(text, 2);
    range.setEnd(text, 4);
    return range;
  }

  it('follows each range through its element: one observation, both ranges reported, dropped with the last', async () => {
    const observer = await makeRegistry();
    const p = element('p');
    const first = textRange(p);
    const second = textRange(p);
    expect(registry.add(first, 'first')).toBe(false);
    expect(registry.add(second, 'second')).toBe(false);
    expect([...observer.targets]).toEqual([p]);
    observer.report(p, true);
    expect(reports).toEqual([['first', true], ['second', true]]);
    // Near already: a range added now is registered at once.
    expect(registry.add(textRange(p), 'third')).toBe(true);
    registry.delete(first);
    expect(observer.targets.has(p)).toBe(true);
    registry.delete(second);
    expect(observer.targets.has(p)).toBe(true);
    observer.report(p, false);
    expect(reports.slice(2)).toEqual([['third', false]]);
  });

  it('counts the first ranges as near before any report, waits for none of them, and drops those reported far', async () => {
    const observer = await makeRegistry(2);
    const [a, b, c] = [element('a'), element('b'), element('c')];
    // Table: [element, item, registered at once]; the budget is two ranges, the third waits.
    const rows: Array<[Element, string, boolean]> = [
      [a, 'a1', true],
      [b, 'b1', true],
      [c, 'c1', false],
      // A known element keeps what it was counted as.
      [a, 'a2', true],
      [c, 'c2', false],
    ];
    for (const [parent, item, registered] of rows) expect([item, registry.add(textRange(parent), item)]).toEqual([item, registered]);
    expect(registry.awaiting()).toBe(true);
    expect([...document.querySelectorAll(registry.scope)].map((el) => el.id)).toEqual(['a', 'b']);
    observer.report(c, true);
    expect(registry.awaiting()).toBe(false);
    // The report on b says far: its range is dropped and b loses its mark; a's report agrees.
    observer.report(b, false);
    observer.report(a, true);
    expect(reports).toEqual([['c1', true], ['c2', true], ['b1', false]]);
    expect([...document.querySelectorAll(registry.scope)].map((el) => el.id)).toEqual(['a', 'c']);
  });

  it('places the first ranges by their element’s box: near ones registered, far ones waiting for nothing, and those below the near area followed only from follow()', async () => {
    // Boxes by element id, in viewport heights from the top (happy-dom lays nothing out).
    // `fixed` comes late in the document but is drawn at the top (a fixed footer bar, say).
    const screens: Record<string, number> = { top: 0.1, second: 1.5, far: 2.5, later: 4, fixed: 0.5 };
    const original = Element.prototype.getBoundingClientRect;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      const top = (screens[this.id] ?? 0) * innerHeight;
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top } as DOMRect;
    };
    try {
      const observer = await makeRegistry(10);
      const [top, second, far, later, fixed] = [element('top'), element('second'), element('far'), element('later'), element('fixed')];
      const topRange = textRange(top);
      expect(registry.add(topRange, 'top1')).toBe(true);
      expect(registry.passed?.()).toBe(0);
      expect(registry.below?.(topRange.startContainer, 1)).toBe(false);
      // Below the viewport but within the near area: near, and the reader's screen is all in.
      const secondRange = textRange(second);
      expect(registry.below?.(secondRange.startContainer, 1)).toBe(true);
      expect(registry.below?.(secondRange.startContainer, 2)).toBe(false);
      expect(registry.add(secondRange, 'second1')).toBe(true);
      expect(registry.passed?.()).toBe(1);
      // Below the near area: far without a report, and what follows waits for its report.
      expect(registry.add(textRange(far), 'far1')).toBe(false);
      expect(registry.passed?.()).toBe(2);
      expect(registry.awaiting()).toBe(false);
      expect(registry.add(textRange(later), 'later1')).toBe(false);
      expect(registry.add(textRange(fixed), 'fixed1')).toBe(false);
      expect(observer.targets.has(later)).toBe(false);
      expect(reports).toEqual([]);
      // Followed from the pass's end, each as its box says: the one drawn near is registered at once.
      registry.follow?.();
      expect(observer.targets.has(later)).toBe(true);
      expect(observer.targets.has(fixed)).toBe(true);
      expect(registry.awaiting()).toBe(false);
      expect(reports).toEqual([['fixed1', true]]);
      // Reports still correct what the boxes said.
      observer.report(later, true);
      observer.report(far, true);
      observer.report(fixed, false);
      expect(reports).toEqual([['fixed1', true], ['later1', true], ['far1', true], ['fixed1', false]]);
      expect([...document.querySelectorAll(registry.scope)].map((el) => el.id)).toEqual(['top', 'second', 'far', 'later']);
    } finally {
      Element.prototype.getBoundingClientRect = original;
    }
  });

  it('without following by boxes (the PDF viewer), follow() reads no box: the put-off elements wait for their reports', async () => {
    const screens: Record<string, number> = { top: 0.1, far: 2.5, fixed: 0.5 };
    const original = Element.prototype.getBoundingClientRect;
    let reads = 0;
    Element.prototype.getBoundingClientRect = function (this: Element) {
      reads += 1;
      const top = (screens[this.id] ?? 0) * innerHeight;
      return { top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top } as DOMRect;
    };
    try {
      const observer = await makeRegistry(10, false);
      const [top, far, fixed] = [element('top'), element('far'), element('fixed')];
      expect(registry.add(textRange(top), 'top1')).toBe(true);
      expect(registry.add(textRange(far), 'far1')).toBe(false);
      expect(registry.add(textRange(fixed), 'fixed1')).toBe(false);
      const before = reads;
      registry.follow?.();
      expect(reads).toBe(before);
      // Followed, near by nothing yet: the drawn-near one waits for its report.
      expect(observer.targets.has(fixed)).toBe(true);
      expect(reports).toEqual([]);
      expect(registry.awaiting()).toBe(true);
      observer.report(fixed, true);
      expect(reports).toEqual([['fixed1', true]]);
    } finally {
      Element.prototype.getBoundingClientRect = original;
    }
  });

  it('without a budget nothing counts as near before its report', async () => {
    const observer = await makeRegistry(0);
    const p = element('p');
    expect(registry.add(textRange(p), 'only')).toBe(false);
    expect(registry.awaiting()).toBe(true);
    observer.report(p, true);
    expect(registry.awaiting()).toBe(false);
  });

  it('drops a range whose text the page moved out of its element before it was deleted', async () => {
    const observer = await makeRegistry();
    const p = element('p');
    const range = textRange(p);
    registry.add(range, 'moved');
    range.startContainer.parentNode?.removeChild(range.startContainer);
    registry.delete(range);
    expect(observer.targets.has(p)).toBe(false);
  });

  it('text with no parent element (right inside a shadow root) is registered at once', async () => {
    const observer = await makeRegistry();
    const host = element('host');
    const shadow = host.attachShadow({ mode: 'open' });
    expect(registry.add(textRange(shadow), 'shadow')).toBe(true);
    expect(observer.targets.size).toBe(0);
  });

  it('marks the elements holding near ranges’ text for the scoped ::highlight() rules, and only while they are near', async () => {
    const observer = await makeRegistry();
    const marked = (): string[] => [...document.querySelectorAll(registry.scope)].map((el) => el.id).sort();
    const p = element('p');
    const q = element('q');
    const first = textRange(p);
    const second = textRange(p);
    registry.add(first, 'first');
    registry.add(second, 'second');
    registry.add(textRange(q), 'far');
    expect(marked()).toEqual([]);
    observer.report(p, true);
    expect(marked()).toEqual(['p']);
    // Counted per range: the element stays marked while one of its near ranges is left.
    registry.delete(first);
    expect(marked()).toEqual(['p']);
    observer.report(p, false);
    expect(marked()).toEqual([]);
    observer.report(p, true);
    registry.delete(second);
    expect(marked()).toEqual([]);
    observer.report(q, true);
    expect(marked()).toEqual(['q']);
    registry.disconnect();
    expect(marked()).toEqual([]);
  });

  it('puts a mark back when the page takes it off but keeps the text (a DOM morph), and lets its own removals be', async () => {
    const observer = await makeRegistry();
    const p = element('p');
    const range = textRange(p);
    registry.add(range, 'morphed');
    observer.report(p, true);
    p.removeAttribute('data-pg-hl');
    await vi.advanceTimersByTimeAsync(1);
    expect(p.hasAttribute('data-pg-hl')).toBe(true);
    observer.report(p, false);
    await vi.advanceTimersByTimeAsync(1);
    expect(p.hasAttribute('data-pg-hl')).toBe(false);
  });

  it('a range split over elements (六<b>稳</b>) marks every element holding part of its text', async () => {
    const observer = await makeRegistry();
    const p = element('p');
    p.innerHTML = '坚持六<b id="b">稳</b><i id="i">，</i>';
    const range = document.createRange();
    range.setStart(p.firstChild as Text, 2);
    range.setEnd(document.getElementById('b')?.firstChild as Text, 1);
    expect(registry.add(range, 'split')).toBe(false);
    observer.report(p, true);
    expect([...document.querySelectorAll(registry.scope)].map((el) => el.id)).toEqual(['p', 'b']);
    registry.delete(range);
    expect(document.querySelectorAll(registry.scope)).toHaveLength(0);
  });

  it('a cell of a large table is marked for the tint, a cell of a small one, its morph put back and its own removal as the rest', async () => {
    const observer = await makeRegistry();
    const { LARGE_TABLE_ROWS, TINT_VALUE } = await import('../../src/dom/viewport');
    const table = (rows: number): HTMLTableCellElement => {
      const element = document.createElement('table');
      element.innerHTML = '<tr><td></td></tr>'.repeat(rows);
      document.body.append(element);
      return element.querySelector('td') as HTMLTableCellElement;
    };
    const small = table(LARGE_TABLE_ROWS - 1);
    const large = table(LARGE_TABLE_ROWS);
    const inSmall = textRange(small);
    const inLarge = textRange(large);
    registry.add(inSmall, 'small');
    registry.add(inLarge, 'large');
    observer.report(small, true);
    observer.report(large, true);
    expect(small.getAttribute('data-pg-hl')).toBe('');
    expect(large.getAttribute('data-pg-hl')).toBe(TINT_VALUE);
    expect([...document.querySelectorAll(registry.tintScope ?? 'none')]).toEqual([large]);
    // Both are in the scope every highlight rule applies to; the tint rules come after them.
    expect([...document.querySelectorAll(registry.scope)]).toEqual([small, large]);
    large.removeAttribute('data-pg-hl');
    await vi.advanceTimersByTimeAsync(1);
    expect(large.getAttribute('data-pg-hl')).toBe(TINT_VALUE);
    registry.delete(inLarge);
    expect(large.hasAttribute('data-pg-hl')).toBe(false);
    registry.delete(inSmall);
    // The small table grows past the mark (rows appended as the reader pages): its cells marked
    // from then on are tinted.
    const row = document.createElement('tr');
    const added = document.createElement('td');
    row.append(added);
    small.parentElement?.after(row);
    registry.add(textRange(added), 'added');
    observer.report(added, true);
    expect(added.getAttribute('data-pg-hl')).toBe(TINT_VALUE);
  });

  it('text right inside a shadow root marks its host', async () => {
    await makeRegistry();
    const host = element('host');
    const range = textRange(host.attachShadow({ mode: 'open' }));
    registry.add(range, 'shadow');
    expect(host.hasAttribute('data-pg-hl')).toBe(true);
    registry.delete(range);
    expect(host.hasAttribute('data-pg-hl')).toBe(false);
  });

  it('is undefined where the browser has no IntersectionObserver', async () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    vi.resetModules();
    const { createViewportRegistry } = await import('../../src/dom/viewport');
    expect(createViewportRegistry(() => {})).toBeUndefined();
  });
});
