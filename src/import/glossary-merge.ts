// Writes imported entries into a glossary YAML file, new or existing, without losing anything a
// person wrote: comments and layout survive (yaml Document API), entries are merged by term, and an
// entry whose content no longer matches the fingerprint the importer left is never overwritten
// unless forced.
import type { Document, Scalar, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument, Document as YamlDocument, YAMLSeq } from 'yaml';
import type { GlossaryEntry, SourceDocument } from '../core/types';
import { fingerprintOf } from './fingerprint';

const MARK = /(?:^|\s)import:([0-9a-f]{14})\b/u;

/**
 * What merging did to one imported entry. `kept-deleted`: a person deleted the entry an earlier
 * import added (its term is in the file's `imported` list), so it is not added back.
 */
export type MergeAction = 'added' | 'updated' | 'unchanged' | 'kept-edited' | 'overwritten' | 'kept-deleted' | 'removed';

/** One line of the merge report. */
export interface MergeChange {
  action: MergeAction;
  id: string;
  term: string;
  /** For `updated`, `overwritten` and `kept-edited`: the fields whose content differs. */
  fields?: string[];
}

/** The merged file text and what changed; `changed` is false when the text is byte-identical. */
export interface MergeResult {
  text: string;
  changes: MergeChange[];
  changed: boolean;
}

/** Options for {@link mergeIntoGlossary}. */
export interface MergeOptions {
  /** Overwrite entries a person has edited, and add back entries a person deleted. */
  force?: boolean;
  /** Comment lines for the top of a new file. */
  header?: readonly string[];
  /**
   * Remove the entries an earlier import of the same report wrote that this one no longer gives, where
   * nobody has edited them (their import fingerprint still matches). For files that hold one report's
   * entries and nothing else an import wrote (`collect`'s); entries a person wrote or edited stay.
   */
  prune?: boolean;
}

/** A glossary file that cannot be merged into: the YAML is broken or not a glossary. */
export class GlossaryMergeError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

function markedNode(doc: Document, entry: GlossaryEntry): ReturnType<Document['createNode']> {
  const node = doc.createNode(entry);
  if (isMap(node)) {
    const id = node.get('id', true) as Scalar | undefined;
    if (id) id.comment = ` import:${fingerprintOf(entry)}`;
  }
  return node;
}

function differingFields(current: Record<string, unknown>, next: GlossaryEntry): string[] {
  const record = next as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(record), ...Object.keys(current)])];
  return keys.filter((key) => fingerprintOf(current[key] ?? null) !== fingerprintOf(record[key] ?? null));
}

const LEDGER_KEY = 'imported';
const LEDGER_COMMENT = [
  ' 以下是 policy-glossary import 加进本文件的词条：删掉的词条若仍列在这里，再次导入时不会恢复；',
  ' 要重新导入它，从这里删去（或用 --force）。',
  ' Terms policy-glossary import has added to this file: a deleted entry listed here is not added',
  ' back by a re-import; remove it from this list (or use --force) to import it again.',
].join('\n');

/** The file's `imported` list (terms an import added), as the file has it; empty when missing or malformed. */
function readLedger(doc: Document): string[] {
  const node = doc.get(LEDGER_KEY, true);
  if (!isSeq(node)) return [];
  return node.items.map((item) => (isScalar(item) ? item.value : undefined)).filter((term): term is string => typeof term === 'string');
}

/** Writes the `imported` list (one flow-style line at the end of the file, with a comment above it). */
function writeLedger(doc: Document, terms: readonly string[]): void {
  const seq = doc.createNode([...new Set(terms)]) as YAMLSeq;
  seq.flow = true;
  const existing = doc.get(LEDGER_KEY, true);
  if (isSeq(existing)) {
    existing.items = seq.items;
    existing.flow = true;
    return;
  }
  doc.delete(LEDGER_KEY);
  const key = doc.createNode(LEDGER_KEY) as Scalar;
  key.commentBefore = LEDGER_COMMENT;
  (doc.contents as YAMLMap).items.push(doc.createPair(key, seq));
}

function lineOf(text: string, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

/**
 * Merges `imported` into the glossary file text `existing` (undefined: a new file). Entries are
 * matched by term; a matched entry keeps its id; the file's `source` block is only written when
 * the file has none.
 */
export function mergeIntoGlossary(
  existing: string | undefined,
  imported: { source: SourceDocument; entries: readonly GlossaryEntry[] },
  options: MergeOptions = {},
): MergeResult {
  if (existing === undefined) {
    const doc = new YamlDocument({ source: imported.source, entries: [] as GlossaryEntry[] });
    if (options.header && options.header.length > 0) doc.commentBefore = options.header.map((line) => ` ${line}`).join('\n');
    const seq = doc.get('entries') as YAMLSeq;
    for (const entry of imported.entries) seq.items.push(markedNode(doc, entry));
    if (imported.entries.length > 0) writeLedger(doc, imported.entries.map((entry) => entry.term));
    return {
      text: doc.toString({ lineWidth: 0 }),
      changes: imported.entries.map((entry) => ({ action: 'added', id: entry.id, term: entry.term })),
      changed: true,
    };
  }
  const doc = parseDocument(existing, { keepSourceTokens: false });
  const firstError = doc.errors[0];
  if (firstError) {
    throw new GlossaryMergeError(`YAML 语法错误，未做任何修改 / YAML syntax error, nothing changed: ${firstError.message.split('\n')[0]}`, lineOf(existing, firstError.pos[0]));
  }
  if (doc.contents !== null && !isMap(doc.contents)) throw new GlossaryMergeError('文件不是术语表（顶层应为映射）/ not a glossary file (top level must be a mapping)', 1);
  if (!doc.has('source')) doc.set('source', imported.source);
  let seq = doc.get('entries', true);
  if (seq === undefined || (isScalar(seq) && seq.value === null)) {
    seq = new YAMLSeq();
    doc.set('entries', seq);
  }
  if (!isSeq(seq)) throw new GlossaryMergeError('`entries` 应为列表 / `entries` must be a list', lineOf(existing, (seq as Scalar).range?.[0]));
  const list = seq;
  const byTerm = new Map<string, number>();
  list.items.forEach((item, index) => {
    if (isMap(item)) {
      const term = item.get('term');
      if (typeof term === 'string' && !byTerm.has(term)) byTerm.set(term, index);
    }
  });
  const ledger = readLedger(doc);
  const deletable = new Set(ledger);
  const changes: MergeChange[] = [];
  for (const entry of imported.entries) {
    const index = byTerm.get(entry.term);
    const item = index === undefined ? undefined : list.items[index];
    if (index === undefined || !isMap(item)) {
      if (deletable.has(entry.term) && !options.force) {
        changes.push({ action: 'kept-deleted', id: entry.id, term: entry.term });
        continue;
      }
      list.items.push(markedNode(doc, entry));
      byTerm.set(entry.term, list.items.length - 1);
      changes.push({ action: 'added', id: entry.id, term: entry.term });
      continue;
    }
    const current = item.toJSON() as Record<string, unknown>;
    const id = typeof current.id === 'string' ? current.id : entry.id;
    const next: GlossaryEntry = { ...entry, id };
    const idNode = item.get('id', true) as Scalar | undefined;
    const stored = MARK.exec(idNode?.comment ?? '')?.[1];
    const currentPrint = fingerprintOf(current);
    if (currentPrint === fingerprintOf(next)) {
      changes.push({ action: 'unchanged', id, term: entry.term });
      continue;
    }
    const edited = stored !== currentPrint;
    const fields = differingFields(current, next);
    if (edited && !options.force) {
      changes.push({ action: 'kept-edited', id, term: entry.term, fields });
      continue;
    }
    const node = markedNode(doc, next);
    if (item.commentBefore) node.commentBefore = item.commentBefore;
    list.items[index] = node;
    changes.push({ action: edited ? 'overwritten' : 'updated', id, term: entry.term, fields });
  }
  const pruned = new Set<string>();
  if (options.prune) {
    const given = new Set(imported.entries.map((entry) => entry.term));
    list.items = list.items.filter((item) => {
      if (!isMap(item)) return true;
      const term = item.get('term');
      const stored = MARK.exec((item.get('id', true) as Scalar | undefined)?.comment ?? '')?.[1];
      if (typeof term !== 'string' || given.has(term) || stored === undefined || stored !== fingerprintOf(item.toJSON())) return true;
      pruned.add(term);
      const id = item.get('id');
      changes.push({ action: 'removed', id: typeof id === 'string' ? id : '', term });
      return false;
    });
  }
  const writes = changes.some((change) => change.action === 'added' || change.action === 'updated' || change.action === 'overwritten' || change.action === 'removed');
  // The list grows with each term an import adds; a file written before the list existed starts it
  // with the imported entries it still has (entries that carry an import fingerprint).
  if (writes) {
    const fingerprinted = list.items.filter((item) => isMap(item) && MARK.test((item.get('id', true) as Scalar | undefined)?.comment ?? ''));
    const held = fingerprinted.map((item) => (item as YAMLMap).get('term')).filter((term): term is string => typeof term === 'string');
    const added = changes.filter((change) => change.action === 'added').map((change) => change.term);
    writeLedger(doc, [...ledger, ...(ledger.length > 0 ? [] : held), ...added].filter((term) => !pruned.has(term)));
  }
  const text = writes ? doc.toString({ lineWidth: 0 }) : existing;
  return { text, changes, changed: text !== existing };
}
