// `npm run bench`: the matcher's throughput on ≥ 5 MB of report text against two baselines
// measured in the same run (one RegExp alternation of all surface forms; indexOf per form),
// with the bundled glossary, a synthetic 10,000-entry glossary, and 100 → 10,000 growth.
// Methods compared are timed in interleaved rounds and reported as medians.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { seedParagraphs } from '../demo/seed-page';
import { loadGlossaryPack } from '../src/cli/glossary-files';
import { createMatcher } from '../src/core/matcher';
import type { MatcherGlossary } from '../src/core/matcher';
import type { MatchableEntry } from '../src/core/types';
import { seededRandom } from '../tests/support/random';

const TARGET_BYTES = 5 * 1024 * 1024;
// A baseline slower than this on the full text is timed on a slice and reported per MB.
const BASELINE_BUDGET_MS = 15_000;
// Rounds per comparison; the median resists the bursts of load on a shared machine.
const RUNS = 15;
const WARM_UP_RUNS = 3;

const encoder = new TextEncoder();
const megabytes = (text: string): number => encoder.encode(text).length / (1024 * 1024);


/**
 * A glossary of `size` entries: the bundled ones, then slogan-shaped names (numeral, measure word,
 * two to five characters) drawn from the report's own character frequencies, so that the text
 * keeps the automaton busy the way a big real glossary would.
 */
function syntheticGlossary(base: readonly MatchableEntry[], text: string, size: number): MatcherGlossary {
  const characters = [...text].filter((char) => char >= '\u4e00' && char <= '\u9fff');
  const next = seededRandom(42);
  const pick = (from: string | readonly string[]): string => from[Math.floor(next() * from.length)] ?? '';
  const entries: MatchableEntry[] = base.slice(0, size);
  const seen = new Set(entries.flatMap((entry) => entry.forms));
  while (entries.length < size) {
    const name = pick('一二两三四五六七八九十双') + pick(['', '大', '个', '项', '']) + Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(characters)).join('');
    if (seen.has(name)) continue;
    seen.add(name);
    entries.push({ id: `synthetic-${entries.length}`, term: name, forms: [name, `“${name}”`] });
  }
  return { entries };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Method {
  name: string;
  run: (text: string) => number;
}

function methodsFor(glossary: MatcherGlossary): Method[] {
  const matcher = createMatcher(glossary, { slogans: false, fuzzy: false });
  const forms = [...new Set(glossary.entries.flatMap((entry) => entry.forms))].sort((a, b) => b.length - a.length);
  const alternation = new RegExp(forms.map(escapeRegExp).join('|'), 'g');
  return [
    { name: 'matcher', run: (text) => matcher.scan(text).length },
    {
      name: 'RegExp',
      run: (text) => {
        let count = 0;
        alternation.lastIndex = 0;
        while (alternation.exec(text)) count++;
        return count;
      },
    },
    {
      name: 'indexOf',
      run: (text) => {
        let count = 0;
        for (const form of forms) for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) count++;
        return count;
      },
    },
  ];
}

/** One method's timings in a comparison: MB/s per round, in round order. */
interface Series {
  method: Method;
  sample: string;
  /** MB of UTF-8 in `sample`. */
  size: number;
  rates: number[];
  matches: number;
  note: string;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Times `methods` on `text` in interleaved rounds (A, B, C, A, B, C, …) after warm-up runs, so
 * that the machine's load, which changes by the second here, weighs on each method alike. A
 * method too slow for the whole text is timed once on a slice and reported per MB.
 */
function compare(methods: readonly Method[], text: string): Series[] {
  const probe = text.slice(0, Math.min(text.length, 200_000));
  const series = methods.map((method): Series => {
    const probeStart = performance.now();
    method.run(probe);
    const estimate = ((performance.now() - probeStart) * text.length) / probe.length;
    const sample = estimate * RUNS > BASELINE_BUDGET_MS ? probe : text;
    const note = sample === probe ? ` (timed once on ${megabytes(sample).toFixed(2)} MB: too slow for the whole text)` : '';
    return { method, sample, size: megabytes(sample), rates: [], matches: 0, note };
  });
  for (let warm = 0; warm < WARM_UP_RUNS; warm++) for (const { method, sample } of series) if (sample === text) method.run(sample);
  for (let round = 0; round < RUNS; round++) {
    for (const entry of series) {
      if (entry.sample !== text && round > 0) continue;
      const start = performance.now();
      entry.matches = entry.method.run(entry.sample);
      const seconds = (performance.now() - start) / 1000;
      entry.rates.push(entry.size / seconds);
    }
  }
  return series;
}

/** Median over the rounds of `a`'s speed divided by `b`'s speed in the same round. */
function medianRatio(a: Series, b: Series): number {
  if (a.rates.length !== b.rates.length) return median(a.rates) / median(b.rates);
  return median(a.rates.map((rate, round) => rate / (b.rates[round] as number)));
}

const line = (series: Series, versus?: Series): string =>
  `  ${series.method.name.padEnd(9)} ${median(series.rates).toFixed(1).padStart(8)} MB/s  ${String(series.matches).padStart(7)} matches` +
  (versus ? `  matcher is ${medianRatio(versus, series).toFixed(2)}× this` : '') +
  series.note;

// The baselines find literal forms only; on this text, which spells every form as the glossary
// does, the matcher must find exactly as many, or the comparison is not of the same work.
function assertSameWork(label: string, matcher: Series, regexp: Series): void {
  // A baseline timed on a slice is checked on that slice.
  const found = matcher.sample === regexp.sample ? matcher.matches : matcher.method.run(regexp.sample);
  if (found !== regexp.matches) {
    throw new Error(`${label}: the matcher found ${found} matches and the RegExp ${regexp.matches}: not the same work`);
  }
}

const paragraphs = seedParagraphs();
const unit = paragraphs.join('\n') + '\n';
// Joined, not String#repeat: repeat builds a rope that every character access must walk through,
// while text from the DOM (joined text nodes) or from a file is one flat string.
const text = new Array<string>(Math.ceil(TARGET_BYTES / encoder.encode(unit).length)).fill(unit).join('');
const bundled = await loadGlossaryPack([]);
console.log(`text: the seed report body repeated, ${megabytes(text).toFixed(2)} MB UTF-8, ${text.length.toLocaleString()} UTF-16 units`);
console.log(`node ${process.version}, load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs; ${WARM_UP_RUNS} warm-up runs, then medians of ${RUNS} interleaved rounds (ratios: median of the per-round ratios)`);
console.log('exact matching only (slogans and fuzzy off) for a like-for-like comparison; the matcher also normalises (quotes, spaces, numerals, width, variants), the baselines do not\n');

// Order matters: the 10,000-form RegExp leaves the heap in a state that slows whatever is timed
// after it, so it comes last.
const [bundledMatcher, bundledRegExp, bundledIndexOf] = compare(methodsFor(bundled), text);
if (!bundledMatcher || !bundledRegExp || !bundledIndexOf) throw new Error('methods missing');
assertSameWork('bundled glossary', bundledMatcher, bundledRegExp);
console.log(`bundled glossary (${bundled.entries.length} entries)`);
console.log(line(bundledMatcher));
console.log(line(bundledRegExp, bundledMatcher));
console.log(line(bundledIndexOf, bundledMatcher));

const synthetic = syntheticGlossary(bundled.entries, unit, 10_000);
const [first, last] = compare(
  [syntheticGlossary(bundled.entries, unit, 100), synthetic].map((glossary, index): Method => ({ ...(methodsFor(glossary)[0] as Method), name: ['100', '10,000'][index] as string })),
  text,
);
if (!first || !last) throw new Error('methods missing');

const full = createMatcher(bundled);
const [fullMatcher] = compare([{ name: 'full', run: (sample) => full.scan(sample).length }], text);
if (!fullMatcher) throw new Error('methods missing');

const [syntheticMatcher, syntheticRegExp, syntheticIndexOf] = compare(methodsFor(synthetic), text);
if (!syntheticMatcher || !syntheticRegExp || !syntheticIndexOf) throw new Error('methods missing');
assertSameWork('synthetic glossary', syntheticMatcher, syntheticRegExp);
console.log('synthetic 10,000 entries');
console.log(line(syntheticMatcher));
console.log(line(syntheticRegExp, syntheticMatcher));
console.log(line(syntheticIndexOf, syntheticMatcher));

console.log('\ngrowth (same generator, matcher only)');
console.log(line(first));
console.log(line(last));
const growth = medianRatio(first, last);
console.log(`\nfull scan with the bundled glossary (terms + slogans + fuzzy): ${median(fullMatcher.rates).toFixed(1)} MB/s, ${fullMatcher.matches} matches${fullMatcher.note}`);

const bundledRatio = medianRatio(bundledMatcher, bundledRegExp);
const syntheticRatio = medianRatio(syntheticMatcher, syntheticRegExp);
const targets: Array<[string, boolean, string]> = [
  ['≥ RegExp with the bundled glossary', bundledRatio >= 1, `${bundledRatio.toFixed(2)}×`],
  ['≥ 3× RegExp with 10,000 entries', syntheticRatio >= 3, `${syntheticRatio.toFixed(2)}×`],
  ['100 → 10,000 entries: scan time grows ≤ 1.3×', growth <= 1.3, `${growth.toFixed(2)}×`],
];
console.log('\ntargets');
for (const [target, met, value] of targets) console.log(`  ${met ? '✓' : '✗'} ${target}: ${value}`);
