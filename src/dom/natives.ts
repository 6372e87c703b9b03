// Browser built-ins captured when this module loads, so a host page that later overwrites
// timers or clocks (the widget runs in the page's own world) cannot stall or break our passes.

const g = globalThis as typeof globalThis & {
  scheduler?: { yield?: () => Promise<void> };
};

const nativeSetTimeout = g.setTimeout.bind(g);
const nativeClearTimeout = g.clearTimeout.bind(g);
const nativeNow: () => number =
  typeof g.performance?.now === 'function' ? g.performance.now.bind(g.performance) : () => Date.now();
const NativeMessageChannel = typeof g.MessageChannel === 'function' ? g.MessageChannel : undefined;
const nativeRequestFrame =
  typeof g.requestAnimationFrame === 'function' ? g.requestAnimationFrame.bind(g) : undefined;
const nativeSchedulerYield =
  typeof g.scheduler?.yield === 'function' ? g.scheduler.yield.bind(g.scheduler) : undefined;

const nativeContains: ((this: Node, other: Node | null) => boolean) | undefined =
  typeof Node === 'function' ? Node.prototype.contains : undefined;
const nativeMatches: ((this: Element, selectors: string) => boolean) | undefined =
  typeof Element === 'function' ? Element.prototype.matches : undefined;

/** `outer.contains(inner)`, immune to a page replacing Node.prototype.contains later. */
export const contains = (outer: Node, inner: Node): boolean =>
  nativeContains ? nativeContains.call(outer, inner) : outer.contains(inner);

/** `element.matches(selectors)`, immune to a page replacing Element.prototype.matches later. */
export const matches = (element: Element, selectors: string): boolean =>
  nativeMatches ? nativeMatches.call(element, selectors) : element.matches(selectors);

/** Monotonic milliseconds. */
export const now = (): number => nativeNow();

/** Runs `fn` after `ms`; returns a handle for {@link cancelTimer}. */
export const startTimer = (fn: () => void, ms: number): ReturnType<typeof setTimeout> => nativeSetTimeout(fn, ms);

/** Cancels a timer started with {@link startTimer}. */
export const cancelTimer = (handle: ReturnType<typeof setTimeout> | undefined): void => {
  if (handle !== undefined) nativeClearTimeout(handle);
};

let channel: MessageChannel | undefined;
const channelWaiters: Array<() => void> = [];

/**
 * Gives the main thread back to the browser (input, rendering) and resumes in a later task:
 * `scheduler.yield()` where it exists, else a MessageChannel message (not clamped like nested
 * timeouts), else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  if (nativeSchedulerYield) return nativeSchedulerYield();
  if (NativeMessageChannel) {
    if (!channel) {
      channel = new NativeMessageChannel();
      channel.port1.onmessage = () => channelWaiters.shift()?.();
      // Under Node (unit tests) an open port would keep the process alive.
      (channel.port1 as MessagePort & { unref?: () => void }).unref?.();
    }
    const port = channel.port2;
    return new Promise((resolve) => {
      channelWaiters.push(resolve);
      port.postMessage(null);
    });
  }
  return new Promise((resolve) => nativeSetTimeout(resolve, 0));
}

/** Longest we wait for a frame (rAF does not run in hidden tabs). */
const FRAME_WAIT_MS = 100;

/**
 * Resumes after the browser has rendered a frame. scheduler.yield() continuations outrank
 * rendering, so DOM changes made over many of them pile up into one huge layout. After the frame
 * it resumes in a timer task, behind the page's own due timers: Firefox runs MessageChannel
 * messages ahead of timers, and a ~1 MB pass there ran with none of the page's timers in between.
 */
export function yieldToFrame(): Promise<void> {
  if (!nativeRequestFrame) return yieldToMain();
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      nativeClearTimeout(fallback);
      resolve();
    };
    const fallback = nativeSetTimeout(finish, FRAME_WAIT_MS);
    nativeRequestFrame(finish);
  }).then(() => new Promise<void>((resolve) => nativeSetTimeout(resolve, 0)));
}
