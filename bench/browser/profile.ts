// Where an annotator run spends its time: a sampled V8 CPU profile of the page (DevTools protocol),
// summed by function (self time), with non-JS main-thread work showing up as "(program)".
import type { CDPSession } from 'puppeteer-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time of one function over the profiled run. */
export interface FunctionTime {
  name: string;
  ms: number;
}

/** Starts sampling every 100 µs; call the returned function to stop and get self times, largest first. */
export async function startProfile(cdp: CDPSession): Promise<() => Promise<FunctionTime[]>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    await cdp.send('Profiler.disable');
    return selfTimes(profile);
  };
}

function selfTimes(profile: CpuProfile): FunctionTime[] {
  const nameOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, lineNumber } = node.callFrame;
    // Bundle code is an inline script (no url); the line keeps same-named functions apart.
    nameOf.set(node.id, functionName ? `${functionName}${lineNumber >= 0 && functionName[0] !== '(' ? ` :${lineNumber + 1}` : ''}` : '(anonymous)');
  }
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's delta is the time since the previous one, so it belongs to the previous sample.
  for (let i = 0; i + 1 < samples.length; i++) {
    const name = nameOf.get(samples[i] as number) ?? '?';
    totals.set(name, (totals.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}
