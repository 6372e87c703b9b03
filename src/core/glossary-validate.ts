// Checks that span entries and files: unique ids, one entry per surface form within a file, sane sizes, item counts that
// agree with the term's numerals, related ids that exist, unfinished stubs and missing definitions.
import { parseGlossaryFile } from './glossary-parse';
import type { GlossaryProblem, ParsedGlossaryFile } from './glossary-parse';
import { countAnnouncedItems, toHalfWidthDigits } from './numerals';
import type { GlossaryEntry } from './types';

/** A glossary file's path (as it should be printed) and its text. */
export interface GlossarySource {
  path: string;
  text: string;
}

/** Every file read, and every problem found in them, in file order then line order. */
export interface GlossaryCheck {
  files: ParsedGlossaryFile[];
  problems: GlossaryProblem[];
  errorCount: number;
  warningCount: number;
}

const QUOTES = /[“”「」『』‘’"'＂]/g;

/**
 * Sizes no real entry comes near (the longest appendix definition in the national collection is
 * ~1,600 characters, the longest term 30): anything beyond is a broken import or a hostile file,
 * and would bloat the pack every browser downloads.
 */
export const MAX_DEFINITION_CHARS = 10_000;
export const MAX_FORM_CHARS = 80;
export const MAX_ITEMS = 200;
export const MAX_ITEM_CHARS = 500;
export const MAX_TEXT_CHARS = 10_000;

/**
 * The light normalisation under which two surface forms count as the same: trimmed, full-width
 * digits made half-width, quotes and whitespace removed (“三会”制度 ≡ 三会制度).
 */
export function surfaceKey(form: string): string {
  return toHalfWidthDigits(form).replace(QUOTES, '').replace(/\s+/g, '');
}

/** Parses every source and runs the per-file and cross-file checks. */
export function validateGlossarySources(sources: readonly GlossarySource[]): GlossaryCheck {
  const files = sources.map((source) => parseGlossaryFile(source.path, source.text));
  const crossFile = checkGlossaryFiles(files);
  const problems = files.flatMap((parsed) => [
    ...parsed.problems,
    ...crossFile.filter((problem) => problem.path === parsed.path),
  ].sort((a, b) => a.line - b.line || a.col - b.col));
  const errorCount = problems.filter((problem) => problem.severity === 'error').length;
  return { files, problems, errorCount, warningCount: problems.length - errorCount };
}

interface Claim {
  id: string;
  path: string;
  line: number;
}

/** The checks that need the entries of several files; files with schema errors are skipped. */
export function checkGlossaryFiles(files: readonly ParsedGlossaryFile[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const ids = new Map<string, Claim>();
  const forms = new Map<string, Claim>();
  const report = (parsed: ParsedGlossaryFile, at: (string | number)[], message: string, severity: GlossaryProblem['severity'] = 'error', key = false): void => {
    problems.push({ path: parsed.path, ...parsed.locate(at, key), message, severity });
  };

  for (const parsed of files) {
    // One file is one source document: a form may be defined once per file. The same term in
    // several files is one term with several sourced definitions (see senses.ts), not an error.
    forms.clear();
    for (const [index, entry] of (parsed.file?.entries ?? []).entries()) {
      const at = ['entries', index];
      checkSizes(entry, (path, message) => report(parsed, [...at, ...path], message));
      const idLine = parsed.locate([...at, 'id']).line;
      const first = ids.get(entry.id);
      if (first) {
        report(parsed, [...at, 'id'], `重复的 id "${entry.id}"（首次出现在 ${first.path}:${first.line}）/ duplicate id "${entry.id}" (first used at ${first.path}:${first.line})`);
      } else {
        ids.set(entry.id, { id: entry.id, path: parsed.path, line: idLine });
      }

      const surface: [string, (string | number)[]][] = [
        [entry.term, [...at, 'term']],
        ...(entry.aliases ?? []).map((alias, i): [string, (string | number)[]] => [alias, [...at, 'aliases', i]]),
      ];
      for (const [form, formAt] of surface) {
        const key = surfaceKey(form);
        if (key === '') {
          report(parsed, formAt, `写法 "${form}" 去掉引号和空白后为空 / form "${form}" is empty once quotes and spaces are removed`);
          continue;
        }
        const owner = forms.get(key);
        if (!owner) {
          forms.set(key, { id: entry.id, path: parsed.path, line: parsed.locate(formAt).line });
        } else if (owner.id !== entry.id) {
          report(parsed, formAt, `写法 "${form}" 已属于词条 "${owner.id}"（${owner.path}:${owner.line}），同一写法只能对应一个词条 / form "${form}" already belongs to entry "${owner.id}" (${owner.path}:${owner.line})`);
        }
      }

      const announced = countAnnouncedItems(entry.term);
      if (entry.items && entry.itemsNote === undefined && announced !== undefined && announced !== entry.items.length) {
        report(parsed, [...at, 'items'], `items 有 ${entry.items.length} 项，但“${entry.term}”的数字表示 ${announced} 项；如确实如此，请用 itemsNote 说明原因 / items has ${entry.items.length} entries but "${entry.term}" announces ${announced}; add itemsNote to explain`, 'error', true);
      }

      if (entry.unfinished) {
        report(parsed, [...at, 'unfinished'], `词条 "${entry.id}" 尚未完成（unfinished: true），build 不会收录 / entry "${entry.id}" is unfinished; build leaves it out`, 'warning', true);
      } else if (entry.status === 'official' && (entry.definition ?? '').trim() === '') {
        report(parsed, [...at, 'id'], `官方词条 "${entry.id}" 缺少 definition（原文释义）/ official entry "${entry.id}" has no definition (the document's own text)`);
      }
    }
  }

  for (const parsed of files) {
    for (const [index, entry] of (parsed.file?.entries ?? []).entries()) {
      for (const [i, related] of (entry.related ?? []).entries()) {
        const at = ['entries', index, 'related', i];
        if (related === entry.id) {
          report(parsed, at, `related 不能指向词条自身 "${related}" / an entry cannot be related to itself`);
        } else if (!ids.has(related)) {
          report(parsed, at, `related 中的 id "${related}" 不存在 / related id "${related}" does not exist`);
        }
      }
    }
  }
  return problems;
}

/** Reports a definition, form, item or note of unreasonable size. */
function checkSizes(entry: GlossaryEntry, report: (at: (string | number)[], message: string) => void): void {
  const tooLong = (what: string, length: number, max: number): string =>
    `${what}过长（${length} 字符，上限 ${max}）/ ${what === '释义' ? 'definition' : what === '写法' ? 'form' : what === '列举项' ? 'item' : 'text'} too long (${length} characters, limit ${max})`;
  if (entry.definition !== undefined && entry.definition.length > MAX_DEFINITION_CHARS) {
    report(['definition'], tooLong('释义', entry.definition.length, MAX_DEFINITION_CHARS));
  }
  const forms: [string, (string | number)[]][] = [[entry.term, ['term']], ...(entry.aliases ?? []).map((alias, i): [string, (string | number)[]] => [alias, ['aliases', i]])];
  for (const [form, at] of forms) if (form.length > MAX_FORM_CHARS) report(at, tooLong('写法', form.length, MAX_FORM_CHARS));
  if (entry.items && entry.items.length > MAX_ITEMS) report(['items'], `列举项过多（${entry.items.length} 项，上限 ${MAX_ITEMS}）/ too many items (${entry.items.length}, limit ${MAX_ITEMS})`);
  for (const [i, item] of (entry.items ?? []).entries()) if (item.length > MAX_ITEM_CHARS) report(['items', i], tooLong('列举项', item.length, MAX_ITEM_CHARS));
  for (const key of ['note', 'en', 'itemsNote'] as const) {
    const text = entry[key];
    if (text !== undefined && text.length > MAX_TEXT_CHARS) report([key], tooLong(key, text.length, MAX_TEXT_CHARS));
  }
}

/** Formats a problem as `path:line:col: message`, with a warning marker for warnings. */
export function formatProblem(problem: GlossaryProblem): string {
  const marker = problem.severity === 'warning' ? '警告 warning: ' : '';
  return `${problem.path}:${problem.line}:${problem.col}: ${marker}${problem.message}`;
}
