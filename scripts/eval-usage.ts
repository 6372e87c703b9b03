// Analysis (`npx tsx scripts/eval-usage.ts`): which quoted coinages and numbered slogans the corpus
// report bodies use, in how many reports, and how many 名词解释 appendices define them — the list
// editorial entries are chosen from. Reads ../shared/corpus at run time; skips without it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAppendix } from '../src/import/appendix';
import { importReport } from '../src/import/import-report';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const FOLDERS = ['national', 'shanghai', 'reports', 'sichuan', 'chengdu'] as const;

/** A quoted coinage: 2–14 characters of Chinese, digits and list marks between “ ” quotes. */
const QUOTED = /“([\u4e00-\u9fff0-9、，+]{2,14})”/gu;
/** A numbered slogan outside quotes: a count and one to four characters (四个意识, 两个维护). */
const NUMBERED = /([一二三四五六七八九十两]{1,2}个[\u4e00-\u9fff]{2,4}?)(?=[，。、；“”）\s])/gu;

/** How a quoted form is keyed: quotes and list marks kept apart, so 双随机、一公开 stays one key. */
export function usageKey(form: string): string {
  return form.replace(/[“”"「」]/gu, '').trim();
}

/** The distinct quoted coinages and numbered slogans of one text. */
export function formsUsed(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(QUOTED)) found.add(usageKey(match[1]!));
  for (const match of text.matchAll(NUMBERED)) found.add(usageKey(match[1]!));
  return found;
}

/** Every report (.md, READMEs left out) under `dir`, in path order. */
export function listReports(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...listReports(full));
    else if (name.endsWith('.md') && !/^readme/iu.test(name)) found.push(full);
  }
  return found.sort();
}

/** The year a report file names (…/2021.md), if any. */
const yearOfFile = (file: string) => Number(/((?:19|20)\d{2})\.md$/u.exec(file)?.[1]) || undefined;

/**
 * `npx tsx scripts/eval-usage.ts [rows] [--until YEAR]`: with --until, reports of later years are
 * left out, so that entries chosen from the list are chosen without the held-out reports (2023+).
 */
function main(): void {
  const args = process.argv.slice(2);
  const untilAt = args.indexOf('--until');
  const until = untilAt >= 0 ? Number(args[untilAt + 1]) : Infinity;
  const rowsArg = args.find((arg, i) => /^\d+$/u.test(arg) && (untilAt < 0 || i !== untilAt + 1));
  if (!existsSync(CORPUS)) {
    console.log(`usage analysis skipped: no corpus at ${CORPUS}`);
    return;
  }
  const used = new Map<string, { reports: number; places: Set<string> }>();
  const defined = new Map<string, number>();
  for (const folder of FOLDERS) {
    const dir = path.join(CORPUS, folder);
    if (!existsSync(dir)) continue;
    for (const file of listReports(dir)) {
      if ((yearOfFile(file) ?? 0) > until) continue;
      const text = readFileSync(file, 'utf8');
      const end = findAppendix(text);
      const body = end < 0 ? text : text.slice(0, end);
      const place = folder === 'reports' ? path.basename(path.dirname(file)) : folder;
      for (const form of formsUsed(body)) {
        const row = used.get(form) ?? { reports: 0, places: new Set<string>() };
        row.reports += 1;
        row.places.add(place);
        used.set(form, row);
      }
      if (end >= 0) {
        const forms = new Set(importReport(text, file).entries.flatMap((e) => [e.term, ...(e.aliases ?? [])].map(usageKey)));
        for (const form of forms) defined.set(form, (defined.get(form) ?? 0) + 1);
      }
    }
  }
  const rows = [...used]
    .map(([form, row]) => ({ form, reports: row.reports, places: row.places.size, defined: defined.get(form) ?? 0 }))
    .filter((row) => row.places >= 5)
    .sort((a, b) => b.places - a.places || b.reports - a.reports);
  console.log('form\treports\tplaces\tappendices defining it');
  for (const row of rows.slice(0, Number(rowsArg ?? 400))) console.log(`${row.form}\t${row.reports}\t${row.places}\t${row.defined}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
