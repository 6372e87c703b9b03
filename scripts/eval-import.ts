// `npm run eval` (importer part): on the corpus reports with a 名词解释 appendix, how many appendix
// entries the importer recovers in each file format (term exact, definition exact after whitespace
// normalisation), and whether scanning a report's body with its own imported appendix finds the
// appendix terms. Corpus text is read at run time only; nothing of it is written to the project.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { compileGlossaryPack } from '../src/core/glossary-compile';
import { createMatcher } from '../src/core/matcher';
import type { GlossaryEntry } from '../src/core/types';
import { findAppendix } from '../src/import/appendix';
import { importReport } from '../src/import/import-report';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

/**
 * Appendix entries per report, counted by hand: the numbered entries of each 名词解释 list, including
 * one run into the previous line (sichuan/2017 no. 23) and the single entry of the abridged
 * sichuan/2012 text, whose heading is glued to the last paragraph.
 */
const EXPECTED_ENTRIES: Readonly<Record<string, number>> = {
  'sichuan/2003.md': 24, 'sichuan/2004.md': 7, 'sichuan/2005.md': 21, 'sichuan/2006.md': 24,
  'sichuan/2007.md': 20, 'sichuan/2008.md': 18, 'sichuan/2009.md': 29, 'sichuan/2010.md': 47,
  'sichuan/2011.md': 28, 'sichuan/2012.md': 1, 'sichuan/2014.md': 22, 'sichuan/2015.md': 25,
  'sichuan/2017.md': 46, 'sichuan/2018.md': 51, 'sichuan/2019.md': 55, 'sichuan/2020.md': 55,
  'sichuan/2021.md': 49, 'sichuan/2022.md': 53, 'sichuan/2023.md': 50, 'sichuan/2024.md': 57,
  'sichuan/2025.md': 50, 'sichuan/2026.md': 20,
  'chengdu/2013.md': 18, 'chengdu/2014.md': 16, 'chengdu/2015.md': 16, 'chengdu/2016.md': 28,
  'chengdu/2017.md': 28, 'chengdu/2018.md': 20, 'chengdu/2019.md': 25, 'chengdu/2020.md': 21,
  'chengdu/2021.md': 26, 'chengdu/2022.md': 26, 'chengdu/2023.md': 46, 'chengdu/2024.md': 39,
  'chengdu/2025.md': 46, 'chengdu/2026.md': 40,
};

type Format = 'md' | 'txt' | 'html' | 'docx';
const FORMATS: readonly Format[] = ['md', 'txt', 'html', 'docx'];

/** One appendix entry as a plain reading of the text gives it: the head before the colon and the rest. */
interface ReferenceEntry {
  number: number;
  head: string;
  definition: string;
}

const squash = (text: string): string => text.replace(/\s+/gu, '');
const unquote = (text: string): string => text.replace(/[“”"「」『』‘’]/gu, '');

/**
 * The reference reading, deliberately simpler than the importer: entry N starts where the number N
 * stands at a line start or after a full stop, and runs to the start of entry N+1 (or N+2 when a
 * number is skipped); the head is everything before the first colon outside quotes.
 */
function referenceEntries(text: string, expected: number): Map<number, ReferenceEntry> {
  const start = text.lastIndexOf('名词解释');
  const appendix = text.slice(start).replace(/<!--[\s\S]*?-->/gu, '').replace(/\*\*/gu, '');
  const starts: { number: number; at: number; body: number }[] = [];
  let from = 0;
  for (let number = 1; number <= expected + 1; number += 1) {
    const marker = new RegExp(`(?<=^|\\n|[。！？]|名词解释和说明)\\s*(?:（${number}）|${number}\\s*[.．、])`, 'u');
    const found = marker.exec(appendix.slice(from));
    if (!found) continue;
    const at = from + found.index;
    starts.push({ number, at, body: at + found[0].length });
    from = at + found[0].length;
  }
  const entries = new Map<number, ReferenceEntry>();
  starts.forEach((entry, index) => {
    const end = starts[index + 1]?.at ?? appendix.length;
    const raw = appendix.slice(entry.body, end).trim();
    let depth = 0;
    let colon = -1;
    for (let i = 0; i < raw.length && colon < 0; i += 1) {
      const char = raw[i] ?? '';
      if (char === '“') depth += 1;
      else if (char === '”') depth = Math.max(0, depth - 1);
      else if ((char === '：' || char === ':') && depth === 0) colon = i;
    }
    if (colon > 0) entries.set(entry.number, { number: entry.number, head: raw.slice(0, colon), definition: raw.slice(colon + 1) });
  });
  return entries;
}

/** Why an imported appendix entry disagrees with the reference reading, or undefined when it agrees. */
function judge(reference: ReferenceEntry | undefined, imported: readonly GlossaryEntry[]): string | undefined {
  if (imported.length === 0) return '未导入 / not imported';
  if (!reference) return '参照读法找不到此条 / reference reading has no such entry';
  const head = squash(unquote(reference.head));
  const forms = imported.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])].map((form) => squash(unquote(form))));
  const termOk =
    forms.includes(head) || (imported.length > 1 && imported.every((entry) => head.includes(squash(entry.term))));
  if (!termOk) return `术语不符 / term: “${imported.map((entry) => entry.term).join('”“')}” vs head “${reference.head}”`;
  const wrongDefinition = imported.find((entry) => squash(entry.definition ?? '') !== squash(reference.definition));
  if (wrongDefinition) return `释义不符 / definition differs for “${wrongDefinition.term}”`;
  return undefined;
}

function markdownToText(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/u, '').replace(/\*\*/gu, '');
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function markdownToHtml(markdown: string): string {
  const title = /^title:\s*(.+)$/mu.exec(markdown)?.[1] ?? '';
  const body = markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split('\n')
    .filter((line) => line.trim().length > 0 && !line.startsWith('<!--'))
    .map((line) => `<p>${escapeHtml(line).replace(/\*\*(.+?)\*\*/gu, '<strong>$1</strong>').replace(/\*\*/gu, '')}</p>`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>\n${body.join('\n')}\n</body></html>`;
}

async function markdownToDocx(markdown: string): Promise<Uint8Array> {
  const paragraphs = markdown
    .replace(/^---\n[\s\S]*?\n---\n/u, '')
    .split('\n')
    .filter((line) => line.trim().length > 0 && !line.startsWith('<!--'))
    .map((line) => new Paragraph({ children: line.split('**').map((text, index) => new TextRun({ text, bold: index % 2 === 1 })) }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

async function variant(markdown: string, format: Format): Promise<{ input: Uint8Array | string; name: string }> {
  if (format === 'md') return { input: markdown, name: 'report.md' };
  if (format === 'txt') return { input: markdownToText(markdown), name: 'report.txt' };
  if (format === 'html') return { input: markdownToHtml(markdown), name: 'report.html' };
  return { input: await markdownToDocx(markdown), name: 'report.docx' };
}

/** Occurrences of the appendix's terms in the body, leftmost-longest, found with indexOf. */
function termOccurrences(body: string, entries: readonly GlossaryEntry[]): { start: number; end: number; terms: Set<string> }[] {
  const forms = new Map<string, Set<string>>();
  for (const entry of entries) {
    for (const form of [entry.term, ...(entry.aliases ?? [])]) {
      if (form.length < 2) continue;
      forms.set(form, (forms.get(form) ?? new Set()).add(entry.term));
    }
  }
  const all: { start: number; end: number; terms: Set<string> }[] = [];
  for (const [form, terms] of forms) {
    for (let at = body.indexOf(form); at !== -1; at = body.indexOf(form, at + 1)) all.push({ start: at, end: at + form.length, terms });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: typeof all = [];
  for (const occurrence of all) {
    const last = chosen.at(-1);
    if (last && occurrence.start < last.end) continue;
    chosen.push(occurrence);
  }
  return chosen;
}

/** Runs the importer evaluation and prints it; exits non-zero when a target is missed. */
export async function runImportEval(): Promise<void> {
  console.log('== 名词解释导入评估 / 名词解释 importer evaluation ==');
  const failures: string[] = [];
  const recovered: Record<Format, number> = { md: 0, txt: 0, html: 0, docx: 0 };
  let expectedTotal = 0;
  let occurrencesTotal = 0;
  let foundTotal = 0;
  const scanMisses: string[] = [];
  console.log(`${'file'.padEnd(16)} ${'expected'.padStart(8)} ${FORMATS.map((format) => format.padStart(6)).join(' ')}   body-scan`);
  for (const dir of ['sichuan', 'chengdu']) {
    for (const name of readdirSync(`${CORPUS}${dir}`).sort()) {
      const file = `${dir}/${name}`;
      const expected = EXPECTED_ENTRIES[file];
      if (expected === undefined) continue;
      expectedTotal += expected;
      const markdown = readFileSync(`${CORPUS}${file}`, 'utf8');
      const reference = referenceEntries(markdown, expected);
      const counts: string[] = [];
      let mdEntries: GlossaryEntry[] = [];
      for (const format of FORMATS) {
        const { input, name: fileName } = await variant(markdown, format);
        const result = importReport(input, fileName);
        if (format === 'md') mdEntries = result.entries;
        const byNumber = new Map<number, GlossaryEntry[]>();
        for (const entry of result.entries) {
          const number = entry.source?.appendix;
          if (number !== undefined) byNumber.set(number, [...(byNumber.get(number) ?? []), entry]);
        }
        const numbers = new Set([...reference.keys(), ...byNumber.keys()]);
        let good = 0;
        for (const number of [...numbers].sort((a, b) => a - b)) {
          const problem = judge(reference.get(number), byNumber.get(number) ?? []);
          if (problem) failures.push(`${file} [${format}] 第 ${number} 条 / entry ${number}: ${problem}`);
          else good += 1;
        }
        if (numbers.size !== expected) failures.push(`${file} [${format}]: 条数 ${numbers.size}，应为 ${expected} / entry count ${numbers.size}, expected ${expected}`);
        const credited = Math.min(good, expected);
        recovered[format] += credited;
        counts.push(`${credited}`.padStart(6));
      }
      const bodyEnd = findAppendix(markdown);
      const body = markdown.slice(0, bodyEnd < 0 ? markdown.length : bodyEnd);
      const pack = compileGlossaryPack([{ path: file, file: { source: { title: file, kind: '名词解释' }, entries: mdEntries } }]);
      const matches = createMatcher(pack, { slogans: false, fuzzy: false }).scan(body);
      const idsByTerm = new Map(pack.entries.map((entry) => [entry.term, entry.id]));
      const occurrences = termOccurrences(body, mdEntries);
      let found = 0;
      for (const occurrence of occurrences) {
        const ids = new Set([...occurrence.terms].map((term) => idsByTerm.get(term)));
        const hit = matches.some((match) => match.kind === 'term' && match.start <= occurrence.start && match.end >= occurrence.end && ids.has(match.entryId));
        if (hit) found += 1;
        else scanMisses.push(`${file}: “${body.slice(occurrence.start, occurrence.end)}” @${occurrence.start} …${body.slice(Math.max(0, occurrence.start - 8), occurrence.end + 8).replace(/\s+/gu, ' ')}…`);
      }
      occurrencesTotal += occurrences.length;
      foundTotal += found;
      console.log(`${file.padEnd(16)} ${String(expected).padStart(8)} ${counts.join(' ')}   ${found}/${occurrences.length}`);
    }
  }
  const share = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  console.log('');
  for (const format of FORMATS) {
    console.log(`recovered [${format}]: ${recovered[format]}/${expectedTotal} = ${share(recovered[format], expectedTotal)} (target ≥ 98%)`);
  }
  console.log(`body scan with the report's own appendix: ${foundTotal}/${occurrencesTotal} = ${share(foundTotal, occurrencesTotal)} (target ≥ 99%)`);
  if (failures.length > 0) {
    console.log(`\n导入失败 / import failures (${failures.length}):`);
    for (const failure of failures) console.log(`  ${failure}`);
  }
  if (scanMisses.length > 0) {
    console.log(`\n正文中未找到 / body occurrences not found (${scanMisses.length}):`);
    for (const miss of scanMisses) console.log(`  ${miss}`);
  }
  const worst = Math.min(...FORMATS.map((format) => recovered[format] / expectedTotal));
  if (worst < 0.98 || foundTotal / Math.max(1, occurrencesTotal) < 0.99) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await runImportEval();
