// When the annotator works: passes run one after another, a page change waits a delay that backs
// off while the page keeps changing, and a pass pauses in short slices so the page never freezes.
import { cancelTimer, now, startTimer, yieldToFrame, yieldToMain } from './natives';

/** Time we may hold the main thread before yielding (well under the 50 ms long-task mark). */
const SLICE_MS = 8;
/**
 * Wrap mode: text we may re-wrap before letting the browser lay it out. Laying out Chinese text
 * costs roughly 0.3–1 µs a character in Chromium, so this keeps each layout to tens of ms. At
 * 20,000 the longest task of a wrap pass over the 712,290-character bench page (its layout) was
 * 29–34 ms alone and 45–56 ms inside whole bench runs; at 12,000, 20–29 ms alone and 30 ms in a
 * whole run, but the pass waits for more frames: ready 960 → 1,467 ms in whole runs. Wrap mode is
 * the fallback where CSS.highlights is missing; a page that never stalls was put first.
 */
const RELAYOUT_CHARS = 12_000;
/**
 * Longest we go on without letting the browser render a frame. scheduler.yield() continuations
 * outrank rendering, so without this a pass starves the page's frames (a scroll or an animation
 * froze for 100+ ms on a 700,000-character page) until Chromium's own starvation guard steps in.
 */
const FRAME_GAP_MS = 32;
/**
 * Wait from a page change to the pass that follows it: one frame after a quiet spell, so text a
 * framework re-renders is highlighted again within a frame or two (a paragraph re-rendered every
 * 200 ms had its highlight in 41% of frames at a fixed 100 ms; 83% now). Changes that keep
 * arriving right after each pass double it, up to BUSY_DELAY_MS: on a page changing 1,000 times a
 * second that is 28 passes in 3 s (about 21 ms of work), against 154 passes (96 ms) at a fixed 16 ms.
 */
const MIN_DELAY_MS = 16;
const BUSY_DELAY_MS = 100;
const MAX_DELAY_MS = 2000;

/** The time account of one pass. */
export interface Clock {
  /** When the pass began. */
  began: number;
  /** When the current slice of main-thread time began. */
  slice: number;
  /** Main-thread time used in earlier slices of this pass. */
  busy: number;
  /** Wrap mode: characters of text we changed since the browser last laid the page out. */
  relayout: number;
  /** Highlight mode with a viewport registry: whether the last slice found text near the viewport. */
  nearby: boolean;
  /** When we last resumed after a rendered frame (or the pass began). */
  frame: number;
}

/** Runs passes in turn and schedules the one that follows page changes. */
export interface PassScheduler {
  /** Runs `pass` once the running one (if any) is done; its time feeds the backoff. */
  run(pass: (clock: Clock) => Promise<void>): Promise<void>;
  /** Calls `onDue` after `delay` (default: the backoff's), unless a call is already scheduled. */
  schedule(delay?: number): void;
  /** Cancels the scheduled call for good. */
  stop(): void;
}

/** A scheduler calling `onDue` when a scheduled pass is due. */
export function createPassScheduler(onDue: () => void): PassScheduler {
  let running: Promise<void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let lastPassCost = 0;
  let lastPassEnd = 0;
  let floor = MIN_DELAY_MS;

  return {
    run(pass) {
      const previous = running ?? Promise.resolve();
      const next = previous.then(async () => {
        const began = now();
        const clock: Clock = { began, slice: began, busy: 0, relayout: 0, nearby: true, frame: began };
        try {
          await pass(clock);
        } finally {
          lastPassEnd = now();
          lastPassCost = clock.busy + (lastPassEnd - clock.slice);
        }
      });
      running = next;
      void next.then(() => {
        if (running === next) running = undefined;
      });
      return next;
    },
    schedule(delay) {
      if (timer !== undefined || stopped) return;
      // Backoff: a page that changes all the time gets at most ~1/5 of the main thread from us, and
      // a change right after a pass waits twice as long as the last one did (see MIN_DELAY_MS).
      floor = now() - lastPassEnd < 2 * floor ? Math.min(2 * floor, BUSY_DELAY_MS) : MIN_DELAY_MS;
      const wait = delay ?? Math.min(MAX_DELAY_MS, Math.max(floor, lastPassCost * 5));
      timer = startTimer(() => {
        timer = undefined;
        onDue();
      }, wait);
    },
    stop() {
      stopped = true;
      cancelTimer(timer);
    },
  };
}

/** What a pause needs of the viewport registry (highlight mode with one). */
export interface NearbyRegistration {
  /** Hands the staged ranges to the registry. */
  flush(): void;
  /** Resolves once every range handed over is known to be near or not. */
  settled(): Promise<void> | undefined;
  /** Whether a range handed over awaits its first report (`settled` would wait for a frame). */
  awaiting(): boolean;
  /** Matches ever registered for being near the viewport. */
  nearCount(): number;
  /**
   * How far down the ranges handed over have gone: 0 not below the viewport yet, 1 below its
   * bottom, 2 below the area near it (see ViewportRegistry.passed).
   */
  passed(): number;
  /** Whether `node` lies below the viewport (`screens` 1) or the area near it (2), by its element's box. */
  below(node: Node, screens: number): boolean;
}

/** Whether the pass's slice is used up (what {@link pauseIfDue} checks first), without awaiting anything. */
export function pauseDue(clock: Clock, time = now()): boolean {
  return time - clock.slice > SLICE_MS || clock.relayout > RELAYOUT_CHARS;
}

/**
 * Pauses the pass when its slice is used up. Returns false when no pause was due. With only the
 * ranges near the viewport registered, a registry change is cheap, and the reader's screens are
 * highlighted as the scan goes through them rather than after the pass. The registry places most
 * ranges by their element's box (see viewport.ts): the pause right after the pass went below the
 * viewport (`passedBy` 'screen') lets one frame draw the reader's screen before anything else, and
 * once it went below the near area ('near') what follows is far and no pause waits for a frame.
 * Until then, ranges go to the registry only at pauses that let a frame draw them: in Chromium,
 * each frame after a change of the registered highlights re-checks every highlighted text node,
 * and with an underline that re-measures the ink overflow of their containers (one such frame
 * cost 35–45 ms of PrePaint on a 100,000-cell table, however few ranges changed). Ranges the
 * registry must wait a report for (past its budget) are reported in the frame a pause waits for
 * while slices still find text near the viewport (scheduler.yield() continuations would put the
 * frame off to the end of the pass).
 */
export async function pauseIfDue(clock: Clock, nearby: NearbyRegistration | undefined, passedBy?: 'screen' | 'near'): Promise<boolean> {
  const time = now();
  if (!passedBy && !pauseDue(clock, time)) return false;
  clock.busy += time - clock.slice;
  const frameDue = clock.relayout > RELAYOUT_CHARS || time - clock.frame > FRAME_GAP_MS;
  const before = nearby?.passed() ?? 0;
  if (nearby && (passedBy || frameDue || before >= 2 || !clock.nearby)) nearby.flush();
  const passed = nearby?.passed() ?? 0;
  // Below the near area, what follows is far: no frame is awaited for reports on it.
  if (passed >= 2) clock.nearby = false;
  if (before === 0 && passed > 0) {
    // The reader's screen is all registered: drawn in the next frame, before anything else.
    await yieldToFrame();
    clock.frame = now();
  } else if (nearby && clock.nearby && nearby.awaiting()) {
    const near = nearby.nearCount();
    await yieldToFrame();
    await nearby.settled();
    clock.frame = now();
    clock.nearby = nearby.nearCount() > near;
  } else if (frameDue) {
    clock.relayout = 0;
    await yieldToFrame();
    clock.frame = now();
  } else {
    await yieldToMain();
  }
  clock.slice = now();
  return true;
}
