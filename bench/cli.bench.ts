// `npm run bench` (second part; alone: `npm run bench:cli`): the compiled `policy-glossary` command
// timed as whole processes against plain Node in the same run, A B A B … with the ratio taken pair
// by pair and reported as the median (farm-bench's method): `--help` vs a bare `node -e 0`, and
// `scan` of ~15 MB of report text vs a Node process applying one RegExp alternation of the seed
// report's 19 footnoted terms to the same file. The input is the in-repo seed report
// (sources/chuansha-2020h1.txt) repeated; ../shared/corpus is not used. For the record: `scan` given
// only those 19 terms against the same baseline, and once, the same RegExp method with every surface
// form of the glossary `scan` uses (BENCH_FULL_REGEXP=0 skips it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parsePack } from '../src/core/pack';
import { DEFAULT_MATCHER_CACHE, findGlossaryFiles } from '../src/cli/glossary-files';
import { readFreshCompiledPack } from '../src/cli/pack-cache';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const TARGET_BYTES = 15 * 1024 * 1024;
const TARGETS = { help: 3, scan: 1.5 };
/** Longest the record run of the whole glossary's RegExp may take (BENCH_FULL_REGEXP=0 skips it). */
const FULL_REGEXP_CAP_MS = 120_000;

const cliEntry = join(root, 'dist', 'cli', 'policy-glossary.mjs');
// The command and its ready matcher (src/cli/pack-cache.ts): without the matcher, scan would time compiling the YAML.
// A ready matcher the command would not read (older than a glossary file, or damaged: it compiles the
// YAML instead, seconds on 15 MB) is built again rather than timed; the command's own freshness rule.
const freshMatcher = await readFreshCompiledPack(DEFAULT_MATCHER_CACHE, await findGlossaryFiles([], root));
if (!existsSync(cliEntry) || !freshMatcher) {
  process.stdout.write('bench:cli: 先编译命令及其术语缓存 compiling the CLI and its glossary cache first (npm run build:cli)\n');
  const built = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build-cli.ts')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'pg-cli-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// ~15 MB of report text: the seed report repeated (in the repository, so this runs anywhere).
const seed = readFileSync(join(root, 'sources', 'chuansha-2020h1.txt'), 'utf8');
const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(`${seed}\n`));
const report = join(work, 'report.txt');
writeFileSync(report, `${seed}\n`.repeat(copies));
const megabytes = (copies * Buffer.byteLength(`${seed}\n`)) / (1024 * 1024);

// The baseline: the 19 footnoted terms of the seed glossary as one alternation, longest first.
const pack = parsePack(readFileSync(join(root, 'dist', 'cli', 'default-glossary.json'), 'utf8'));
const terms = pack.entries.filter((entry) => entry.source?.footnote !== undefined).map((entry) => entry.term);
const baseline = join(work, 'regexp-baseline.mjs');
writeFileSync(
  baseline,
  `// Plain Node: read the file, one RegExp alternation of the terms, count each term.
import { readFileSync } from 'node:fs';
const terms = ${JSON.stringify(terms)};
const re = new RegExp(terms.map((t) => t.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')).sort((a, b) => b.length - a.length).join('|'), 'g');
const counts = new Map();
for (const m of readFileSync(process.argv[2], 'utf8').matchAll(re)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
process.stdout.write([...counts].map(([t, n]) => t + ' ×' + n).join('\\n') + '\\n');
`,
);

/** A command: node's arguments, and variables added to its environment. */
type Command = string[] | { args: string[]; env: NodeJS.ProcessEnv };

/** Wall milliseconds of one whole process; fails loudly when it does not exit 0. */
function timed(command: Command): number {
  const { args, env } = Array.isArray(command) ? { args: command, env: {} } : command;
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: work, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A and B in turn, one warm-up pair first; the median of A, of B and of the pairwise ratio A/B. */
function compare(a: Command, b: Command): { a: number; b: number; ratio: number; spread: [number, number] } {
  timed(a);
  timed(b);
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    as.push(timed(a));
    bs.push(timed(b));
    ratios.push(as[as.length - 1]! / bs[bs.length - 1]!);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios), spread: [Math.min(...ratios), Math.max(...ratios)] };
}

const bin = join(root, 'bin', 'policy-glossary.mjs');
process.stdout.write(
  `policy-glossary 命令基准 CLI bench: ${RUNS} pairs each, medians; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; ` +
    `glossary ${pack.entries.length} entries (ready matcher cache)\n`,
);
const rows: Array<[string, ReturnType<typeof compare>, number | undefined]> = [];
rows.push(['--help  vs  node -e 0', compare([bin, '--help'], ['-e', '0']), TARGETS.help]);
rows.push([`scan ${megabytes.toFixed(1)} MB  vs  RegExp of ${terms.length} terms`, compare([bin, 'scan', report], [baseline, report]), TARGETS.scan]);
// For the record (no target): `scan` given only the baseline's own terms (those 19 entries of the
// default pack, as a glossary.json), so that the difference left is what scan does besides finding
// them (numbered slogans, near misses, reading each match in context), not the glossary's size.
const seedTerms = join(work, 'seed-terms.json');
writeFileSync(seedTerms, JSON.stringify({ ...pack, hash: 'bench-seed-terms', entries: pack.entries.filter((entry) => entry.source?.footnote !== undefined) }));
rows.push([`scan with only those ${terms.length} terms  vs  RegExp`, compare([bin, 'scan', '--glossary', seedTerms, report], [baseline, report]), undefined]);
// BENCH_THREADS=1: also scan on two threads (POLICY_GLOSSARY_THREADS=2, src/cli/scan-parts.ts) against
// one, to see whether this machine has a core to spare for it (no target: off by default).
if (process.env.BENCH_THREADS === '1') {
  rows.push(['scan on two threads  vs  one', compare({ args: [bin, 'scan', report], env: { POLICY_GLOSSARY_THREADS: '2' } }, { args: [bin, 'scan', report], env: { POLICY_GLOSSARY_THREADS: '1' } }), undefined]);
}
for (const [label, { a, b, ratio, spread }, target] of rows) {
  const verdict = target === undefined ? '' : `  target ≤ ${target}× ${ratio <= target ? 'ok' : 'MISSED'}`;
  process.stdout.write(
    `  ${label.padEnd(40)} ${a.toFixed(0).padStart(6)} ms vs ${b.toFixed(0).padStart(6)} ms  = ${ratio.toFixed(2)}× (pairs ${spread[0].toFixed(2)}–${spread[1].toFixed(2)})${verdict}\n`,
  );
}
process.stdout.write('  (scan also finds unknown numbered slogans and near misses; the RegExp only the 19 exact terms)\n');

// For the record (no target): the baseline's own method with the glossary `scan` uses, every surface
// form of its entries in one alternation, run once and capped. What the 19-term RegExp is not asked to do.
if (process.env.BENCH_FULL_REGEXP !== '0') {
  const forms = [...new Set(pack.entries.flatMap((entry) => entry.forms))];
  const formsFile = join(work, 'forms.json');
  writeFileSync(formsFile, JSON.stringify(forms));
  const wholeBaseline = join(work, 'regexp-whole-glossary.mjs');
  writeFileSync(
    wholeBaseline,
    readFileSync(baseline, 'utf8').replace(/const terms = .*;\n/u, `const terms = JSON.parse(readFileSync(${JSON.stringify(formsFile)}, 'utf8'));\n`),
  );
  const started = performance.now();
  const result = spawnSync(process.execPath, [wholeBaseline, report], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout: FULL_REGEXP_CAP_MS });
  const ms = performance.now() - started;
  const ours = rows[1]![1].a;
  process.stdout.write(
    result.status === 0
      ? `  (record) the same RegExp with every form of the glossary scan uses (${forms.length}): ${ms.toFixed(0)} ms once = ${(ms / ours).toFixed(1)}× our scan (${ours.toFixed(0)} ms)\n`
      : `  (record) the same RegExp with every form of the glossary scan uses (${forms.length}): did not finish within ${FULL_REGEXP_CAP_MS / 1000} s (${(FULL_REGEXP_CAP_MS / ours).toFixed(0)}× our scan)\n`,
  );
}
