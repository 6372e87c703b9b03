// Aho–Corasick automaton over UTF-16 code units: finds every occurrence of every pattern in one
// pass whose cost does not grow with the number of patterns. Built once per glossary.

// Size of the state × class table resolved in advance (1 MB of Int32).
const DENSE_CELLS = 1 << 18;

/** A compiled set of patterns. */
export interface Automaton {
  /** Number of states, including the root (a size measure for benchmarks). */
  readonly states: number;
  /** Character class of each UTF-16 unit: 0 for a unit in no pattern (and not in `alphabet`). */
  readonly classOf: Uint16Array;
  /** The units that have a class. */
  readonly alphabet: readonly number[];
  /** The state after reading a unit of class `cls` (> 0) in `state`, following failure links. */
  next(state: number, cls: number): number;
  /**
   * The first of the patterns that end in `state` (0: none); `nextOutput` walks the rest,
   * longest first. Numbers instead of a callback keep a caller's hot loop free of closures.
   */
  firstOutput(state: number): number;
  /** The output after `output` (0: no more). */
  nextOutput(output: number): number;
  /** The pattern number of an output. */
  outputPattern(output: number): number;
  /** The length of an output's pattern. */
  outputLength(output: number): number;
}

/**
 * An automaton in its stored form: typed arrays a caller can keep or ship (see compiled-pack.ts)
 * and turn back into an {@link Automaton} with {@link loadAutomaton} in time linear in its size,
 * without the trie, the breadth-first walk or the failure-link search that building takes.
 * States are numbered breadth-first, so a state's children are consecutive states.
 */
export interface AutomatonData {
  /** The units that have a class, in class order (class = index + 1). */
  units: Uint16Array;
  /** Per state: its failure link. */
  fail: Int32Array;
  /** Per state: the class of the edge into it (0 for the root). */
  edgeClass: Uint16Array;
  /** Per state: how many children it has. */
  childCount: Int32Array;
  /** Terminal states and their pattern, as pairs: state, pattern, state, pattern … */
  terminals: Int32Array;
}

/**
 * Compiles `patterns` (already normalised). Empty patterns never match; when two patterns are
 * equal the first one is reported. `alphabet` adds units that get a class of their own even if
 * no pattern uses them (a caller that needs to tell them apart while scanning).
 */
export function createAutomaton(patterns: readonly string[], alphabet = ''): Automaton {
  return loadAutomaton(compileAutomaton(patterns, alphabet));
}

/** Compiles `patterns` as {@link createAutomaton} does, into the stored form. */
export function compileAutomaton(patterns: readonly string[], alphabet = ''): AutomatonData {
  // Dense character classes keep the root table small: class 0 means "in no pattern".
  const classOf = new Uint16Array(65536);
  const units: number[] = [];
  for (const pattern of [...patterns, alphabet]) {
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (classOf[code] !== 0) continue;
      units.push(code);
      classOf[code] = units.length;
    }
  }
  const classes = units.length;

  const trieDepth: number[] = [0];
  const trieTerminal: number[] = [-1];
  const trieChildren: Array<Array<[number, number]>> = [[]];
  const edges = new Map<number, number>();
  const stride = classes + 1;
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const cls = classOf[pattern.charCodeAt(i)] ?? 0;
      const edgeKey = state * stride + cls;
      let next = edges.get(edgeKey);
      if (next === undefined) {
        next = trieDepth.length;
        trieDepth.push(i + 1);
        trieTerminal.push(-1);
        trieChildren.push([]);
        edges.set(edgeKey, next);
        trieChildren[state]?.push([cls, next]);
      }
      state = next;
    }
    if (trieTerminal[state] === -1) trieTerminal[state] = index;
  });

  // States numbered breadth-first, so the shallow ones (where scanning spends its time) come first.
  const order = [0];
  for (let head = 0; head < order.length; head++) for (const [, child] of trieChildren[order[head] as number] ?? []) order.push(child);
  const rank = new Int32Array(order.length);
  order.forEach((state, index) => (rank[state] = index));
  const depth = order.map((state) => trieDepth[state] as number);
  const terminal = order.map((state) => trieTerminal[state] as number);
  const children = order.map((state) => (trieChildren[state] ?? []).map(([cls, child]): [number, number] => [cls, rank[child] as number]));

  const stateCount = depth.length;
  const root = new Int32Array(stride);
  const fail = new Int32Array(stateCount);
  const table = createTransitionTable(stateCount - 1 - (children[0]?.length ?? 0));
  for (const [cls, next] of children[0] ?? []) root[cls] = next;
  for (let state = 1; state < stateCount; state++) for (const [cls, next] of children[state] ?? []) table.add(state, cls, next);

  // Breadth-first failure links.
  const queue: number[] = [];
  for (const [, next] of children[0] ?? []) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] ?? 0;
    const failure = fail[state] ?? 0;
    for (const [cls, next] of children[state] ?? []) {
      let f = failure;
      let target = -1;
      while (f !== 0 && (target = table.step(f, cls)) === -1) f = fail[f] ?? 0;
      fail[next] = f === 0 ? (root[cls] ?? 0) : target;
      queue.push(next);
    }
  }

  const edgeClass = new Uint16Array(stateCount);
  const childCount = new Int32Array(stateCount);
  const terminalPairs: number[] = [];
  for (let state = 0; state < stateCount; state++) {
    const list = children[state] ?? [];
    childCount[state] = list.length;
    for (const [cls, child] of list) edgeClass[child] = cls;
    const pattern = terminal[state] as number;
    if (pattern !== -1) terminalPairs.push(state, pattern);
  }
  return { units: Uint16Array.from(units), fail, edgeClass, childCount, terminals: Int32Array.from(terminalPairs) };
}

/** Non-root transitions in one open-addressing hash table keyed by (state, class). */
function createTransitionTable(transitions: number): { add(state: number, cls: number, next: number): void; step(state: number, cls: number): number } {
  let bits = 4;
  while (1 << bits < transitions * 2 + 1) bits++;
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  // Four Int32 per slot (state, class, target, unused): a probe touches one cache line.
  const table = new Int32Array((mask + 1) * 4).fill(-1);
  const slot = (state: number, cls: number): number => Math.imul(state ^ Math.imul(cls, 0x27d4eb2d), 0x9e3779b1) >>> shift;
  return {
    add(state, cls, next) {
      let s = slot(state, cls);
      while (table[s * 4] !== -1) s = (s + 1) & mask;
      table[s * 4] = state;
      table[s * 4 + 1] = cls;
      table[s * 4 + 2] = next;
    },
    step(state, cls) {
      let s = slot(state, cls);
      for (;;) {
        const owner = table[s * 4] as number;
        if (owner === -1) return -1;
        if (owner === state && table[s * 4 + 1] === cls) return table[s * 4 + 2] as number;
        s = (s + 1) & mask;
      }
    },
  };
}

/**
 * Turns the stored form back into a working automaton: the class table, the transition hash, the
 * outputs and the dense rows, each one linear pass over typed arrays (states are breadth-first,
 * so parents, failure targets and dense source rows always come before the states that use them).
 */
export function loadAutomaton(data: AutomatonData): Automaton {
  const { units, fail, edgeClass, childCount } = data;
  const stateCount = fail.length;
  const classOf = new Uint16Array(65536);
  for (let i = 0; i < units.length; i++) classOf[units[i] as number] = i + 1;
  const stride = units.length + 1;

  const patternOf = new Int32Array(stateCount).fill(-1);
  for (let i = 0; i + 1 < data.terminals.length; i += 2) patternOf[data.terminals[i] as number] = data.terminals[i + 1] as number;
  const depthOf = new Int32Array(stateCount);
  const firstOutput = new Int32Array(stateCount);
  const nextOutput = new Int32Array(stateCount);
  const root = new Int32Array(stride);
  const table = createTransitionTable(stateCount - 1 - (childCount[0] ?? 0));
  // Children of state s are the states after those of the states before s.
  let child = 1;
  for (let state = 0; state < stateCount; state++) {
    const end = child + (childCount[state] as number);
    for (; child < end; child++) {
      depthOf[child] = (depthOf[state] as number) + 1;
      if (state === 0) root[edgeClass[child] as number] = child;
      else table.add(state, edgeClass[child] as number, child);
    }
  }
  // Outputs chain through the nearest terminal proper suffix.
  for (let state = 1; state < stateCount; state++) {
    const failure = fail[state] as number;
    firstOutput[state] = patternOf[state] !== -1 ? state : (firstOutput[failure] as number);
    nextOutput[state] = firstOutput[failure] as number;
  }

  // The shallowest states (the bundled glossary's all) get every transition resolved in advance,
  // failure links included: one array read per unit. Text spends most of its time near the root,
  // so a big glossary gains as much as a small one; deeper states follow their failure links.
  const denseStates = Math.min(stateCount, Math.max(1, Math.floor(DENSE_CELLS / stride)));
  const dense = new Int32Array(denseStates * stride);
  dense.set(root);
  child = 1 + (childCount[0] as number);
  for (let state = 1; state < denseStates; state++) {
    const row = state * stride;
    const failure = fail[state] as number;
    dense.copyWithin(row, failure * stride, failure * stride + stride);
    const end = child + (childCount[state] as number);
    for (; child < end; child++) dense[row + (edgeClass[child] as number)] = child;
  }

  function next(state: number, cls: number): number {
    while (state >= denseStates) {
      const target = table.step(state, cls);
      if (target !== -1) return target;
      state = fail[state] as number;
    }
    return dense[state * stride + cls] as number;
  }

  return {
    states: stateCount,
    classOf,
    alphabet: Array.from(units),
    next,
    firstOutput: (state) => firstOutput[state] as number,
    nextOutput: (output) => nextOutput[output] as number,
    outputPattern: (output) => patternOf[output] as number,
    outputLength: (output) => depthOf[output] as number,
  };
}
