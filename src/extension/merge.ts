// Merges the enabled glossary packs and the user's own entries into the one pack a page is
// matched against. Later sources win: bundled < subscribed < imported < the user's entries.
import { hashPackContent, hashPackContentNative } from '../core/glossary-hash';
import { PACK_SCHEMA_VERSION } from '../core/types';
import type { GlossaryEntry, GlossaryPack, PackEntry, SourceDocument } from '../core/types';
import { USER_DOCUMENT_TITLE } from './source-groups';

/** The document the user's own entries cite. */
export const USER_DOCUMENT: SourceDocument = { title: USER_DOCUMENT_TITLE, kind: 'editorial' };

/** Pinyin search keys by surface form (see `searchKeys` in core/glossary-compile). */
export type SearchKeys = Readonly<Record<string, readonly string[]>>;

/** The surface forms of one of the user's entries: its term, then its aliases. */
export const entryForms = (entry: GlossaryEntry): string[] => [...new Set([entry.term, ...(entry.aliases ?? [])])];

/** Every surface form of `entries`, once. */
export const formsOf = (entries: readonly GlossaryEntry[]): string[] => [...new Set(entries.flatMap(entryForms))];

/**
 * Compiles the user's entries into pack entries, with the pinyin search keys `keys` has for their
 * forms (computed where pinyin-pro is loaded: the build and the options page).
 */
export function userEntriesPack(entries: readonly GlossaryEntry[], keys: SearchKeys = {}): Omit<GlossaryPack, 'hash'> {
  return documentPack(USER_DOCUMENT, entries, keys);
}

/**
 * Compiles one document's entries into a pack without the build's compiler (no pinyin or variant
 * tables here): each entry matches its term and aliases, searchable by the pinyin `keys` has for them.
 */
export function documentPack(document: SourceDocument, entries: readonly GlossaryEntry[], keys: SearchKeys = {}): Omit<GlossaryPack, 'hash'> {
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    documents: [document],
    entries: entries
      .filter((entry) => !entry.unfinished)
      .map((entry) => {
        const forms = entryForms(entry);
        return { ...entry, doc: 0, forms, keys: [...new Set(forms.flatMap((form) => keys[form] ?? []))] };
      }),
    variants: {},
  };
}

/**
 * Merges packs in order of precedence (lowest first). An entry whose id reappears is replaced; the
 * later packs' entries come first, so a surface form several entries share is matched to the
 * user's own or the latest pack's (the matcher gives a form to its first entry), and the others
 * stay as the term's other sources, which the tooltip lists and ranks by the page's place.
 */
export function mergePacks(packs: readonly Omit<GlossaryPack, 'hash'>[]): Omit<GlossaryPack, 'hash'> {
  const documents: SourceDocument[] = [];
  const offsets: number[] = [];
  const variants: Record<string, string> = {};
  for (const pack of packs) {
    offsets.push(documents.length);
    documents.push(...pack.documents);
    Object.assign(variants, pack.variants);
  }
  const seen = new Set<string>();
  const entries: PackEntry[] = [];
  for (let p = packs.length - 1; p >= 0; p--) {
    for (const entry of packs[p]!.entries) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push({ ...entry, doc: entry.doc + offsets[p]! });
    }
  }
  return { schemaVersion: PACK_SCHEMA_VERSION, documents, entries, variants };
}

/** What a pack's hash is computed over. */
const contentOf = (pack: Omit<GlossaryPack, 'hash'>): Omit<GlossaryPack, 'hash'> => ({
  schemaVersion: pack.schemaVersion,
  documents: pack.documents,
  entries: pack.entries,
  variants: pack.variants,
});

/** The pack with its `hash` (SHA-256 of its canonical JSON, as the build computes it). */
export function withHash(pack: Omit<GlossaryPack, 'hash'>): GlossaryPack {
  const content = contentOf(pack);
  return { ...content, hash: hashPackContent(content) };
}

/** `withHash` by the platform's SHA-256 (the same hash): for the merged pack, rebuilt at every change. */
export async function withHashNative(pack: Omit<GlossaryPack, 'hash'>): Promise<GlossaryPack> {
  const content = contentOf(pack);
  return { ...content, hash: await hashPackContentNative(content) };
}
