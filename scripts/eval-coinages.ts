// Evaluates the unknown-term detector (numbered slogans and quoted coinages) on the corpus reports'
// own 名词解释 appendices, dev years (≤2020) apart from held-out years (2021–2022, sichuan/chengdu
// 2023+), old detector (numbered only) against new (with coinages) in the same run. Reads
// ../shared/corpus at run time only and skips cleanly without it.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGlossaryPack } from '../src/cli/glossary-files';
import { createMatcher } from '../src/core/matcher';
import { scanSlogans, type SloganCandidate } from '../src/core/slogans';
import { appendixStart, appendixTerms } from './eval-matcher';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const GOVCN = resolve(ROOT, '../shared/pages/govcn');

interface Report { path: string; year: number; body: string; terms: string[] }
type Group = 'dev ≤2020' | 'held-out 2021–2022' | 'held-out sc/cd 2023+';

const strip = (text: string): string => text.replace(/[“”"‘’「」『』]/g, '');

async function listReports(): Promise<Array<{ path: string; year: number }>> {
  const out: Array<{ path: string; year: number }> = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/^\d{4}\.md$/.test(entry.name)) out.push({ path: full, year: Number(entry.name.slice(0, 4)) });
    }
  };
  for (const folder of ['reports', 'sichuan', 'chengdu']) await walk(join(CORPUS, folder));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

function groupOf(report: Report): Group | undefined {
  if (report.year <= 2020) return 'dev ≤2020';
  if (report.year <= 2022) return 'held-out 2021–2022';
  return /\/(?:sichuan|chengdu)\//.test(report.path) ? 'held-out sc/cd 2023+' : undefined;
}

interface Tally { occ: number; occFound: number; cand: number; candReal: number; coined: number; coinedReal: number }
const empty = (): Tally => ({ occ: 0, occFound: 0, cand: 0, candReal: 0, coined: 0, coinedReal: 0 });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Runs the evaluation and prints the table. */
export async function runCoinageEval(print: (line: string) => void = console.log): Promise<void> {
  if (!existsSync(CORPUS)) {
    print(`coinage evaluation skipped: no corpus at ${CORPUS}`);
    return;
  }
  const reports: Report[] = [];
  for (const { path, year } of await listReports()) {
    const text = await readFile(path, 'utf8');
    const start = appendixStart(text);
    if (start === -1) continue;
    const terms = [...new Set(appendixTerms(text.slice(start)))];
    if (terms.length > 0) reports.push({ path, year, body: text.slice(0, start), terms });
  }
  // Every appendix term of the corpus, quotes stripped: a candidate equal to one is a term somewhere.
  const anyAppendix = new Set(reports.flatMap((report) => report.terms.map(strip)));
  const pack = await loadGlossaryPack([]);
  const glossaries = { seed: createMatcher(pack, { slogans: false, fuzzy: false }), empty: undefined };
  const variants = ['old', 'new'] as const;
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = empty()));
    return t;
  };
  const wrongSamples = new Map<string, number>();
  for (const report of reports) {
    const group = groupOf(report);
    if (!group) continue;
    const own = report.terms.map(strip);
    const finder = createMatcher({ entries: report.terms.map((term, index) => ({ id: String(index), term, forms: [term] })) }, { slogans: false, fuzzy: false });
    const occurrences = finder.scan(report.body);
    for (const variant of variants) {
      const candidates: SloganCandidate[] = scanSlogans(report.body, { coinages: variant === 'new' });
      for (const [glossaryName, matcher] of Object.entries(glossaries)) {
        const matched = matcher ? matcher.scan(report.body) : [];
        // As the matcher merges them: a candidate under a glossary match is shown as that term.
        const shown = candidates.filter((candidate) => !matched.some((match) => overlaps(match, candidate)));
        const t = tally(`${group}|${glossaryName}|${variant}`);
        for (const occurrence of occurrences) {
          t.occ++;
          if (shown.some((c) => overlaps(c, occurrence)) || matched.some((m) => overlaps(m, occurrence))) t.occFound++;
        }
        for (const candidate of shown) {
          const key = strip(candidate.text);
          const real = occurrences.some((o) => overlaps(o, candidate)) || own.some((term) => term.includes(key)) || anyAppendix.has(key);
          t.cand++;
          if (real) t.candReal++;
          if (candidate.evidence === 'coined') {
            t.coined++;
            if (real) t.coinedReal++;
            else if (variant === 'new' && glossaryName === 'empty' && group !== 'dev ≤2020') wrongSamples.set(key, (wrongSamples.get(key) ?? 0) + 1);
          }
        }
      }
    }
  }
  print('unknown-term detector (numbered slogans + quoted coinages) on corpus 名词解释 appendices');
  print('recall = body occurrences of a report\'s own appendix terms overlapped by a candidate or a glossary match');
  print('precision = candidates (not under a glossary match) that overlap/contain-in an own appendix term or equal any corpus appendix term');
  print('');
  print('group                  glossary detector | occ found recall | cand  real precision | coined real precision');
  for (const [key, t] of tallies) {
    const [group, glossaryName, variant] = key.split('|') as [string, string, string];
    const pct = (a: number, b: number): string => (b === 0 ? '  -  ' : (a / b).toFixed(3));
    print(
      `${group.padEnd(22)} ${glossaryName.padEnd(8)} ${variant.padEnd(8)} | ${String(t.occ).padStart(5)} ${String(t.occFound).padStart(5)} ${pct(t.occFound, t.occ)} |` +
        ` ${String(t.cand).padStart(5)} ${String(t.candReal).padStart(5)} ${pct(t.candReal, t.cand).padStart(9)} | ${String(t.coined).padStart(6)} ${String(t.coinedReal).padStart(4)} ${pct(t.coinedReal, t.coined).padStart(9)}`,
    );
  }
  const top = [...wrongSamples].sort((a, b) => b[1] - a[1]).slice(0, 60);
  print(`\nheld-out coinage candidates that are no appendix term (most frequent; many are real terms no appendix explains): ${top.map(([k, n]) => `${k}×${n}`).join(' ')}`);
  await printFlood(reports, print);
}

/**
 * How many quoted coinages the detector flags per 10,000 characters, on the report bodies of each
 * group and on the real www.gov.cn pages (text of the stored body region, tags dropped): a flood of
 * flags on ordinary quoted phrases would show here first. Numbered slogans are counted apart.
 */
async function printFlood(reports: readonly Report[], print: (line: string) => void): Promise<void> {
  const texts: { group: string; text: string }[] = reports.map((report) => ({ group: groupOf(report) ?? 'other', text: report.body }));
  if (existsSync(GOVCN)) {
    for (const name of (await readdir(GOVCN)).filter((file) => file.endsWith('.html')).sort()) {
      const html = await readFile(join(GOVCN, name), 'utf8');
      const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/giu, '').replace(/<[^>]+>/gu, '').replace(/&nbsp;/gu, ' ').replace(/&[a-z]+;/giu, '');
      texts.push({ group: 'www.gov.cn pages', text });
    }
  }
  const flood = new Map<string, { chars: number; coined: number; numbered: number; samples: Map<string, number> }>();
  for (const { group, text } of texts) {
    const t = flood.get(group) ?? { chars: 0, coined: 0, numbered: 0, samples: new Map<string, number>() };
    flood.set(group, t);
    t.chars += text.length;
    for (const candidate of scanSlogans(text)) {
      if (candidate.evidence !== 'coined') {
        t.numbered++;
        continue;
      }
      t.coined++;
      if (group === 'www.gov.cn pages') t.samples.set(candidate.text, (t.samples.get(candidate.text) ?? 0) + 1);
    }
  }
  print('\nflags per 10,000 characters (no glossary): quoted coinages | numbered slogans');
  for (const [group, t] of [...flood].sort()) {
    const per = (n: number): string => ((10000 * n) / Math.max(1, t.chars)).toFixed(2);
    print(`${group.padEnd(22)} ${String(t.chars).padStart(9)} chars | ${String(t.coined).padStart(5)} ${per(t.coined).padStart(6)} | ${String(t.numbered).padStart(5)} ${per(t.numbered).padStart(6)}`);
    if (t.samples.size > 0) print(`  coinages flagged: ${[...t.samples].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(' ')}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runCoinageEval();
