// Decides when the tooltip opens and closes: hover (delayed, hoverable, dismissible), keyboard
// (Alt+Shift+→/← walks the page's matches, Esc closes), focus of a wrapped term, and touch taps.
import { render } from 'preact';
import type { SloganUsage } from '../core/slogan-usage';
import type { GlossaryPack, PackEntry, TextMatch } from '../core/types';
import { cancelTimer, now, startTimer } from '../dom/natives';
import type { PageMatch, UIAnnotator } from './annotator-contract';
import { cancelFrame, requestFrame } from './frame';
import type { FrameHandle } from './frame';
import { placeNear } from './position';
import type { Anchor, Positioner } from './position';
import type { Strings } from './strings';
import { mountTooltipHost, TooltipView } from './tooltip';
import { findEntry } from './entry-card';
import type { Theme, TooltipHost } from './tooltip';
import { termStepFromKey } from './shortcut';
import type { SenseSupport } from './sense-views';
import { adoptStyles } from './styles';
import { listenForHover, type HoverHandlers } from './hover-listeners';
import { IDLE, nextTooltipState, shownOf, type OpenVia, type TooltipEffect, type TooltipEvent, type TooltipState } from './tooltip-state';

export type { OpenVia } from './tooltip-state';

/** Options of {@link mountGlossaryUI}. */
export interface GlossaryUIOptions {
  annotator: UIAnnotator;
  /** The glossary: a whole pack, or a source whose entries arrive on demand (the extension's). */
  pack: GlossaryPack | EntrySource;
  strings: Strings;
  /** Milliseconds the pointer rests on a term before its tooltip opens (default 300). */
  hoverDelay?: number;
  /** Called from an unknown slogan's "add to my glossary" button; the button is hidden without it. */
  onAddToGlossary?: (match: TextMatch) => void;
  /** Called from an unknown slogan's "search the glossary" button; the button is hidden without it. */
  onSearch?: (text: string) => void;
  theme?: Theme;
  /**
   * The tooltip's CSS: styles.ts TOOLTIP_STYLES, or a promise of it. The extension's content script
   * asks the background for it (a promise that settles long before a hover), which keeps its 1.3 KB
   * (gzipped) out of the script every government page loads.
   */
  styles: string | Promise<string>;
  document?: Document;
  /** How the tooltip is kept beside its term (default {@link placeNear}). */
  positioner?: Positioner;
  /** Which of a term's definitions this page is shown, and the views for the others (see TooltipViewProps.senses). */
  senses?: SenseSupport;
  /**
   * What the whole glossary knows about an unknown slogan (core/slogan-usage.ts): undefined while
   * it is on its way (the owner calls `refresh()` when it comes). Passed in, not computed here: it
   * reads every entry, which the extension's pages do not hold and the widget loads with its fuzzy chunk.
   */
  sloganUsage?: (text: string) => SloganUsage<PackEntry> | undefined;
}

/**
 * Entries that arrive on demand: `current()` is a pack of those known so far; `request` asks for
 * missing ones, and the owner calls `refresh()` when they come (the tooltip shows a loading state).
 */
export interface EntrySource {
  current(): GlossaryPack;
  request(entryIds: string[]): void;
}

/** The mounted UI. */
export interface GlossaryUI {
  /** The tooltip's shadow host (carries the UI host attribute). */
  readonly host: HTMLElement;
  open(match: PageMatch, via: OpenVia): void;
  close(): void;
  /** Scrolls to the first occurrence of an entry and opens its tooltip; false when it is not on the page. */
  showEntry(entryId: string): boolean;
  /** Draws the open tooltip again (its sense choice changed). */
  refresh(): void;
  destroy(): void;
}

/** Time the pointer may spend between the term and its tooltip without the tooltip closing. */
const CLOSE_GRACE_MS = 400;
/**
 * How long text the page re-rendered under a resting pointer may stay without a match: the
 * annotator highlights new text only after coalescing the page's changes (100 ms or more), so
 * for that long nothing is under the pointer although the term is back on the page.
 */
const REFIND_MS = 1000;
/** How often the resting pointer's spot is hit-tested again during that time. */
const REFIND_POLL_MS = 50;
/** A pointer within this many pixels of where it last was on a term has not left it (hand tremor). */
const REST_SLOP_PX = 4;

let nextTitleId = 0;

// Nodes of same-origin iframes belong to another realm, where `instanceof Node` is false: duck-type.
const isNode = (target: EventTarget | null | undefined): target is Node => typeof (target as Node | null)?.nodeType === 'number';
const isElement = (target: EventTarget | null | undefined): target is HTMLElement => isNode(target) && target.nodeType === 1;
const isFrame = (target: EventTarget | null): target is HTMLIFrameElement => isElement(target) && target.localName === 'iframe';

/** Whether the page removed the match's text (a framework re-render replaces it with new nodes). */
const replaced = (match: PageMatch): boolean => !match.range.startContainer.isConnected;

/**
 * Whether `after` is the occurrence `before` was, as a reader sees it: the same match, or — when the
 * page re-rendered the text, which gives the term a new match (new id) — the same term at the same
 * offset in place of one whose text is gone. Hovering must not restart on every render.
 */
const sameOccurrence = (before: PageMatch, after: PageMatch): boolean =>
  before.id === after.id ||
  (replaced(before) &&
    before.kind === after.kind &&
    before.entryId === after.entryId &&
    before.text === after.text &&
    before.start === after.start);

/**
 * The match as an anchor: the line box under the pointer, else its first line box. A match whose
 * text the page removed reports `lost` and keeps its last rect, so the tooltip does not jump.
 */
function anchorFor(match: PageMatch, point: { x: number; y: number } | undefined, lost: () => void): Anchor {
  let last: DOMRect | undefined;
  return {
    getBoundingClientRect() {
      if (!match.range.startContainer.isConnected) {
        lost();
        if (last) return last;
      }
      const rects = Array.from(match.range.getClientRects());
      const under = point && rects.find((r) => point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom);
      last = under ?? rects[0] ?? match.range.getBoundingClientRect();
      return last;
    },
    contextElement: match.element ?? match.range.startContainer.parentElement ?? undefined,
  };
}

/**
 * Mounts the tooltip UI for an annotated page. Hover opens after `hoverDelay` and stays open while
 * the pointer is over the term or the tooltip (WCAG 1.4.13); Alt+Shift+→ / Alt+Shift+← open the
 * next/previous term as a dialog; Esc closes and returns focus; focusing a wrapped term or tapping
 * a term opens it. Handlers never throw into the page; `destroy()` removes every listener.
 */
export function mountGlossaryUI(options: GlossaryUIOptions): GlossaryUI {
  const { annotator, pack, strings, onAddToGlossary, onSearch, theme, senses, sloganUsage, styles } = options;
  const doc = options.document ?? document;
  const view = doc.defaultView ?? window;
  const hoverDelay = options.hoverDelay ?? 300;
  const positioner = options.positioner ?? placeNear;
  const tooltip: TooltipHost = mountTooltipHost({ document: doc, strings, theme, styles });
  const { host, mount, shadowRoot } = tooltip;
  if (senses) adoptStyles(shadowRoot, senses.views.styles);
  /** Events from inside our shadow root reach the document retargeted to the host; some engines do not retarget. */
  const inUI = (target: EventTarget | null): boolean =>
    target === host || (isNode(target) && target.getRootNode() === shadowRoot);
  const titleId = `pg-title-${++nextTitleId}`;

  let state: TooltipState<PageMatch> = IDLE;
  /** The match opened last: keyboard navigation continues from it after a close. */
  let last: PageMatch | undefined;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  let watchUntil = 0;
  /** Where the pointer last was on the hovered or pending term. */
  let restedAt: { x: number; y: number } | undefined;
  let frame: FrameHandle | undefined;
  let pointer = { x: 0, y: 0, overUI: false };
  let pointerType = 'mouse';
  let stopPositioning: (() => void) | undefined;
  let returnFocus: Element | undefined;
  let restoringFocus = false;

  /** Runs a handler without ever letting an error reach the page. */
  const guard =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args);
      } catch (error) {
        console.warn('[policy-glossary]', error);
      }
    };

  const resting = (): boolean =>
    restedAt !== undefined && Math.abs(pointer.x - restedAt.x) <= REST_SLOP_PX && Math.abs(pointer.y - restedAt.y) <= REST_SLOP_PX;

  /** Moves the tooltip's state machine (tooltip-state.ts) and carries out what the move calls for. */
  const dispatch = (event: TooltipEvent<PageMatch>) => {
    const facts = { same: sameOccurrence, replaced, resting: resting(), watching: watchTimer !== undefined };
    const move = nextTooltipState(state, event, facts);
    const wasClosing = state.phase === 'closing';
    state = move.state;
    // The two timers follow the state (see tooltip-state.ts).
    const pending = state.phase === 'idle' ? undefined : state.pending;
    if (!pending || pending.due) {
      cancelTimer(openTimer);
      openTimer = undefined;
    }
    if (state.phase !== 'closing') {
      cancelTimer(closeTimer);
      closeTimer = undefined;
    } else if (!wasClosing) {
      closeTimer = startTimer(
        guard(() => {
          closeTimer = undefined;
          dispatch({ type: 'grace-over' });
        }),
        CLOSE_GRACE_MS,
      );
    }
    for (const effect of move.effects) carryOut(effect);
  };

  const carryOut = (effect: TooltipEffect<PageMatch>) => {
    switch (effect.do) {
      case 'show':
        return draw(effect.match, effect.via, effect.from);
      case 'hide':
        return takeDown(effect.restoreFocus);
      case 'delay':
        cancelTimer(openTimer);
        openTimer = startTimer(
          guard(() => {
            openTimer = undefined;
            // The pending term as the page has it now, or once it is found again.
            dispatch({ type: 'hover-delay-over', fresh: annotator.matchAtPoint(pointer.x, pointer.y) });
          }),
          hoverDelay,
        );
        return;
      case 'watch':
        return watch();
      case 'stop-watch':
        return stopWatch();
      case 'retest':
        // The page re-rendered the text: follow the same term under the pointer, once it is found again.
        if (!hitTest()) watch();
        return;
    }
  };

  /** Takes the tooltip down; focus goes back where a dialog took it from when asked. */
  const takeDown = (restoreFocus: boolean) => {
    stopPositioning?.();
    stopPositioning = undefined;
    render(null, mount);
    annotator.setActive(undefined);
    const target = returnFocus;
    returnFocus = undefined;
    if (restoreFocus && isElement(target) && target.isConnected) {
      restoringFocus = true;
      target.focus({ preventScroll: true });
      restoringFocus = false;
    }
  };

  /** Draws the tooltip of `match`; `from` is the tooltip drawn before, if any. */
  const draw = (match: PageMatch, via: OpenVia, from: { match: PageMatch; via: OpenVia } | undefined) => {
    tooltip.attach();
    const dialog = via === 'keyboard' || via === 'tap';
    if (dialog && from?.via !== 'keyboard' && from?.via !== 'tap') {
      const active = doc.activeElement;
      returnFocus = active && !inUI(active) ? active : undefined;
    }
    if (!dialog) returnFocus = undefined;
    const sameMatch = from?.match.id === match.id;
    last = match;
    annotator.setActive(match);
    const known = 'current' in pack ? pack.current() : pack;
    if ('request' in pack && match.entryId !== undefined && !findEntry(known, match.entryId)) pack.request([match.entryId]);
    const usage = match.kind === 'unknown-slogan' ? sloganUsage?.(match.text) : undefined;
    render(
      <TooltipView
        // Keyed by what it explains, not the match object: a rescan (the fuzzy chunk arriving, a page
        // change) makes new matches, and the tooltip of the same term keeps its state (另有 N 个来源 open).
        key={`${match.kind}:${match.entryId ?? match.text}`}
        match={match}
        pack={known}
        strings={strings}
        dialog={dialog}
        titleId={titleId}
        onClose={() => dispatch({ type: 'close', restoreFocus: true })}
        onAddToGlossary={onAddToGlossary}
        onSearch={onSearch}
        senses={senses}
        pageUrl={view.location.href}
        usage={usage}
      />,
      mount,
    );
    const tip = mount.firstElementChild as HTMLElement | null;
    if (!tip) return;
    if (!sameMatch || !stopPositioning) {
      stopPositioning?.();
      const anchor = anchorFor(match, via === 'hover' ? pointer : undefined, () =>
        queueMicrotask(guard(() => dispatch({ type: 'anchor-lost', match }))),
      );
      stopPositioning = positioner(anchor, tip);
    }
    if (dialog) tip.focus({ preventScroll: true });
  };

  /** Scrolls a match into view; its paragraph first (nested scrollers, iframes), then its own window. */
  const reveal = (match: PageMatch) => {
    const element = match.element ?? match.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const own = match.range.startContainer.ownerDocument?.defaultView ?? view;
    const rect = match.range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > own.innerHeight) own.scrollBy(0, rect.top - own.innerHeight / 3);
  };

  const step = (direction: 1 | -1) => {
    const from = shownOf(state)?.match ?? last;
    const walk = (m?: PageMatch) => (direction === 1 ? annotator.next(m) : annotator.previous(m));
    const match = walk(from) ?? (from ? walk() : undefined);
    if (!match) return;
    reveal(match);
    dispatch({ type: 'open', match, via: 'keyboard' });
  };

  /**
   * Tells the state machine what is under the pointer. False when no match is there — possibly
   * only until the annotator has scanned text the page just rendered.
   */
  const hitTest = (): boolean => {
    if (pointer.overUI) {
      dispatch({ type: 'point-ui' });
      return true;
    }
    const match = annotator.matchAtPoint(pointer.x, pointer.y);
    if (!match) {
      dispatch({ type: 'point-none' });
      return false;
    }
    restedAt = { x: pointer.x, y: pointer.y };
    dispatch({ type: 'point-term', match });
    return true;
  };

  /**
   * Hit-tests the resting pointer's spot again for {@link REFIND_MS}: a pointer that has not moved
   * gets no events when the page replaces the text under it, and the new text has a match only
   * after the annotator's next pass.
   */
  const watch = () => {
    watchUntil = now() + REFIND_MS;
    if (watchTimer === undefined) watchTimer = startTimer(guard(recheck), REFIND_POLL_MS);
  };
  const stopWatch = () => {
    cancelTimer(watchTimer);
    watchTimer = undefined;
  };
  const recheck = () => {
    watchTimer = undefined;
    if (hitTest()) return;
    if (now() < watchUntil) watchTimer = startTimer(guard(recheck), REFIND_POLL_MS);
    else dispatch({ type: 'watch-over' });
  };

  const hover = () => {
    frame = undefined;
    if (hitTest()) stopWatch();
    else watch();
  };

  /**
   * The event's point in the top document's client coordinates (what matchAtPoint takes): events
   * from same-origin iframes are offset by each frame's position and border.
   */
  const topPoint = (event: MouseEvent): { x: number; y: number } => {
    let x = event.clientX;
    let y = event.clientY;
    for (let win = event.view; win && win !== view && win.frameElement; win = win.parent) {
      const rect = win.frameElement.getBoundingClientRect();
      x += rect.left + win.frameElement.clientLeft;
      y += rect.top + win.frameElement.clientTop;
    }
    return { x, y };
  };

  const handlers: HoverHandlers = {
    pointermove: guard((event: PointerEvent) => {
      pointerType = event.pointerType;
      if (event.pointerType === 'touch') return;
      pointer = { ...topPoint(event), overUI: inUI(event.target) };
      if (frame === undefined) frame = requestFrame(guard(hover));
    }),
    pointerover: guard((event: PointerEvent) => {
      if (isFrame(event.target)) listenIn(event.target);
    }),
    pointerout: guard((event: PointerEvent) => {
      if (event.relatedTarget === null) dispatch({ type: 'pointer-left-window' });
    }),
    pointerdown: guard((event: PointerEvent) => {
      pointerType = event.pointerType;
    }),
    click: guard((event: MouseEvent) => {
      const target = event.target;
      if (inUI(target) || !isNode(target)) return;
      const { x, y } = topPoint(event);
      const match = annotator.matchAtPoint(x, y);
      // A mouse click opens only wrapped terms (buttons); on highlighted text it is left for selecting.
      const opens = match && (match.element || pointerType === 'touch' || pointerType === 'pen');
      dispatch({ type: 'tap', match: opens ? match : undefined });
    }),
    keydown: guard((event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        if (!shownOf(state)) return;
        dispatch({ type: 'escape' });
        event.preventDefault();
        return;
      }
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
        const direction = termStepFromKey(event);
        if (direction === undefined) return;
        event.preventDefault();
        step(direction);
        return;
      }
      if ((event.key === 'Enter' || event.key === ' ') && !inUI(event.target) && isNode(event.target)) {
        const match = annotator.matchForNode(event.target);
        if (!match || match.element !== event.target) return;
        event.preventDefault();
        dispatch({ type: 'open', match, via: 'keyboard' });
      }
    }),
    focusin: guard((event: FocusEvent) => {
      const target = event.target;
      if (restoringFocus || inUI(target) || !isNode(target)) return;
      if (isFrame(target)) listenIn(target);
      const match = annotator.matchForNode(target);
      dispatch(match && match.element === target ? { type: 'focus-term', match } : { type: 'focus-other' });
    }),
  };

  /**
   * Windows we listen on: the page's and those of the same-origin iframes the pointer or focus
   * entered, each with the function that stops listening there.
   */
  const targets = new Map<EventTarget, () => void>();
  const listen = (inner: Document) => {
    const target = inner.defaultView ?? inner;
    if (!targets.has(target)) targets.set(target, listenForHover(target, handlers));
  };
  /** Terms in same-origin iframes are annotated too; their events stay in the frame's document. */
  function listenIn(frame: HTMLIFrameElement) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      return;
    }
    if (inner) listen(inner);
  }
  listen(doc);
  doc.querySelectorAll('iframe').forEach(listenIn);

  return {
    host,
    open: (match, via) => {
      try {
        dispatch({ type: 'open', match, via });
      } catch (error) {
        console.warn('[policy-glossary]', error);
      }
    },
    close: () => dispatch({ type: 'close', restoreFocus: true }),
    refresh: () => {
      const shown = shownOf(state);
      if (shown) dispatch({ type: 'open', match: shown.match, via: shown.via });
    },
    showEntry(entryId) {
      const all = annotator.matches();
      const match = all.find((m) => m.entryId === entryId && m.kind === 'term') ?? all.find((m) => m.entryId === entryId);
      if (!match) return false;
      reveal(match);
      dispatch({ type: 'open', match, via: 'keyboard' });
      return true;
    },
    destroy() {
      dispatch({ type: 'close', restoreFocus: false });
      if (frame !== undefined) cancelFrame(frame);
      for (const stop of targets.values()) stop();
      targets.clear();
      tooltip.destroy();
    },
  };
}
