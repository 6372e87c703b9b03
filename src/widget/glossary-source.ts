// The glossary the widget was pointed at, in two steps: what the matcher reads (entries' ids, terms
// and forms, variants), checked at once in the initial script; and the whole pack with definitions,
// checked by parsePack in the definitions chunk, loaded when a tooltip or the panel first needs it.
import type { MatcherGlossary } from '../core/matcher-base';
import { PACK_SCHEMA_VERSION, type GlossaryPack } from '../core/types';
import type { ChunkLoader } from './chunks';

/** A glossary whose matcher part is checked and whose definitions load on demand. */
export interface GlossarySource {
  /** What the matcher reads (the pack's own objects: nothing is copied). */
  matchable: MatcherGlossary;
  /** The whole pack, checked by parsePack; loads the definitions chunk once; rejects naming what is wrong. */
  full(): Promise<GlossaryPack>;
}

/** Fetched JSON values by URL: the annotator and every <policy-glossary> element share one fetch. */
const fetched = new Map<string, Promise<unknown>>();
/** Checked packs by raw value. */
const checked = new WeakMap<object, Promise<GlossaryPack>>();

async function fetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new Error(`无法加载术语表 could not load the glossary ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`无法加载术语表 could not load the glossary ${url}: HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${url}: 术语包不是有效的 JSON / the glossary pack is not valid JSON: ${(error as Error).message}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The matcher's part of `data`, or an Error saying what is wrong with it. */
function matchableOf(data: unknown): MatcherGlossary {
  if (!isObject(data)) throw new Error('术语包应为 JSON 对象 / the glossary pack must be a JSON object');
  if (data.schemaVersion !== PACK_SCHEMA_VERSION) {
    throw new Error(`术语包版本 ${String(data.schemaVersion)} 不受支持（本程序支持 ${PACK_SCHEMA_VERSION}）/ unsupported pack schemaVersion ${String(data.schemaVersion)} (expected ${PACK_SCHEMA_VERSION})`);
  }
  const { entries, variants } = data;
  if (!Array.isArray(entries)) throw new Error('entries: 应为数组 / must be an array');
  entries.forEach((entry: unknown, i) => {
    const ok = isObject(entry) && typeof entry.id === 'string' && typeof entry.term === 'string' && Array.isArray(entry.forms) && entry.forms.every((form) => typeof form === 'string');
    if (!ok) throw new Error(`entries[${i}]: 缺少 id、term 或 forms / needs an id, a term and forms`);
  });
  if (variants !== undefined && !(isObject(variants) && Object.values(variants).every((v) => typeof v === 'string'))) {
    throw new Error('variants: 应为文本对照表 / must map strings to strings');
  }
  return data as unknown as MatcherGlossary;
}

/**
 * The glossary at a URL (resolved against `base`) or an inline pack object. Rejects with a message
 * naming the URL and the reason when it cannot be loaded or its matcher part is not valid.
 */
export async function loadGlossarySource(source: string | object, base: string, chunks: Pick<ChunkLoader, 'definitions'>): Promise<GlossarySource> {
  let data: unknown = source;
  let where = '';
  if (typeof source === 'string') {
    const url = new URL(source, base).href;
    where = `${url}: `;
    let pending = fetched.get(url);
    if (!pending) {
      pending = fetchJson(url);
      fetched.set(url, pending);
      pending.catch(() => fetched.delete(url));
    }
    data = await pending;
  }
  let matchable: MatcherGlossary;
  try {
    matchable = matchableOf(data);
  } catch (error) {
    throw new Error(`${where}${(error as Error).message}`);
  }
  const raw = data as object;
  return {
    matchable,
    full() {
      let pack = checked.get(raw);
      if (!pack) {
        pack = chunks.definitions().then((chunk) => {
          try {
            return chunk.parsePack(raw);
          } catch (error) {
            throw new Error(`${where}${(error as Error).message}`);
          }
        });
        checked.set(raw, pack);
      }
      return pack;
    },
  };
}
