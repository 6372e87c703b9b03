// Splits a run's main-thread work into script, style + layout, paint and GC from a Chromium trace,
// in CPU time (the trace's thread time), so a slow run says whether our code or the rendering it
// causes is to blame, and a task stretched by other processes on a busy machine is told apart.
import type { Page } from 'puppeteer-core';

/** One event of a Chromium trace (the fields the benches read). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  /** Ties the ProfileChunk events of one sampled profile together. */
  id?: string;
  /** `name` names a thread; `data` is a Profile or ProfileChunk event's share of the samples. */
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: TraceProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}

/** A function of a sampled profile as trace ProfileChunk events carry it. */
export interface TraceProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string; functionName: string; lineNumber?: number; columnNumber?: number };
}

/** One main-thread task: its wall-clock and CPU milliseconds, and the rendering steps inside it. */
export interface TracedTask {
  wallMs: number;
  cpuMs: number;
  /** e.g. "Layout 44 + PrePaint 11" (CPU ms of the biggest steps), or "script" when there are none. */
  inside: string;
}

/** Main-thread CPU milliseconds of one traced run, by kind of work. */
export interface TraceBreakdown {
  /** All tasks on the page's main thread. */
  cpu: number;
  styleLayout: number;
  /** PrePaint, Paint, Layerize, Commit: where Highlight API ranges become paint. */
  paint: number;
  gc: number;
  /** CPU time that is none of the above: JavaScript and the DOM calls it makes. */
  script: number;
  /** Frames rendered during the run (PrePaint passes). */
  frames: number;
  /** The task with the most CPU time. */
  longest: TracedTask;
}

const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout']);
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit']);
const GC = new Set(['MinorGC', 'MajorGC']);
const TASK = 'RunTask';

/** Events that are not inside another event of the same set (nested duplicates count once). */
function outermost(events: readonly TraceEvent[]): TraceEvent[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: TraceEvent[] = [];
  let end = -Infinity;
  for (const event of sorted) {
    if (event.ts + (event.dur ?? 0) <= end) continue;
    kept.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return kept;
}

const cpuMs = (events: readonly TraceEvent[]): number =>
  outermost(events).reduce((total, event) => total + (event.tdur ?? event.dur ?? 0), 0) / 1000;

/** Traces `run` in `page` and breaks the renderer main thread's CPU time down. */
export async function traceRun<T>(page: Page, run: () => Promise<T>): Promise<{ result: T; breakdown: TraceBreakdown }> {
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  const result = await run();
  const buffer = await page.tracing.stop();
  const parsed = JSON.parse(new TextDecoder().decode(buffer)) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  const perThread = new Map<string, number>();
  const key = (event: TraceEvent): string => `${event.pid}:${event.tid}`;
  for (const event of events) perThread.set(key(event), (perThread.get(key(event)) ?? 0) + 1);
  // The page's renderer main thread is the busiest thread named CrRendererMain.
  const main = events
    .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .sort((a, b) => (perThread.get(key(b)) ?? 0) - (perThread.get(key(a)) ?? 0))[0];
  const onMain = events.filter((event) => main && key(event) === key(main) && event.ph === 'X' && event.dur);
  const named = (names: ReadonlySet<string>): TraceEvent[] => onMain.filter((event) => names.has(event.name));
  const tasks = outermost(named(new Set([TASK])));
  const cpu = cpuMs(tasks);
  const styleLayout = cpuMs(named(STYLE_LAYOUT));
  const paint = cpuMs(named(PAINT));
  const gc = cpuMs(named(GC));
  const heaviest = tasks.reduce<TraceEvent | undefined>(
    (best, task) => (!best || (task.tdur ?? 0) > (best.tdur ?? 0) ? task : best),
    undefined,
  );
  return {
    result,
    breakdown: {
      cpu,
      styleLayout,
      paint,
      gc,
      script: Math.max(0, cpu - styleLayout - paint - gc),
      frames: outermost(named(new Set(['PrePaint']))).length,
      longest: heaviest ? describe(heaviest, onMain) : { wallMs: 0, cpuMs: 0, inside: 'nothing' },
    },
  };
}

function describe(task: TraceEvent, onMain: readonly TraceEvent[]): TracedTask {
  const end = task.ts + (task.dur ?? 0);
  const steps = new Map<string, number>();
  const inside = onMain.filter((event) => event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end);
  for (const names of [STYLE_LAYOUT, PAINT, GC]) {
    for (const name of names) {
      const ms = cpuMs(inside.filter((event) => event.name === name));
      if (ms >= 1) steps.set(name, ms);
    }
  }
  const listed = [...steps].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  const cpu = (task.tdur ?? task.dur ?? 0) / 1000;
  const script = cpu - [...steps.values()].reduce((a, b) => a + b, 0);
  if (script >= 1) listed.push(`script ${script.toFixed(0)}`);
  return { wallMs: (task.dur ?? 0) / 1000, cpuMs: cpu, inside: listed.join(' + ') || 'script' };
}
