// Animation frames through the built-ins captured when this module loads, so a host page that later
// replaces requestAnimationFrame cannot stop the tooltip from following the pointer and the page.
import { cancelTimer, startTimer } from '../dom/natives';

const g = globalThis;
const native =
  typeof g.requestAnimationFrame === 'function' && typeof g.cancelAnimationFrame === 'function'
    ? { request: g.requestAnimationFrame.bind(g), cancel: g.cancelAnimationFrame.bind(g) }
    : undefined;

/** A pending frame callback, for {@link cancelFrame}. */
export type FrameHandle = number | ReturnType<typeof setTimeout>;

/** Runs `fn` before the next paint (a 16 ms timer where animation frames are missing). */
export const requestFrame = (fn: () => void): FrameHandle => (native ? native.request(fn) : startTimer(fn, 16));

/** Cancels a callback from {@link requestFrame}. */
export const cancelFrame = (handle: FrameHandle): void => {
  if (native) native.cancel(handle as number);
  else cancelTimer(handle as ReturnType<typeof setTimeout>);
};
