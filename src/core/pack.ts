// Checks a compiled glossary pack loaded at run time (bundled, imported or from a URL) before the
// extension or widget uses it. Deliberately small and schema-free: it ships in the widget bundle.
import { canonicalJson, hashPackContent } from './glossary-hash';
import type { GlossaryPack } from './types';
import { PACK_SCHEMA_VERSION } from './types';

const STATUSES = new Set(['official', 'editorial']);
const KINDS = new Set(['footnotes', '名词解释', 'editorial']);

/** Thrown when a pack is unusable; the message is Chinese first, then English. */
export class PackError extends Error {
  override name = 'PackError';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Parses (when given text) and checks a glossary pack: JSON, schemaVersion, and the shape of its
 * documents, entries and variants. Returns the pack; throws a PackError naming what is wrong.
 */
export function parsePack(input: unknown): GlossaryPack {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new PackError(`术语包不是有效的 JSON / the glossary pack is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (!isObject(data)) throw new PackError('术语包应为 JSON 对象 / the glossary pack must be a JSON object');
  if (data.schemaVersion !== PACK_SCHEMA_VERSION) {
    throw new PackError(`术语包版本 ${String(data.schemaVersion)} 不受支持（本程序支持 ${PACK_SCHEMA_VERSION}）/ unsupported pack schemaVersion ${String(data.schemaVersion)} (expected ${PACK_SCHEMA_VERSION})`);
  }
  if (typeof data.hash !== 'string') fail('hash', '应为文本', 'must be a string');
  const { documents, entries, variants } = data;
  if (!Array.isArray(documents)) fail('documents', '应为数组', 'must be an array');
  documents.forEach((doc: unknown, i) => {
    if (!isObject(doc) || typeof doc.title !== 'string' || !KINDS.has(doc.kind as string)) {
      fail(`documents[${i}]`, '缺少 title 或 kind 不正确', 'needs a title and a valid kind');
    }
  });
  if (!Array.isArray(entries)) fail('entries', '应为数组', 'must be an array');
  const ids = new Set<string>();
  entries.forEach((entry: unknown, i) => {
    const where = `entries[${i}]`;
    if (!isObject(entry)) return fail(where, '应为对象', 'must be an object');
    if (typeof entry.id !== 'string' || entry.id === '') fail(`${where}.id`, '应为非空文本', 'must be a non-empty string');
    if (ids.has(entry.id)) fail(`${where}.id`, `重复的 id "${entry.id}"`, `duplicate id "${entry.id}"`);
    ids.add(entry.id);
    if (typeof entry.term !== 'string' || entry.term === '') fail(`${where}.term`, '应为非空文本', 'must be a non-empty string');
    if (!isStringArray(entry.forms) || !entry.forms.includes(entry.term)) fail(`${where}.forms`, '应为包含 term 的文本数组', 'must be a string array that includes the term');
    if (!isStringArray(entry.keys)) fail(`${where}.keys`, '应为文本数组', 'must be a string array');
    if (!STATUSES.has(entry.status as string)) fail(`${where}.status`, '只能是 official 或 editorial', 'must be official or editorial');
    if (typeof entry.doc !== 'number' || !Number.isInteger(entry.doc) || entry.doc < 0 || entry.doc >= documents.length) {
      fail(`${where}.doc`, '不是有效的文件序号', 'is not a valid document index');
    }
    for (const field of ['aliases', 'items', 'related', 'tags'] as const) {
      if (entry[field] !== undefined && !isStringArray(entry[field])) fail(`${where}.${field}`, '应为文本数组', 'must be a string array');
    }
    for (const field of ['definition', 'en', 'note', 'itemsNote'] as const) {
      if (entry[field] !== undefined && typeof entry[field] !== 'string') fail(`${where}.${field}`, '应为文本', 'must be a string');
    }
  });
  if (!isObject(variants) || !Object.values(variants).every((value) => typeof value === 'string')) {
    fail('variants', '应为“繁体字 → 简体字”的对象', 'must map characters to characters');
  }
  return data as unknown as GlossaryPack;
}

function fail(field: string, zh: string, en: string): never {
  throw new PackError(`术语包的 ${field} ${zh} / glossary pack: ${field} ${en}`);
}

/** The bytes `build` writes: canonical JSON (sorted keys, no whitespace), so equal packs are byte-equal. */
export function serializePack(pack: GlossaryPack): string {
  return canonicalJson(pack);
}

/**
 * Several packs as one (e.g. the bundled glossary plus an imported one): documents concatenated,
 * entries re-pointed at them, variants united; on a duplicate id the earlier pack's entry wins.
 */
export function mergePacks(packs: readonly GlossaryPack[]): GlossaryPack {
  const documents: GlossaryPack['documents'] = [];
  const entries: GlossaryPack['entries'] = [];
  const variants: GlossaryPack['variants'] = {};
  const ids = new Set<string>();
  for (const pack of packs) {
    const offset = documents.length;
    documents.push(...pack.documents);
    for (const entry of pack.entries) {
      if (ids.has(entry.id)) continue;
      ids.add(entry.id);
      entries.push({ ...entry, doc: entry.doc + offset });
    }
    for (const [traditional, simplified] of Object.entries(pack.variants)) variants[traditional] ??= simplified;
  }
  const content = { schemaVersion: PACK_SCHEMA_VERSION as typeof PACK_SCHEMA_VERSION, documents, entries, variants };
  return { ...content, hash: hashPackContent(content) };
}
