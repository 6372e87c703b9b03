// Keeps the tooltip beside its term: below, or above when there is more room; clamped to the
// viewport; scrolling inside when tall. Written here rather than using Floating UI because that
// costs 6.7 KB gzipped, a third of the widget's 20 KB budget, for what these few lines do.
import { cancelFrame, requestFrame } from './frame';
import type { FrameHandle } from './frame';

/** What a tooltip is anchored to: a virtual element, as Floating UI calls it. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  /** An element in the anchor's document; locates iframes and scroll containers. */
  contextElement?: Element;
}

/** Positions `tip` (position: fixed) at `anchor` and keeps it there until the returned stop function runs. */
export type Positioner = (anchor: Anchor, tip: HTMLElement) => () => void;

const GAP = 6;
const PAD = 8;
const MAX_HEIGHT = 480;
const MIN_HEIGHT = 120;

/** The anchor's rect in the tip's viewport: same-origin iframes add their offsets. */
function anchorRect(anchor: Anchor, top: Window): { left: number; top: number; bottom: number } {
  const rect = anchor.getBoundingClientRect();
  let x = rect.left;
  let y = rect.top;
  let win: Window | null | undefined = anchor.contextElement?.ownerDocument.defaultView;
  while (win && win !== top && win.frameElement) {
    const frame = win.frameElement.getBoundingClientRect();
    x += frame.left + win.frameElement.clientLeft;
    y += frame.top + win.frameElement.clientTop;
    win = win.parent;
  }
  return { left: x, top: y, bottom: y + rect.height };
}

/** The built-in placer: below the term, flipped above when that side has more room, shifted into view. */
export const placeNear: Positioner = (anchor, tip) => {
  const doc = tip.ownerDocument;
  const view = doc.defaultView ?? window;
  let frame: FrameHandle | undefined;
  // Rects are in the viewport's pixels; the tip's own lengths are multiplied by any CSS zoom the
  // page puts on <html> (its ancestor), so lengths are converted with `scale` both ways.
  const place = () => {
    const r = anchorRect(anchor, view);
    const scale = (tip as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom || 1;
    // The viewport without scrollbars; in quirks mode (old sites without a doctype) <body> reports
    // it. Zoomed or restyled <html> elements report odd sizes, hence the window's size as a bound.
    const viewport = doc.compatMode === 'BackCompat' ? doc.body : doc.documentElement;
    const width = Math.min(view.innerWidth, (viewport?.clientWidth ?? 0) * scale || Infinity);
    const height = Math.min(view.innerHeight, (viewport?.clientHeight ?? 0) * scale || Infinity);
    tip.style.maxHeight = '';
    const natural = Math.min(tip.offsetHeight, MAX_HEIGHT) * scale;
    const below = height - r.bottom - GAP - PAD;
    const above = r.top - GAP - PAD;
    const downward = below >= natural || below >= above;
    const room = Math.max(MIN_HEIGHT, downward ? below : above);
    const shown = Math.min(natural, room);
    if (shown < natural) tip.style.maxHeight = `${shown / scale}px`;
    const x = Math.max(PAD, Math.min(r.left, width - PAD - tip.offsetWidth * scale));
    const y = Math.max(PAD, downward ? r.bottom + GAP : r.top - GAP - shown);
    tip.style.left = `${x / scale}px`;
    tip.style.top = `${y / scale}px`;
  };
  // Runs from frames and observers, where an error would reach the page's console as ours.
  const update = () => {
    frame = undefined;
    try {
      place();
    } catch (error) {
      console.warn('[policy-glossary]', error);
    }
  };
  const schedule = () => {
    if (frame === undefined) frame = requestFrame(update);
  };
  const anchorView = anchor.contextElement?.ownerDocument.defaultView;
  const views = anchorView && anchorView !== view ? [view, anchorView] : [view];
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : undefined;
  resize?.observe(tip);
  for (const win of views) {
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
  }
  update();
  return () => {
    if (frame !== undefined) cancelFrame(frame);
    resize?.disconnect();
    for (const win of views) {
      win.removeEventListener('scroll', schedule, { capture: true });
      win.removeEventListener('resize', schedule);
    }
  };
};
