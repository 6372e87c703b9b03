// `policy-glossary missing FILE…`: the numbered slogans and quoted terms documents use that no
// glossary explains, with counts and first context; `--stub` writes them as unfinished entries.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createMatcher } from '../../core/matcher';
import type { SourceDocument } from '../../core/types';
import { GlossaryMergeError, mergeIntoGlossary } from '../../import/glossary-merge';
import { DocumentTextError } from '../../import/decode';
import { brokenDocumentFile, isDocumentFile, unsupportedFileType } from '../../import/file-kinds';
import type { MissingTerm } from '../../import/missing-terms';
import { findMissingTerms, stubEntry } from '../../import/missing-terms';
import { createSlugger } from '../../import/slug';
import { loadGlossaryPack } from '../glossary-files';
import type { CliCommand } from '../io';
import { UsageError } from '../io';
import { reportBodyTextOf } from '../report-files';
import { writeAtomically } from './import';

const HELP = `用法 / usage: policy-glossary missing FILE… [--glossary PATH]… [--stub FILE]

列出文件中用到、但术语表没有解释的提法（带数字的提法和加引号的词语），附出现次数和首次出现的上下文。
Lists the numbered slogans and quoted terms the documents use that no glossary explains.

  --glossary PATH  使用的术语表（YAML 文件、文件夹或 glossary.json，可多次；默认项目的 glossary/）
                   glossary to check against (YAML file, folder or glossary.json; repeatable)
  --stub FILE      把它们写成待补充的词条（editorial、无释义、unfinished: true）；已有文件只合并新词条
                   write them as unfinished stub entries; an existing file only gets the new terms
`;

const STUB_SOURCE: SourceDocument = { title: '待补充释义的提法 / terms still to be explained', kind: 'editorial' };

interface MissingArgs {
  files: string[];
  glossaries: string[];
  stub?: string;
}

function parseArgs(args: string[]): MissingArgs | 'help' {
  const result: MissingArgs = { files: [], glossaries: [] };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--glossary' || arg === '--stub') {
      const value = args[(i += 1)];
      if (!value) throw new UsageError(`${arg} 需要一个路径 / ${arg} needs a path`);
      if (arg === '--glossary') result.glossaries.push(value);
      else result.stub = value;
    } else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option ${arg}\n\n${HELP}`);
    else result.files.push(arg);
  }
  if (result.files.length === 0) throw new UsageError(`缺少要检查的文件 / missing FILE\n\n${HELP}`);
  return result;
}

/** Adds up what several documents miss; the first document's context is kept. */
function combine(lists: readonly MissingTerm[][]): MissingTerm[] {
  const all = new Map<string, MissingTerm>();
  for (const list of lists) {
    for (const missing of list) {
      const seen = all.get(missing.term);
      if (seen) seen.count += missing.count;
      else all.set(missing.term, { ...missing });
    }
  }
  return [...all.values()].sort((a, b) => b.count - a.count);
}

/** Ids already used in an existing stub file (a broken file is reported by the merge). */
function idsIn(text: string | undefined): string[] {
  try {
    const data = parseYaml(text ?? '') as { entries?: { id?: unknown }[] } | null;
    return (data?.entries ?? []).map((entry) => entry.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

/** `policy-glossary missing`. */
export const runMissing: CliCommand = async (args, io) => {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const pack = await loadGlossaryPack(parsed.glossaries, io.cwd);
  const matcher = createMatcher(pack, { fuzzy: true });
  const perFile: MissingTerm[][] = [];
  for (const file of parsed.files) {
    const bytes = await readFile(path.resolve(io.cwd, file)).catch((error: Error) => {
      throw new UsageError(`无法读取 cannot read ${file}: ${error.message}`);
    });
    let text: string | undefined;
    try {
      text = await reportBodyTextOf(new Uint8Array(bytes), file);
    } catch (error) {
      if (error instanceof DocumentTextError) throw new UsageError(error.message);
      throw error;
    }
    if (text === undefined) throw new UsageError(`${file}: ${isDocumentFile(file) ? brokenDocumentFile(file) : unsupportedFileType()}`);
    const missing = findMissingTerms(text, matcher);
    perFile.push(missing);
    io.stdout(`${file}: ${missing.length} 个未收录的提法 / undefined terms\n`);
    for (const item of missing) {
      const kind = item.kind === 'slogan' ? '提法 slogan' : '引号 quoted';
      io.stdout(`  ${item.term}  ×${item.count}  [${kind}]  ${item.context}\n`);
    }
  }
  if (parsed.stub === undefined) return 0;
  const stubPath = path.resolve(io.cwd, parsed.stub);
  const existing = await readFile(stubPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const nextId = createSlugger([...pack.entries.map((entry) => entry.id), ...idsIn(existing)]);
  const stubs = combine(perFile).map((missing) => stubEntry(missing, nextId(missing.term)));
  let merged;
  try {
    merged = mergeIntoGlossary(existing, { source: STUB_SOURCE, entries: stubs }, {
      header: ['policy-glossary missing --stub 生成的待补充词条：写好 definition 后删去 unfinished 一行。', 'Stubs: write the definition, then delete the unfinished line.'],
    });
  } catch (error) {
    if (error instanceof GlossaryMergeError) {
      io.stderr(`${parsed.stub}${error.line === undefined ? '' : `:${error.line}`}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const added = merged.changes.filter((change) => change.action === 'added').length;
  if (merged.changed) await writeAtomically(stubPath, merged.text);
  io.stdout(`${parsed.stub}: 新增 ${added} 个待补充词条，已有的保持不变 / ${added} stub(s) added, existing entries untouched\n`);
  return 0;
};
