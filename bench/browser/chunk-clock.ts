// Times each slice of main-thread work the annotator does between two pauses. It wraps
// `scheduler.yield` before the DOM layer captures it, so it must be the bundle's first import.

interface YieldingScheduler {
  yield?: () => Promise<void>;
}

/** When each pause began and when the work after it resumed, for the armed period. */
export interface ChunkLog {
  pauses: number[];
  resumes: number[];
}

const log: ChunkLog = { pauses: [], resumes: [] };
let armed = false;

const scheduler = (globalThis as typeof globalThis & { scheduler?: YieldingScheduler }).scheduler;
const original = scheduler?.yield?.bind(scheduler);
if (scheduler && original) {
  scheduler.yield = () => {
    if (armed) log.pauses.push(performance.now());
    return original().then(() => {
      if (armed) log.resumes.push(performance.now());
    });
  };
}

/** Whether pauses can be timed here (the DOM layer pauses with `scheduler.yield` where it exists). */
export const chunkClockWorks = original !== undefined;

/** Starts recording pauses from now on, forgetting earlier ones. */
export function armChunkClock(): void {
  log.pauses.length = 0;
  log.resumes.length = 0;
  armed = true;
}

/**
 * Stops recording and returns the durations of the work slices between `start` and `end`:
 * start → first pause, each resume → next pause, last resume → end.
 */
export function disarmChunkClock(start: number, end: number): number[] {
  armed = false;
  const slices: number[] = [];
  let from = start;
  for (let i = 0; i < log.pauses.length; i++) {
    slices.push((log.pauses[i] as number) - from);
    from = log.resumes[i] ?? end;
  }
  slices.push(end - from);
  return slices;
}
