// A seeded pseudo-random generator (mulberry32) for property tests and benchmarks: the same seed
// gives the same sequence, so a failing case can be replayed.

/** Returns a function yielding numbers in [0, 1), determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
