// `npm run eval` (importer part): on every corpus report with a 名词解释 appendix (reports/**,
// sichuan/, chengdu/), how many appendix entries the importer recovers in each file format (term
// exact, definition exact after whitespace normalisation), per folder and for the dev (≤2020) and
// held-out (2021+) years, and whether scanning a report's body with its own imported appendix finds
// the appendix terms. Corpus text is read at run time only; nothing of it is written to the project.
// Flags: --formats md,txt (default md,txt,html,docx), --failures N (how many failures to list,
// default 60), --every N (read only every Nth report, e.g. for the slow PDF formats), --only TEXT
// (only the reports whose path contains TEXT).
// PDF formats (asked for with --formats; each report made into a PDF here, none kept):
//   pdf       the HTML printed by headless Chromium, set as a government document (仿宋-like serif,
//             16 pt, first lines indented, page numbers in the foot);
//   pdf-word  the .docx converted by LibreOffice (soffice), as a Word user's export; skipped
//             without soffice.
//   ofd       the Chromium-printed PDF converted to OFD here, as PDF-to-OFD converters write one (a
//             text object a text run of pdf.js, its glyphs' steps as DeltaX, placed through a CTM;
//             tests/support/ofd-writer.ts): no OFD writer runs on this machine, so this measures
//             the reader's placing and the layout on real pages' positions, not a writer's quirks.
// Other word processors' files, the .docx converted by LibreOffice (skipped without soffice):
//   doc (Word 97–2003), rtf, odt, wordxml (Word 2003 XML, saved as .doc as 公文 systems serve it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser } from 'puppeteer-core';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { openPdf, readPdfText } from '../src/cli/pdf-reader';
import { compileGlossaryPack } from '../src/core/glossary-compile';
import { createMatcher } from '../src/core/matcher';
import type { GlossaryEntry } from '../src/core/types';
import { findAppendix } from '../src/import/appendix';
import { importReport } from '../src/import/import-report';
import { importPdfText } from '../src/import/pdf-import';
import type { ImportResult } from '../src/import/types';
import { CHROMIUM_PATH, launchBrowser } from '../tests/e2e/support/browsers';
import { ofdPackage, type OfdLine } from '../tests/support/ofd-writer';

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

type Format = 'md' | 'txt' | 'html' | 'docx' | 'pdf' | 'pdf-word' | 'doc' | 'rtf' | 'odt' | 'wordxml' | 'ofd';
const FORMATS: readonly Format[] = ['md', 'txt', 'html', 'docx', 'pdf', 'pdf-word', 'doc', 'rtf', 'odt', 'wordxml', 'ofd'];
/** The formats made by LibreOffice, and its filter for each. */
const SOFFICE_FILTERS: Partial<Record<Format, { filter: string; made: string; name: string }>> = {
  'pdf-word': { filter: 'pdf', made: 'report.pdf', name: 'report.pdf' },
  doc: { filter: 'doc', made: 'report.doc', name: 'report.doc' },
  rtf: { filter: 'rtf', made: 'report.rtf', name: 'report.rtf' },
  odt: { filter: 'odt', made: 'report.odt', name: 'report.odt' },
  wordxml: { filter: 'xml:MS Word 2003 XML', made: 'report.xml', name: 'report.doc' },
};
const DEFAULT_FORMATS: readonly Format[] = ['md', 'txt', 'html', 'docx'];

/** One appendix entry as a plain reading of the text gives it: the head before the colon and the rest. */
interface ReferenceEntry {
  number: number;
  head: string;
  definition: string;
}

const squash = (text: string): string => text.replace(/\s+/gu, '');
const unquote = (text: string): string => text.replace(/[“”"「」『』‘’]/gu, '');
const formKey = (text: string): string => squash(unquote(text));

/** Position of the first colon outside “…” quotes, or -1. */
function headColon(raw: string): number {
  let depth = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const char = raw[i] ?? '';
    if (char === '“') depth += 1;
    else if (char === '”') depth = Math.max(0, depth - 1);
    else if ((char === '：' || char === ':') && depth === 0) return i;
  }
  return -1;
}

/** Entry number marks in the forms the corpus shows, for number `n`. */
const numberMark = (n: number): string => `(?:\\[\\^${n}\\]:?|[（(［\\[【〔﹝]\\s*${n}\\s*[）)］\\]】〕﹞]|${n}\\s*[.．、])`;

/** The appendix text: after the last line that is a 名词解释 heading, else after the last 名词解释 anywhere. */
function appendixOf(text: string): string {
  const clean = text
    .replace(/<!--\s*([^<>]*?名词解释[^<>]*?)\s*-->/gu, '$1')
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/\*\*/gu, '');
  const lines = clean.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = (lines[i] ?? '').replace(/^[#\s>]+/u, '').trim();
    if (/名词(?:解释|注释)/u.test(line) && line.length <= 60 && !/[。；]$/u.test(line)) return lines.slice(i + 1).join('\n');
  }
  const at = clean.lastIndexOf('名词解释');
  return at < 0 ? '' : clean.slice(at + 4);
}

/**
 * The reference reading, deliberately simpler than the importer. Numbered appendix: entry N starts
 * where the number N stands at a line start or after a full stop, and runs to the start of the next
 * number found. Unnumbered: a line whose text before its first colon (outside quotes) is short
 * and has no sentence punctuation starts an entry, and so does a quoted phrase with a colon right
 * after a full stop; other lines continue the entry before; lines before the first entry are
 * left out, and a line of the web page around the report (来源：, 责任编辑：) or the heading of the
 * next annex (附录二) ends the list. The head is everything before the first colon outside quotes.
 */
function referenceEntries(text: string): { entries: ReferenceEntry[]; numbered: boolean; gaps: number[] } {
  const appendix = appendixOf(text);
  const firstLines = appendix.split('\n').filter((line) => line.trim().length > 0).slice(0, 4).join('\n');
  const numbered = new RegExp(`(?:^|\\n)\\s*${numberMark(1)}`, 'u').test(firstLines);
  const entries: ReferenceEntry[] = [];
  const gaps: number[] = [];
  if (numbered) {
    const starts: { number: number; at: number; body: number }[] = [];
    let from = 0;
    let misses = 0;
    for (let number = 1; misses < 3; number += 1) {
      const marker = new RegExp(`(?<=^|\\n|[。！？])\\s*${numberMark(number)}`, 'u');
      const found = marker.exec(appendix.slice(from));
      if (!found) {
        misses += 1;
        gaps.push(number);
        continue;
      }
      misses = 0;
      const at = from + found.index;
      starts.push({ number, at, body: at + found[0].length });
      from = at + found[0].length;
    }
    while (gaps.length > 0 && (gaps.at(-1) ?? 0) > (starts.at(-1)?.number ?? 0)) gaps.pop();
    starts.forEach((entry, index) => {
      const raw = appendix.slice(entry.body, starts[index + 1]?.at ?? appendix.length).trim();
      const colon = headColon(raw);
      const spaced = /^([^\s：:。，；、,;]{2,30})[ \t\u3000]+/u.exec(raw);
      const head = colon > 0 ? raw.slice(0, colon) : '';
      const goodColon = head.length > 0 && [...head].length <= 30 && !/[。；，]/u.test(unquote(head).replace(/（[^）]*）/gu, ''));
      if (spaced && !goodColon) entries.push({ number: entry.number, head: spaced[1] ?? '', definition: raw.slice(spaced[0].length) });
      else if (colon > 0) entries.push({ number: entry.number, head, definition: raw.slice(colon + 1) });
    });
    return { entries, numbered, gaps };
  }
  const lines = appendix.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  if (lines.some((line) => line.startsWith('报告原文'))) {
    // 报告原文/解释 pairs: the line before each 报告原文 names the term; the definition follows 解释：.
    lines.forEach((line, index) => {
      if (!line.startsWith('报告原文') || index === 0) return;
      const rest = lines.slice(index, lines.findIndex((other, at) => at > index && lines[at + 1]?.startsWith('报告原文')) >>> 0).join('');
      const explained = /解释[：:]([\s\S]*)$/u.exec(rest)?.[1];
      if (explained !== undefined) entries.push({ number: entries.length + 1, head: lines[index - 1] ?? '', definition: explained });
    });
    return { entries, numbered, gaps };
  }
  const pieces = appendix
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .flatMap((line) => line.split(/(?<=[。；])(?=“[^“”]{1,20}”[^，。；：:]{0,8}[：:])/u));
  for (const piece of pieces) {
    // The web page around a republished report (来源：…, 责任编辑：…, 发布时间：…) ends the appendix.
    // So does the heading of the report's next annex (附录二：…数据汇总表, 附件2).
    if (/^(?:信息)?来源[：:]|^(?:责任)?编辑[：:]|^发布(?:时间|日期)?[：:]|^附[录件表]\s*[一二三四五六七八九十\d]/u.test(piece)) break;
    const colon = headColon(piece);
    const head = colon > 0 ? piece.slice(0, colon) : '';
    if (colon > 0 && [...head].length <= 30 && !/[。；，]/u.test(unquote(head).replace(/（[^）]*）/gu, ''))) {
      entries.push({ number: entries.length + 1, head, definition: piece.slice(colon + 1) });
    } else if (entries.length > 0) {
      const last = entries.at(-1);
      if (last) last.definition += piece;
    }
  }
  return { entries, numbered, gaps };
}

/** The imported entries that read the reference entry: same form as the head, or the terms of a shared head. */
function candidatesFor(reference: ReferenceEntry, imported: readonly GlossaryEntry[], used: Set<GlossaryEntry>): GlossaryEntry[] {
  const head = formKey(reference.head);
  const headNoPage = head.replace(/[（(][^）)]*[）)]$/u, '');
  const same = imported.find(
    (entry) => !used.has(entry) && [entry.term, ...(entry.aliases ?? [])].some((form) => formKey(form) === head || formKey(form) === headNoPage),
  );
  const number = same?.source?.appendix;
  if (same) {
    const group = imported.filter((entry) => entry.source?.appendix === number && !used.has(entry) && head.includes(formKey(entry.term)));
    return group.length > 0 ? group : [same];
  }
  const within = imported.filter((entry) => !used.has(entry) && formKey(entry.term).length > 0 && head.includes(formKey(entry.term)));
  const first = within[0]?.source?.appendix;
  return within.filter((entry) => entry.source?.appendix === first);
}

/**
 * Why the imported entries disagree with the reference entry, or undefined when they agree: one
 * entry must carry the whole definition; several entries of one shared head each carry a part of
 * it (or the whole).
 */
function judge(reference: ReferenceEntry, imported: readonly GlossaryEntry[]): string | undefined {
  if (imported.length === 0) return `未导入 / not imported: “${reference.head}”`;
  const whole = squash(reference.definition);
  if (imported.length === 1) {
    const only = imported[0];
    if (squash(only?.definition ?? '') !== whole) return `释义不符 / definition differs for “${only?.term ?? ''}”`;
    return undefined;
  }
  const wrong = imported.find((entry) => {
    const definition = squash(entry.definition ?? '');
    return definition.length === 0 || !whole.includes(definition);
  });
  if (wrong) return `释义不符 / definition differs for “${wrong.term}” (shared head “${reference.head}”)`;
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

/** The printed look of a government document: serif, 16 pt, first lines indented, numbered pages. */
const PRINT_STYLE =
  '<style>body{font-family:"Noto Serif CJK SC",serif;font-size:16pt;line-height:1.55;margin:0} p{text-indent:2em;margin:0;text-align:justify} h1{font-size:22pt;text-align:center;font-weight:normal}</style>';

let printer: Promise<Browser> | undefined;

async function markdownToPdf(markdown: string): Promise<Uint8Array> {
  printer ??= launchBrowser('chromium').then((launched) => launched.browser);
  const page = await (await printer).newPage();
  try {
    await page.setContent(markdownToHtml(markdown).replace('</head>', `${PRINT_STYLE}</head>`), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return new Uint8Array(
      await page.pdf({
        format: 'A4',
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:12pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
        margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
      }),
    );
  } finally {
    await page.close();
  }
}

/** Points to millimetres. */
const MM = 25.4 / 72;

/** A PDF as a PDF-to-OFD converter writes it: each of pdf.js's horizontal text runs placed where it is on its page. */
async function pdfToOfd(pdf: Uint8Array): Promise<Uint8Array> {
  // The loading task's document, with the parts pdf-document.ts does not type (page sizes, text items).
  const document = (await (await openPdf(pdf)).promise) as unknown as PDFDocumentProxy;
  try {
    const pages: OfdLine[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const height = page.getViewport({ scale: 1 }).height;
      const lines: OfdLine[] = [];
      for (const item of (await page.getTextContent()).items) {
        // Spaces too: a typed space is a glyph a converter writes (pdf.js's own, for a justified
        // line's gaps, sit in its runs, which keep their width).
        if (!('str' in item) || item.str.length === 0) continue;
        const [a, b, c, d, x, y] = (item as TextItem).transform as number[];
        if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01 || !(a! > 0)) continue;
        lines.push({ text: item.str, x: x! * MM, baseline: (height - y!) * MM, size: Math.abs(d!) * MM, width: item.width * MM });
      }
      pages.push(lines);
      page.cleanup();
    }
    return ofdPackage(pages, { shape: 'converted-runs' });
  } finally {
    await document.destroy();
  }
}

const hasSoffice = (): boolean => spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

/** The .docx variant converted by LibreOffice (`filter`: its --convert-to argument), the file it made. */
async function markdownConverted(markdown: string, filter: string, made: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-eval-soffice-'));
  try {
    writeFileSync(join(dir, 'report.docx'), await markdownToDocx(markdown));
    const converted = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    if (converted.status !== 0) throw new Error(`soffice exited ${converted.status}`);
    return new Uint8Array(readFileSync(join(dir, made)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function variant(markdown: string, format: Format): Promise<{ input: Uint8Array | string; name: string }> {
  if (format === 'md') return { input: markdown, name: 'report.md' };
  if (format === 'txt') return { input: markdownToText(markdown), name: 'report.txt' };
  if (format === 'html') return { input: markdownToHtml(markdown), name: 'report.html' };
  if (format === 'pdf') return { input: await markdownToPdf(markdown), name: 'report.pdf' };
  if (format === 'ofd') return { input: await pdfToOfd(await markdownToPdf(markdown)), name: 'report.ofd' };
  const soffice = SOFFICE_FILTERS[format];
  if (soffice) return { input: await markdownConverted(markdown, soffice.filter, soffice.made), name: soffice.name };
  return { input: await markdownToDocx(markdown), name: 'report.docx' };
}

/** The importer on one variant, as the CLI runs it (a PDF read by pdf.js first). */
async function importVariant(input: Uint8Array | string, name: string): Promise<ImportResult> {
  if (!name.endsWith('.pdf') || typeof input === 'string') return importReport(input, name);
  return importPdfText(await readPdfText(input, name));
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

interface Tally {
  reference: number;
  recovered: number;
}

function addTo(tallies: Map<string, Tally>, key: string, reference: number, recovered: number): void {
  const tally = tallies.get(key) ?? { reference: 0, recovered: 0 };
  tally.reference += reference;
  tally.recovered += recovered;
  tallies.set(key, tally);
}

/** Every report with a 名词解释 appendix: reports/** and sichuan/, chengdu/, as corpus-relative paths. */
function corpusFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(`${CORPUS}${dir}`).sort()) {
      const file = `${dir}/${name}`;
      if (statSync(`${CORPUS}${file}`).isDirectory()) walk(file);
      else if (name.endsWith('.md')) files.push(file);
    }
  };
  for (const dir of ['reports', 'sichuan', 'chengdu']) walk(dir);
  return files;
}

function folderOf(file: string): string {
  const parts = file.split('/');
  return parts[0] === 'reports' ? `reports/${parts[1] ?? ''}` : (parts[0] ?? '');
}

function yearOf(file: string): number {
  return Number(/(\d{4})\.md$/u.exec(file)?.[1] ?? 0);
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** Runs the importer evaluation and prints it; exits non-zero when a target is missed. */
export async function runImportEval(): Promise<void> {
  console.log('== 名词解释导入评估 / 名词解释 importer evaluation ==');
  if (!existsSync(CORPUS)) {
    console.log(`跳过：找不到语料 ${CORPUS} / skipped: corpus not found`);
    return;
  }
  let formats = (argValue('--formats')?.split(',') ?? DEFAULT_FORMATS).filter((format): format is Format => FORMATS.includes(format as Format));
  if (formats.some((format) => format === 'pdf' || format === 'ofd') && !existsSync(CHROMIUM_PATH)) {
    console.log(`pdf, ofd: 跳过，没有 ${CHROMIUM_PATH} / skipped, no Chromium`);
    formats = formats.filter((format) => format !== 'pdf' && format !== 'ofd');
  }
  if (formats.some((format) => SOFFICE_FILTERS[format]) && !hasSoffice()) {
    console.log(`${formats.filter((format) => SOFFICE_FILTERS[format]).join(', ')}: 跳过，没有 LibreOffice（soffice）/ skipped, no LibreOffice`);
    formats = formats.filter((format) => !SOFFICE_FILTERS[format]);
  }
  const every = Math.max(1, Number(argValue('--every') ?? 1));
  const only = argValue('--only');
  const failureLimit = Number(argValue('--failures') ?? 60);
  const failures: string[] = [];
  const sanity: string[] = [];
  const byFolder = new Map<string, Tally>();
  const bySplit = new Map<string, Tally>();
  const byFormat = new Map<string, Tally>();
  let occurrencesTotal = 0;
  let foundTotal = 0;
  const scanMisses: string[] = [];
  for (const [index, file] of corpusFiles().entries()) {
    if (index % every !== 0 || (only !== undefined && !file.includes(only))) continue;
    const markdown = readFileSync(`${CORPUS}${file}`, 'utf8');
    const reference = referenceEntries(markdown);
    const handCount = EXPECTED_ENTRIES[file];
    if (!file.startsWith('reports/') && handCount === undefined) continue;
    if (handCount !== undefined && handCount !== reference.entries.length) {
      sanity.push(`${file}: 参照读法 ${reference.entries.length} 条，手数 ${handCount} 条 / reference reads ${reference.entries.length}, hand count ${handCount}`);
    }
    if (reference.entries.length === 0) sanity.push(`${file}: 参照读法读不出条目 / the reference reading finds no entries`);
    if (reference.gaps.length > 0) sanity.push(`${file}: 编号不连续，缺 ${reference.gaps.join(', ')} / numbering gaps`);
    const split = yearOf(file) >= 2021 ? 'held-out (2021+)' : 'dev (≤2020)';
    let mdEntries: GlossaryEntry[] = [];
    for (const format of formats) {
      const { input, name: fileName } = await variant(markdown, format);
      const result = await importVariant(input, fileName);
      if (format === 'md') mdEntries = result.entries;
      const used = new Set<GlossaryEntry>();
      let good = 0;
      for (const entry of reference.entries) {
        const group = candidatesFor(entry, result.entries, used);
        const problem = judge(entry, group);
        for (const taken of group) used.add(taken);
        if (problem) failures.push(`${file} [${format}] 第 ${entry.number} 条 / entry ${entry.number}: ${problem}`);
        else good += 1;
      }
      const extra = result.entries.filter((entry) => !used.has(entry));
      if (extra.length > 0 && format === 'md') {
        sanity.push(`${file}: 多导入 ${extra.length} 条 / ${extra.length} imported entries not in the reference: ${extra.slice(0, 3).map((entry) => `“${entry.term}”`).join(' ')}`);
      }
      addTo(byFormat, format, reference.entries.length, good);
      if (format === formats[0]) {
        addTo(byFolder, folderOf(file), reference.entries.length, good);
        addTo(bySplit, split, reference.entries.length, good);
        if (!file.startsWith('reports/') && yearOf(file) >= 2023) addTo(bySplit, 'held-out: 四川/成都 2023+', reference.entries.length, good);
        if (file.startsWith('reports/') && yearOf(file) >= 2021) addTo(bySplit, 'held-out: reports 2021–22', reference.entries.length, good);
      }
    }
    if (!file.startsWith('reports/') && mdEntries.length > 0) {
      const bodyEnd = findAppendix(markdown);
      const body = markdown.slice(0, bodyEnd < 0 ? markdown.length : bodyEnd);
      const pack = compileGlossaryPack([{ path: file, file: { source: { title: file, kind: '名词解释' }, entries: mdEntries } }]);
      const matches = createMatcher(pack, { slogans: false, fuzzy: false }).scan(body);
      const idsByTerm = new Map(pack.entries.map((entry) => [entry.term, entry.id]));
      const occurrences = termOccurrences(body, mdEntries);
      for (const occurrence of occurrences) {
        const ids = new Set([...occurrence.terms].map((term) => idsByTerm.get(term)));
        const hit = matches.some((match) => match.kind === 'term' && match.start <= occurrence.start && match.end >= occurrence.end && ids.has(match.entryId));
        if (hit) foundTotal += 1;
        else scanMisses.push(`${file}: “${body.slice(occurrence.start, occurrence.end)}” @${occurrence.start} …${body.slice(Math.max(0, occurrence.start - 8), occurrence.end + 8).replace(/\s+/gu, ' ')}…`);
      }
      occurrencesTotal += occurrences.length;
    }
  }
  const share = (n: number, d: number): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
  const show = (label: string, tally: Tally): void => {
    console.log(`  ${label.padEnd(24)} ${String(tally.recovered).padStart(5)}/${String(tally.reference).padEnd(5)} = ${share(tally.recovered, tally.reference)}`);
  };
  console.log(`\n按文件夹 / per folder [${formats[0] ?? ''}]:`);
  for (const [folder, tally] of byFolder) show(folder, tally);
  console.log(`按年份 / split [${formats[0] ?? ''}]:`);
  for (const [split, tally] of [...bySplit].sort()) show(split, tally);
  console.log('按格式 / per format (all files):');
  for (const [format, tally] of byFormat) show(format, tally);
  console.log('target ≥ 98% in every format');
  console.log(`body scan with the report's own appendix (sichuan, chengdu): ${foundTotal}/${occurrencesTotal} = ${share(foundTotal, occurrencesTotal)} (target ≥ 99%)`);
  let falseEntries = 0;
  for (const dir of ['national', 'shanghai']) {
    if (!existsSync(`${CORPUS}${dir}`)) continue;
    for (const name of readdirSync(`${CORPUS}${dir}`).sort()) {
      const entries = importReport(readFileSync(`${CORPUS}${dir}/${name}`, 'utf8'), name).entries;
      falseEntries += entries.length;
      if (entries.length > 0) sanity.push(`${dir}/${name}: 没有名词解释附录却导入了 ${entries.length} 条 / ${entries.length} entries from a report without an appendix`);
    }
  }
  console.log(`reports without an appendix (national, shanghai): ${falseEntries} entries imported (target 0)`);
  if (falseEntries > 0) process.exitCode = 1;
  if (sanity.length > 0) {
    console.log(`\n检查 / sanity checks (${sanity.length}):`);
    for (const line of sanity) console.log(`  ${line}`);
  }
  if (failures.length > 0) {
    console.log(`\n导入失败 / import failures (${failures.length}${failures.length > failureLimit ? `, first ${failureLimit}` : ''}):`);
    for (const failure of failures.slice(0, failureLimit)) console.log(`  ${failure}`);
  }
  if (scanMisses.length > 0) {
    console.log(`\n正文中未找到 / body occurrences not found (${scanMisses.length}):`);
    for (const miss of scanMisses.slice(0, failureLimit)) console.log(`  ${miss}`);
  }
  if (printer) await (await printer).close();
  const worst = Math.min(...[...byFormat.values()].map((tally) => tally.recovered / Math.max(1, tally.reference)));
  // The body scan is measured on the md variant only: without it there is nothing to judge.
  if (worst < 0.98 || (occurrencesTotal > 0 && foundTotal / occurrencesTotal < 0.99)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await runImportEval();
