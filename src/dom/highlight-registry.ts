// How shown matches look on the page: their ranges in each document's CSS Custom Highlight
// registry (those near the viewport, given a viewport registry) or their <pg-term> wrappers, the
// active match's mark, and the style sheets that draw them.
import type { Held, PageMatch, Scope } from './match-ranges';
import { HIGHLIGHT_NAMES, createStyleHost, resolveHighlightStyle, type HighlightStyleOption } from './styles';
import type { ViewportRegistryFactory } from './viewport';
import { unwrapMatch, type SplitRegistry } from './wrap';

const PROBE_NAME = 'pg-probe';

interface DocumentHighlights {
  term: Highlight;
  fuzzy: Highlight;
  unknown: Highlight;
  active: Highlight;
  owner: HighlightRegistry;
}

/** The marks of one annotator. */
export interface MatchMarks {
  /** Wrap mode: the text nodes the wrappers split (for restoring the page's DOM exactly). */
  readonly split: SplitRegistry;
  /** Highlight mode with a viewport registry: how many matches were ever registered for being near. */
  nearCount(): number;
  /** Whether only the ranges near the viewport are registered. */
  readonly followsViewport: boolean;
  /** Resolves once every range staged so far is known to be near the viewport or not. */
  settled(): Promise<void> | undefined;
  /** Whether a range handed to the viewport registry awaits its first report. */
  awaiting(): boolean;
  /** How far below the reader's screen the ranges handed over have gone (see ViewportRegistry.passed). */
  passed(): number;
  /** Whether `node` lies below the viewport or the area near it (see ViewportRegistry.below). */
  below(node: Node, screens: number): boolean;
  /** Lets the style sheets reach a scope that has matches. */
  attachStyles(scope: Scope, doc: Document): void;
  setStyle(style: HighlightStyleOption): void;
  /** Highlight mode: a shown match whose range goes to the registry at the next {@link flush}. */
  stage(match: PageMatch): void;
  /**
   * Hands the staged ranges to the registered highlights in one go (in Chromium every change
   * to a registered highlight makes the next frame re-walk the page's paint tree), those near the
   * viewport now, the others when the reader scrolls near them. `passEnd`: the pass is done, so
   * the viewport registry follows the elements it put off (see ViewportRegistry.follow).
   */
  flush(passEnd?: boolean): void;
  /** Takes a hidden match's marks off the page (unwraps, unregisters). */
  remove(match: PageMatch, info: Held): void;
  /** Takes the active mark off (`previous`: the active match, if still held). */
  clearActive(previous: Held | undefined): void;
  /** Marks a shown match as the active one. */
  markActive(next: Held): void;
  destroy(): void;
}

/**
 * Marks for an annotator in `mode`; `lookup` gives what is held about a shown match (undefined
 * once hidden).
 */
export function createMatchMarks(options: {
  mode: 'highlight-api' | 'wrap';
  viewport?: ViewportRegistryFactory;
  style?: HighlightStyleOption;
  lookup: (match: PageMatch) => Held | undefined;
}): MatchMarks {
  const { mode, lookup } = options;
  const registries = new Map<Document, DocumentHighlights>();
  const noRegistry = new WeakSet<Document>();
  /** Highlight mode: shown matches whose ranges are not in the registry yet. */
  const staged = new Set<PageMatch>();
  /** Highlight mode, given a registry: which matches are near the viewport. */
  const viewport = mode === 'wrap' ? undefined : options.viewport?.<PageMatch>((match, near) => nearViewport(match, near));
  // With a registry, the ::highlight() rules apply only to the elements holding its near ranges.
  const styles = createStyleHost(resolveHighlightStyle(options.style), mode, viewport?.scope, viewport?.tintScope);
  /** Matches registered for being near the viewport, ever: grows while a pass finds the reader's screens. */
  let nearCount = 0;
  const split: SplitRegistry = new WeakSet();

  function registryFor(doc: Document): DocumentHighlights | undefined {
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

  function register(match: PageMatch, info: Held): void {
    // A quiet match is followed by the viewport registry like the others, so that the active mark
    // reaches it, but is in no drawn highlight.
    if (!info.bounds || match.quiet) return;
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
    const info = lookup(match);
    if (info && near) {
      register(match, info);
      nearCount++;
    } else if (info) unregister(info);
  }

  return {
    split,
    nearCount: () => nearCount,
    followsViewport: viewport !== undefined,
    settled: () => viewport?.settled(),
    awaiting: () => viewport?.awaiting() ?? false,
    passed: () => viewport?.passed?.() ?? 0,
    below: (node, screens) => viewport?.below?.(node, screens) ?? false,
    attachStyles(scope, doc) {
      styles.attach(scope);
      if (scope.nodeType !== 9) styles.attach(doc);
    },
    setStyle: (style) => styles.update(resolveHighlightStyle(style)),
    stage: (match) => staged.add(match),
    flush(passEnd = false) {
      if (viewport?.measure && staged.size > 0) {
        const ranges: AbstractRange[] = [];
        for (const match of staged) {
          const bounds = lookup(match)?.bounds;
          if (bounds) ranges.push(bounds);
        }
        viewport.measure(ranges);
      }
      for (const match of staged) {
        const info = lookup(match);
        if (info?.bounds && (!viewport || viewport.add(info.bounds, match))) {
          register(match, info);
          nearCount++;
        }
      }
      staged.clear();
      if (passEnd) viewport?.follow?.();
    },
    remove(match, info) {
      staged.delete(match);
      if (info.wrappers) unwrapMatch(info.wrappers, split);
      unregister(info);
      if (info.bounds) viewport?.delete(info.bounds);
    },
    clearActive(previous) {
      for (const el of previous?.wrappers ?? []) el.removeAttribute('data-pg-active');
      for (const registry of registries.values()) registry.active.clear();
    },
    markActive(next) {
      for (const el of next.wrappers ?? []) el.setAttribute('data-pg-active', '');
      if (next.bounds) registryFor(next.state.doc)?.active.add(next.bounds);
    },
    destroy() {
      viewport?.disconnect();
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
    },
  };
}

/** Whether `doc` has a working Highlight API (a page may define its own global `Highlight`). */
export function highlightApiIn(doc: Document): boolean {
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
