// `policy-glossary collect REPORTS-DIR`: regenerates the national collection — one glossary file per
// report with a 名词解释 appendix, placed by the issuing government's GB/T 2260 division.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import type { Division, PlaceIndex } from '../../core/places';
import { createPlaceIndex, shortNamesOf } from '../../core/places';
import type { GlossaryEntry, SourceDocument } from '../../core/types';
import { surfaceKey } from '../../core/glossary-validate';
import { GlossaryMergeError, mergeIntoGlossary } from '../../import/glossary-merge';
import { loadDivisions } from '../../places/divisions';
import { placeOfReport } from '../../import/report-place';
import type { CliCommand, CliIO } from '../io';
import { UsageError } from '../io';
import { isWordXmlFile, REPORT_EXTENSIONS } from '../../import/file-kinds';
import { contentExtension } from '../../import/file-sniff';
import { importReportFile } from '../report-files';
import { writeAtomically } from './import';

const HELP = `用法 / usage: policy-glossary collect 报告文件夹 REPORTS-DIR [--out glossary/collection] [--max-year N] [--dry-run]

把一个文件夹（含子文件夹）里所有带“名词解释”的报告导入为全国术语集：每份报告一个文件
<省拼音>/<地名拼音>-<年份>.yaml，来源写明标题、发布机关、年份和行政区划（GB/T 2260）。
发布机关按路径（…/永州市/2022.md）、报告标题或“我代表…人民政府”确定。再次运行结果逐字节相同；
人工修改、删除的词条保留（同 import）。
Imports every report with a 名词解释 appendix under REPORTS-DIR (recursively) into the national
collection: one file per report, <province-pinyin>/<place-pinyin>-<year>.yaml, its source giving
title, issuer, year and GB/T 2260 region. The issuing government comes from the path
(…/永州市/2022.md), the report's title, or its 我代表…人民政府. A second run is byte-identical; hand
edits and deletions are kept, as with import.

  --out DIR       输出文件夹（默认 glossary/collection）/ output folder
  --max-year N    跳过 N 年以后的报告 / skip reports after year N
  --dry-run       只显示将会发生的改动，不写文件 / show what would change, write nothing
`;

interface CollectArgs {
  dir: string;
  out: string;
  maxYear?: number;
  dryRun: boolean;
}

function parseArgs(args: string[]): CollectArgs | 'help' {
  let dir: string | undefined;
  let out = 'glossary/collection';
  let maxYear: number | undefined;
  let dryRun = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const value = (name: string): string => {
      const given = arg === name ? args[(i += 1)] : arg.slice(name.length + 1);
      if (!given) throw new UsageError(`${name} 需要一个值 / ${name} needs a value`);
      return given;
    };
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--dry-run') dryRun = true;
    else if (arg === '--out' || arg.startsWith('--out=')) out = value('--out');
    else if (arg === '--max-year' || arg.startsWith('--max-year=')) {
      const given = value('--max-year');
      if (!/^\d{4}$/u.test(given)) throw new UsageError(`--max-year 需要四位年份 / --max-year needs a four-digit year (got ${given})`);
      maxYear = Number(given);
    } else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option ${arg}\n\n${HELP}`);
    else if (dir === undefined) dir = arg;
    else throw new UsageError(`只能给一个报告文件夹 / give one reports folder (got ${dir} and ${arg})`);
  }
  if (dir === undefined) throw new UsageError(`缺少报告文件夹 / missing REPORTS-DIR\n\n${HELP}`);
  return { dir, out, ...(maxYear === undefined ? {} : { maxYear }), dryRun };
}

/** Every report file under `dir`, recursively, sorted by path (so runs are deterministic). */
async function findReports(dir: string): Promise<string[]> {
  const reports: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (REPORT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext)) && !/^readme\./iu.test(entry.name)) reports.push(full);
    }
  };
  await walk(dir);
  return reports;
}

/** The ASCII pinyin of a division's short name: 永州市 → yongzhou, 黔东南苗族侗族自治州 → qiandongnan. */
export function placeSlug(division: Division): string {
  const short = shortNamesOf(division)[0] ?? division.name;
  return pinyin(short, { toneType: 'none', type: 'array', v: true })
    .map((syllable) => syllable.toLowerCase().replace(/[^a-z0-9]/gu, ''))
    .join('');
}

/** The report's year: a four-digit year in the file name, else the year of its date. */
function yearOfReport(file: string, head: Partial<SourceDocument>): number | undefined {
  const fromName = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/u.exec(path.basename(file))?.[1];
  const fromDate = head.date ? /^(\d{4})/u.exec(head.date)?.[1] : undefined;
  const year = fromName ?? fromDate;
  return year === undefined ? undefined : Number(year);
}

/** Re-ids entries `<prefix><id>` (their `related` too) and drops a second entry for a form already seen. */
function prefixEntries(entries: readonly GlossaryEntry[], prefix: string, warn: (message: string) => void): GlossaryEntry[] {
  const seen = new Set<string>();
  const kept: GlossaryEntry[] = [];
  for (const entry of entries) {
    const keys = [entry.term, ...(entry.aliases ?? [])].map(surfaceKey);
    const repeated = keys.find((key) => seen.has(key));
    if (repeated !== undefined) {
      warn(`“${entry.term}”在本报告中已有解释，跳过第二条（名词解释第 ${entry.source?.appendix ?? '?'} 条）/ explained twice in this report, second one skipped`);
      continue;
    }
    for (const key of keys) seen.add(key);
    kept.push(entry);
  }
  const ids = new Set(kept.map((entry) => entry.id));
  return kept.map((entry) => {
    const related = entry.related?.filter((id) => ids.has(id)).map((id) => `${prefix}${id}`);
    const { related: _related, ...rest } = entry;
    return { ...rest, id: `${prefix}${entry.id}`, ...(related && related.length > 0 ? { related } : {}) };
  });
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Counts of one run, for the summary line. */
interface Tally {
  written: number;
  unchanged: number;
  skipped: number;
  failed: number;
  entries: number;
}

async function collectOne(
  file: string,
  args: CollectArgs,
  places: PlaceIndex,
  outDir: string,
  claimed: Map<string, string>,
  io: CliIO,
  tally: Tally,
): Promise<void> {
  const shown = path.relative(io.cwd, file) || file;
  const rel = path.relative(path.resolve(io.cwd, args.dir), file);
  const bytes = new Uint8Array(await readFile(file));
  // An .xml beside the reports that is no document (a sitemap, a feed, a tool's settings) is not one.
  if (isWordXmlFile(file) && contentExtension(bytes) === undefined) {
    io.stdout(`  跳过 skipped ${shown}: 不是 Word XML 文档 / not a Word XML document\n`);
    tally.skipped += 1;
    return;
  }
  const { result, pdfBody } = await importReportFile(bytes, file);
  const head = result.source;
  const year = yearOfReport(file, head);
  if (args.maxYear !== undefined && year !== undefined && year > args.maxYear) return;
  const problem = (message: string, line?: number): void => {
    io.stderr(`${shown}${line === undefined ? '' : `:${line}`}: ${message}\n`);
  };
  // A file that cannot be read fails with its reason (a damaged or scanned PDF is no report without
  // an appendix); a report without an appendix gets one line; one whose appendix could not be read, its problems.
  if (result.unreadable) {
    for (const found of result.problems) problem(`错误 error: ${found.message}`, found.line);
    tally.failed += 1;
    return;
  }
  const unreadable = result.entries.length === 0 && result.problems.some((found) => found.severity === 'error' && found.line !== undefined);
  if (result.entries.length > 0 || unreadable) {
    for (const found of result.problems) {
      problem(`${found.severity === 'error' ? '错误 error' : '警告 warning'}: ${found.message}`, found.line);
    }
  }
  if (result.entries.length === 0) {
    io.stdout(
      unreadable
        ? `  跳过 skipped ${shown}: 名词解释中没有可读取的词条（见上面的错误）/ no readable entries in its appendix (see the errors above)\n`
        : `  跳过 skipped ${shown}: 没有名词解释或脚注 / no appendix or footnotes\n`,
    );
    tally.skipped += 1;
    return;
  }
  const division = placeOfReport(rel, head, places, pdfBody?.slice(0, 12000) ?? new TextDecoder('utf-8').decode(bytes.subarray(0, 12000)));
  if (!division) {
    problem('错误 error: 无法确定发布报告的政府（路径、标题和“我代表…人民政府”都没有可识别的地名）/ cannot tell which government issued the report');
    tally.failed += 1;
    return;
  }
  if (year === undefined) {
    problem('错误 error: 无法确定报告年份（文件名和日期中都没有）/ cannot tell the report\'s year');
    tally.failed += 1;
    return;
  }
  const province = division.level === 'province' ? division : places.ancestors(division.code).find((d) => d.level === 'province');
  const placeName = placeSlug(division);
  const target = path.join(outDir, placeSlug(province ?? division), `${placeName}-${year}.yaml`);
  const earlier = claimed.get(target);
  if (earlier !== undefined) {
    problem(`错误 error: 与 ${earlier} 同为 ${division.name} ${year} 年的报告，未导入 / same place and year as ${earlier}, not imported`);
    tally.failed += 1;
    return;
  }
  claimed.set(target, shown);
  const prefix = `${placeName}-${year}-`;
  const entries = prefixEntries(result.entries, prefix, (message) => problem(`警告 warning: ${message}`));
  const source: SourceDocument = {
    title: head.title ?? `${division.name}${year}年政府工作报告`,
    issuer: head.issuer ?? `${division.name}人民政府`,
    ...(head.date ? { date: head.date } : {}),
    year,
    kind: '名词解释',
    ...(head.url ? { url: head.url } : {}),
    region: { code: division.code, name: division.name, level: division.level },
  };
  const existing = await readIfExists(target);
  let merged;
  try {
    merged = mergeIntoGlossary(existing, { source, entries }, {
      // The file is this report's: an entry an older reading gave and this one does not is dropped
      // (unless a person edited it).
      prune: true,
      header: [
        `由 policy-glossary collect 从 ${rel.split(path.sep).join('/')} 生成 / generated from that report by policy-glossary collect`,
        '释义逐字照录原文“名词解释”；人工修改、删除的词条再次生成时保留。',
        'Definitions are the appendix\'s own words; entries edited or deleted by hand are kept so by a regeneration.',
      ],
    });
  } catch (error) {
    if (error instanceof GlossaryMergeError) {
      io.stderr(`${path.relative(io.cwd, target)}${error.line === undefined ? '' : `:${error.line}`}: ${error.message}\n`);
      tally.failed += 1;
      return;
    }
    throw error;
  }
  tally.entries += entries.length;
  const targetShown = path.relative(io.cwd, target);
  if (!merged.changed) {
    tally.unchanged += 1;
    return;
  }
  const added = merged.changes.filter((change) => change.action === 'added').length;
  const updated = merged.changes.filter((change) => change.action === 'updated').length;
  const removed = merged.changes.filter((change) => change.action === 'removed').length;
  const counts = `新增 added ${added}，更新 updated ${updated}${removed > 0 ? `，删去 removed ${removed}` : ''}`;
  if (args.dryRun) {
    io.stdout(`  将写入 would write ${targetShown}（${counts}）\n`);
  } else {
    await writeAtomically(target, merged.text);
    io.stdout(`  已写入 wrote ${targetShown}（${counts}）\n`);
  }
  tally.written += 1;
}

/** `policy-glossary collect`. */
export const runCollect: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const dir = path.resolve(io.cwd, parsed.dir);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`找不到报告文件夹 "${parsed.dir}" / no such folder "${parsed.dir}"`);
  const outDir = path.resolve(io.cwd, parsed.out);
  const places = createPlaceIndex(loadDivisions());
  const reports = await findReports(dir);
  const tally: Tally = { written: 0, unchanged: 0, skipped: 0, failed: 0, entries: 0 };
  const claimed = new Map<string, string>();
  for (const file of reports) await collectOne(file, parsed, places, outDir, claimed, io, tally);
  io.stdout(
    `${parsed.dryRun ? '试运行 dry run: ' : ''}报告 ${reports.length} 份 reports：写入 ${tally.written} written，未变 ${tally.unchanged} unchanged，` +
      `跳过 ${tally.skipped} skipped，失败 ${tally.failed} failed；词条 ${tally.entries} entries\n`,
  );
  return tally.failed > 0 ? 1 : 0;
};
