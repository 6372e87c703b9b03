// Evaluates the numbered-slogan detector on the real reports in ../shared/corpus: the numbered terms
// of each report's 名词解释 appendix that occur in its body are the truth. Reads the corpus at run
// time only; nothing of it is written into the project.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMatcher } from '../src/core/matcher';
import { scanSlogans } from '../src/core/slogans';
import type { TextMatch } from '../src/core/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const FOLDERS = ['sichuan', 'chengdu'];

/** Hand labels for candidates that are not appendix terms: slogan names only, judged by us. */
interface Labels {
  slogans: string[];
  notSlogans: string[];
}

interface Occurrence {
  term: string;
  start: number;
  end: number;
}

/** Totals over the whole corpus (also returned for scripts that want the numbers). */
export interface MatcherEvalSummary {
  truthTerms: number;
  foundTerms: number;
  truthOccurrences: number;
  foundOccurrences: number;
  candidates: number;
  real: number;
  wrong: number;
  unjudged: number;
}

/** Where the 名词解释 appendix starts, or -1. */
export function appendixStart(text: string): number {
  const heading = /(?:^|\n)[\s*#]*名词解释/g;
  let start = -1;
  for (let match = heading.exec(text); match; match = heading.exec(text)) start = match.index;
  if (start === -1) {
    // Some reports run the appendix into the last paragraph: …而努力奋斗！名词解释和说明1、“7+3”产业：…
    const inline = text.lastIndexOf('名词解释');
    if (inline !== -1 && /^[^\n]{0,8}[1１（(]/.test(text.slice(inline + 4))) start = inline;
  }
  return start;
}

/** The terms an appendix explains: the text before the first colon of each numbered item. */
export function appendixTerms(appendix: string): string[] {
  const item = /(?:^|\n|说明|解释|。)[\s*]*(?:[（(]\s*\d+\s*[）)]|\d+\s*[.、．])[\s*]*([^：:\n]{1,40}?)[\s*]*[：:]/g;
  const terms: string[] = [];
  for (let match = item.exec(appendix); match; match = item.exec(appendix)) {
    const term = (match[1] ?? '').replace(/[*\s]/g, '');
    if (term.length > 0) terms.push(term);
    item.lastIndex = match.index + match[0].length;
  }
  return terms;
}

// A term is numbered when a numeral in it counts something: 两重, 十项民生工程, “1+4+7”政策体系,
// 稳增长“21”条. Durations, years and codes (三年行动计划, 2049远景…, PM2.5), ordinals (一等奖,
// 新一轮), road and place names (五环路, 四川) and words that merely contain a numeral character
// (统一, 进一步, 二氧化碳) are not. Independent of the detector on purpose.
export function isNumberedTerm(term: string): boolean {
  const name = term.replace(/[“”"‘’「」『』]/g, '').replace(/统一|一体|一般|进一步|唯一|单一|一些|一流|一站式|一轮|[一二三]等奖|二氧化碳|三角|四川|[一二三四五六]环路|万元|第[一二三四五六七八九十]+/g, '');
  if (/[一二两三四五六七八九十百千万双](?![年月日届次期])/.test(name.replace(/[一二两三四五六七八九十]+[年月日届次期]/g, ''))) return true;
  if (/[0-9０-９]+\s*[+＋]\s*[0-9０-９Nn]/.test(name)) return true;
  return /[“"][0-9０-９]+[”"]/.test(term) || /^[0-9]{3,5}(?![0-9])(?!年)/.test(name) && !/^(?:19|20)\d\d/.test(name) || /[0-9]+条/.test(name);
}

function within(found: readonly TextMatch[], occurrence: Occurrence): boolean {
  return found.some((match) => match.start < occurrence.end && occurrence.start < match.end);
}

/** Runs the evaluation and prints the listing, per file and in total. */
export async function runMatcherEval(print: (line: string) => void = console.log): Promise<MatcherEvalSummary> {
  if (!existsSync(CORPUS)) {
    print(`numbered-slogan evaluation skipped: no corpus at ${CORPUS}`);
    return { truthTerms: 0, foundTerms: 0, truthOccurrences: 0, foundOccurrences: 0, candidates: 0, real: 0, wrong: 0, unjudged: 0 };
  }
  const labels = JSON.parse(await readFile(join(ROOT, 'scripts/eval-matcher-labels.json'), 'utf8')) as Labels;
  const yes = new Set(labels.slogans);
  const no = new Set(labels.notSlogans);
  const total: MatcherEvalSummary = { truthTerms: 0, foundTerms: 0, truthOccurrences: 0, foundOccurrences: 0, candidates: 0, real: 0, wrong: 0, unjudged: 0 };
  const unjudged = new Map<string, number>();
  const distinct = { real: new Set<string>(), wrong: new Set<string>() };
  print('numbered-slogan detector on corpus 名词解释 appendices (no glossary)\n');
  print('file            terms found  recall | occ found | cand real wrong unjudged precision');
  for (const folder of FOLDERS) {
    const files = (await readdir(join(CORPUS, folder))).filter((name) => name.endsWith('.md')).sort();
    for (const name of files) {
      const text = await readFile(join(CORPUS, folder, name), 'utf8');
      const start = appendixStart(text);
      if (start === -1) continue;
      const body = text.slice(0, start);
      const terms = [...new Set(appendixTerms(text.slice(start)))];
      const termFinder = createMatcher(
        { entries: terms.map((term, index) => ({ id: String(index), term, forms: [term] })) },
        { slogans: false, fuzzy: false },
      );
      const occurrences: Occurrence[] = termFinder.scan(body).map((match) => ({ term: match.term ?? '', start: match.start, end: match.end }));
      // Numbered slogans only (coinages are scored by eval-coinages.ts), as an empty glossary's matcher shows them.
      const found: TextMatch[] = scanSlogans(body, { coinages: false }).map((c) => ({ start: c.start, end: c.end, text: c.text, kind: 'unknown-slogan' }));
      const truth = terms.filter((term) => isNumberedTerm(term) && occurrences.some((occurrence) => occurrence.term === term));
      const missed = truth.filter((term) => !occurrences.some((occurrence) => occurrence.term === term && within(found, occurrence)));
      const truthOccurrences = occurrences.filter((occurrence) => truth.includes(occurrence.term));
      const foundOccurrences = truthOccurrences.filter((occurrence) => within(found, occurrence)).length;
      let real = 0;
      let wrong = 0;
      let open = 0;
      const listing = new Map<string, string>();
      for (const match of found) {
        const key = match.text.replace(/[“”"‘’「」『』]/g, '');
        let verdict: string;
        if (occurrences.some((occurrence) => match.start < occurrence.end && occurrence.start < match.end) || terms.some((term) => term.includes(key))) verdict = 'appendix';
        else if (yes.has(key)) verdict = 'yes';
        else if (no.has(key)) verdict = 'NO';
        else verdict = '?';
        if (verdict === 'NO') distinct.wrong.add(key);
        else if (verdict !== '?') distinct.real.add(key);
        if (verdict === 'NO') wrong++;
        else if (verdict === '?') {
          open++;
          unjudged.set(key, (unjudged.get(key) ?? 0) + 1);
        } else real++;
        listing.set(`${match.text}`, verdict);
      }
      const label = `${folder}/${name}`.padEnd(16);
      const recall = truth.length === 0 ? 1 : (truth.length - missed.length) / truth.length;
      const precision = real + wrong === 0 ? 1 : real / (real + wrong);
      print(
        `${label}${String(truth.length).padStart(5)} ${String(truth.length - missed.length).padStart(5)}  ${recall.toFixed(2).padStart(6)} |` +
          ` ${String(truthOccurrences.length).padStart(3)} ${String(foundOccurrences).padStart(5)} |` +
          ` ${String(found.length).padStart(4)} ${String(real).padStart(4)} ${String(wrong).padStart(5)} ${String(open).padStart(8)} ${precision.toFixed(2).padStart(9)}`,
      );
      if (missed.length > 0) print(`    missed: ${missed.join('  ')}`);
      const shown = [...listing].map(([candidate, verdict]) => (verdict === 'appendix' ? candidate : `${candidate}[${verdict}]`));
      print(`    candidates: ${shown.join(' ')}`);
      total.truthTerms += truth.length;
      total.foundTerms += truth.length - missed.length;
      total.truthOccurrences += truthOccurrences.length;
      total.foundOccurrences += foundOccurrences;
      total.candidates += found.length;
      total.real += real;
      total.wrong += wrong;
      total.unjudged += open;
    }
  }
  const recall = total.foundTerms / Math.max(1, total.truthTerms);
  const precision = total.real / Math.max(1, total.real + total.wrong);
  const strict = total.real / Math.max(1, total.candidates);
  print('');
  print(`total: recall ${recall.toFixed(3)} (${total.foundTerms}/${total.truthTerms} numbered appendix terms; occurrences ${total.foundOccurrences}/${total.truthOccurrences})`);
  print(`       precision ${precision.toFixed(3)} (${total.real} real / ${total.real + total.wrong} judged candidates; ${total.unjudged} unjudged; counting unjudged as wrong: ${strict.toFixed(3)})`);
  print(`       distinct names: ${distinct.real.size} real, ${distinct.wrong.size} wrong (${(distinct.real.size / Math.max(1, distinct.real.size + distinct.wrong.size)).toFixed(3)})`);
  print('precision: a candidate is real when it overlaps an appendix term of its report or is hand-labelled a slogan in scripts/eval-matcher-labels.json; wrong when labelled not a slogan.');
  if (unjudged.size > 0) print(`unjudged: ${[...unjudged].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key}×${count}`).join(' ')}`);
  return total;
}
