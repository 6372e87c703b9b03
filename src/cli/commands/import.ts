// `policy-glossary import FILE`: reads a report's footnotes or 名词解释 appendix and writes (or merges
// into) a glossary YAML file, never overwriting an entry a person edited unless --force.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Division } from '../../core/places';
import type { SourceDocument } from '../../core/types';
import { GlossaryMergeError, mergeIntoGlossary } from '../../import/glossary-merge';
import type { MergeAction } from '../../import/glossary-merge';
import type { CliCommand } from '../io';
import { UsageError } from '../io';
import { divisionNamed, loadPlaceIndex } from '../places';
import { importReportFile, reportBodyTextOf } from '../report-files';

const HELP = `用法 / usage: policy-glossary import FILE [--out glossary/NAME.yaml] [--region 地方 PLACE] [--json] [--dry-run] [--force] [--include-known]

从报告（.docx .doc .wps .rtf .odt .xml .pdf .ofd .txt .md .html，另存为单个文件的网页 .mhtml）导入脚注或“名词解释”中的术语，写入术语表 YAML 文件。
Imports the terms a report explains (footnotes or its 名词解释 appendix) into a glossary file.

  --out FILE   写入的术语表文件（默认 glossary/<报告文件名>.yaml）/ glossary file to write
  --region PLACE
               发布机关所在地：地名（永州市、湖南省）或六位区划代码；默认从路径中的地名、
               “我代表…人民政府”、标题或“在…第N届人民代表大会”读出。扩展和网页插件据此在该地
               的网页上把这些释义作为本地用法，在其他地方的网页上标明出处。
               the issuing government's place (a name or a GB/T 2260 code); read by default from
               the path, 我代表…人民政府, the title or the dateline's congress. Pages of that
               place show these definitions as their own; other places' pages say whose they are.
  --json       只把词条以 JSON 数组打印出来，不写文件 / print entries as a JSON array, write nothing
  --dry-run    只显示将会发生的改动，不写文件 / show what would change, write nothing
  --force      覆盖人工修改过的词条，恢复人工删除的词条
               overwrite entries a person has edited, add back entries a person deleted
  --include-known
               也导入其他术语表文件已收录的术语（validate 会报告重复）
               also import terms another glossary file already defines (validate will flag them)

已存在的文件按术语合并：保留注释和格式，人工修改过的词条不会被覆盖，人工删除的词条不会被恢复
（文件末尾的 imported 列表记着导入过的术语）。
An existing file is merged by term: comments survive, edited entries are kept, and deleted entries
stay deleted (the imported list at the end of the file records the terms imports have added).
`;

const ACTION_LABEL: Record<MergeAction, string> = {
  added: '新增 added',
  updated: '更新 updated',
  unchanged: '未变 unchanged',
  'kept-edited': '保留人工修改 kept (edited by a person; --force to overwrite)',
  overwritten: '覆盖人工修改 overwritten (--force)',
  'kept-deleted': '保留人工删除 not added back (deleted by a person; --force to add it again)',
  // `import` never prunes (a file may hold several reports' entries); `collect` does.
  removed: '删去 removed (the report no longer gives it)',
};

interface ImportArgs {
  file: string;
  out?: string;
  region?: string;
  json: boolean;
  dryRun: boolean;
  force: boolean;
  includeKnown: boolean;
}

function parseArgs(args: string[]): ImportArgs | 'help' {
  const result: Partial<ImportArgs> = { json: false, dryRun: false, force: false, includeKnown: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') result.json = true;
    else if (arg === '--dry-run') result.dryRun = true;
    else if (arg === '--force') result.force = true;
    else if (arg === '--include-known') result.includeKnown = true;
    else if (arg === '--region' || arg.startsWith('--region=')) {
      const value = arg === '--region' ? args[(i += 1)] : arg.slice('--region='.length);
      if (!value) throw new UsageError('--region 需要一个地名或区划代码 / --region needs a place name or code');
      result.region = value;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[(i += 1)] : arg.slice('--out='.length);
      if (!value) throw new UsageError('--out 需要一个文件路径 / --out needs a file path');
      result.out = value;
    } else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option ${arg}\n\n${HELP}`);
    else if (result.file === undefined) result.file = arg;
    else throw new UsageError(`一次只能导入一个文件 / import one file at a time (got ${result.file} and ${arg})`);
  }
  if (result.file === undefined) throw new UsageError(`缺少要导入的文件 / missing FILE\n\n${HELP}`);
  return result as ImportArgs;
}

/** A surface form as the duplicate check compares it: no quotes or spaces around or inside. */
const formKey = (form: string): string => form.replace(/[“”「」『』‘’"'\s]/gu, '');

/**
 * Ids of the glossary files beside `out` (so imported ids stay unique) and the surface forms the
 * other files already define (so a term explained in an earlier report is not defined twice).
 */
async function readNeighbours(out: string): Promise<{ ids: Set<string>; terms: Map<string, string> }> {
  const ids = new Set<string>();
  const terms = new Map<string, string>();
  const dir = path.dirname(out);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.sort()) {
    if (!/\.ya?ml$/u.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const data = parseYaml(await readFile(file, 'utf8')) as { entries?: { id?: unknown; term?: unknown; aliases?: unknown }[] } | null;
      for (const entry of data?.entries ?? []) {
        if (typeof entry.id === 'string') ids.add(entry.id);
        if (path.resolve(file) === path.resolve(out)) continue;
        const forms = [entry.term, ...(Array.isArray(entry.aliases) ? entry.aliases : [])];
        for (const form of forms) if (typeof form === 'string') terms.set(formKey(form), file);
      }
    } catch {
      continue;
    }
  }
  return { ids, terms };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a glossary. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * The division of the government that issued the report: `--region` as given (a usage error when
 * unknown), else read from the report (report-place.ts).
 */
async function issuingPlace(given: string | undefined, relativePath: string, head: Partial<SourceDocument>, bytes: Uint8Array, file: string, pdfBody?: string): Promise<Division | undefined> {
  const [places, { placeOfReport }] = await Promise.all([loadPlaceIndex(), import('../../import/report-place')]);
  if (given !== undefined) return divisionNamed(given, places);
  const named = placeOfReport(relativePath, head, places);
  if (named) return named;
  // Only the dateline's congress is left, in the body text: decoded again only for it.
  let text = pdfBody ?? '';
  try {
    if (pdfBody === undefined) text = (await reportBodyTextOf(bytes, file)) ?? '';
  } catch {
    // Undecodable bytes were already reported by the importer.
  }
  return placeOfReport('', {}, places, text.slice(0, 12000));
}

/** `policy-glossary import`. */
export const runImport: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const input = path.resolve(io.cwd, parsed.file);
  const display = (file: string): string => path.relative(io.cwd, file) || file;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch (error) {
    throw new UsageError(`无法读取 cannot read ${parsed.file}: ${(error as Error).message}`);
  }
  const stem = path.basename(input).replace(/\.[^.]+$/u, '');
  const out = path.resolve(io.cwd, parsed.out ?? path.join('glossary', `${stem}.yaml`));
  const neighbours = parsed.json ? { ids: new Set<string>(), terms: new Map<string, string>() } : await readNeighbours(out);
  const { result, pdfBody } = await importReportFile(bytes, input, { reservedIds: neighbours.ids });
  for (const problem of result.problems) {
    const where = problem.line === undefined ? display(input) : `${display(input)}:${problem.line}`;
    io.stderr(`${where}: ${problem.severity === 'error' ? '错误 error' : '警告 warning'}: ${problem.message}\n`);
  }
  if (result.entries.length === 0) {
    io.stderr(`${display(input)}: 没有找到可导入的术语 / no terms found to import\n`);
    return 1;
  }
  if (parsed.json) {
    io.stdout(`${JSON.stringify(result.entries, null, 2)}\n`);
    return 0;
  }
  const definedElsewhere = (entry: { term: string; aliases?: string[] }): string | undefined =>
    [entry.term, ...(entry.aliases ?? [])].map((form) => neighbours.terms.get(formKey(form))).find((file) => file !== undefined);
  const entries = result.entries.filter((entry) => {
    const elsewhere = definedElsewhere(entry);
    if (!elsewhere) return true;
    if (parsed.includeKnown) {
      io.stderr(`${display(input)}: 警告 warning: “${entry.term}”已在 ${display(elsewhere)} 中定义，仍导入（--include-known）/ already defined there, imported anyway\n`);
      return true;
    }
    io.stdout(`  已收录，跳过 skipped: ${entry.term}（已在 ${display(elsewhere)} 中定义 / already defined there; --include-known to import）\n`);
    return false;
  });
  if (entries.length === 0) {
    io.stdout(`${display(input)}: 所有术语均已收录 / every term is already in the glossary\n`);
    return 0;
  }
  const found = result.source;
  const division = await issuingPlace(parsed.region, path.relative(io.cwd, input), found, bytes, input, pdfBody);
  if (!division) {
    io.stderr(`${display(input)}: 提示 note: 未能确定发布机关所在地，释义不带地区；可用 --region 指定 / the issuing place is unknown, so the definitions carry none; give it with --region\n`);
  }
  // The year of delivery: the dateline's, else the one the title begins with (2024年…政府工作报告).
  const year = Number(found.date?.slice(0, 4) ?? /^(\d{4})年/u.exec(found.title ?? '')?.[1]);
  const source: SourceDocument = {
    title: found.title ?? stem,
    ...(found.issuer ? { issuer: found.issuer } : division ? { issuer: `${division.name}人民政府` } : {}),
    ...(found.date ? { date: found.date } : {}),
    ...(Number.isFinite(year) ? { year } : {}),
    kind: found.kind ?? 'footnotes',
    ...(found.url ? { url: found.url } : {}),
    ...(division ? { region: { code: division.code, name: division.name, level: division.level } } : {}),
  };
  const schemaBeside = await readFile(path.join(path.dirname(out), 'schema.json')).then(() => true, () => false);
  const existing = await readIfExists(out);
  let merged;
  try {
    merged = mergeIntoGlossary(existing, { source, entries }, {
      force: parsed.force,
      header: [
        ...(schemaBeside ? ['yaml-language-server: $schema=./schema.json'] : []),
        `由 policy-glossary import 从 ${path.basename(input)} 导入 / imported from ${path.basename(input)}`,
        '每个 id 后的 import:… 是导入指纹：改过的词条，再次导入时不会被覆盖。',
        'The import:… after each id is a fingerprint: entries you edit are never overwritten by a re-import.',
      ],
    });
  } catch (error) {
    if (error instanceof GlossaryMergeError) {
      io.stderr(`${display(out)}${error.line === undefined ? '' : `:${error.line}`}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const change of merged.changes) {
    const fields = change.fields && change.fields.length > 0 ? ` [${change.fields.join(', ')}]` : '';
    io.stdout(`  ${ACTION_LABEL[change.action]}: ${change.term} (${change.id})${fields}\n`);
  }
  const counts = (action: MergeAction): number => merged.changes.filter((change) => change.action === action).length;
  const summary =
    `新增 ${counts('added')}，更新 ${counts('updated') + counts('overwritten')}，未变 ${counts('unchanged')}，保留人工修改 ${counts('kept-edited')}` +
    (counts('kept-deleted') > 0 ? `，保留人工删除 ${counts('kept-deleted')}` : '');
  if (parsed.dryRun) {
    io.stdout(`试运行，未写入 / dry run, nothing written: ${display(out)}（${summary}）\n`);
    return 0;
  }
  if (!merged.changed) {
    io.stdout(`${display(out)} 无需改动 / already up to date（${summary}）\n`);
    return 0;
  }
  await writeAtomically(out, merged.text);
  io.stdout(`已写入 / wrote ${display(out)}（${summary}）\n`);
  return 0;
};
