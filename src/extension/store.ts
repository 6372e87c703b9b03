// The extension's glossary data in storage.local: pack records (bundled, imported files,
// subscribed URLs), each pack's content, the user's own entries, and the merged pack that
// content scripts read in one storage call instead of waking the background.
import { browser } from 'wxt/browser';
import type { GlossaryEntry, GlossaryPack } from '../core/types';
import { formsOf, mergePacks, userEntriesPack, withHashNative, type SearchKeys } from './merge';
import { BUNDLED_MATCHER_FILE, compilePack, isCompiledPack, sameMatcherInput, type CompiledPack } from '../core/compiled-pack';
import { compiledPackItem, mergedPackItem } from './merged-pack';
import { currentMergedPack, holdsMergedPack, rememberMergedPack } from './merged-memo';
import { loadSettings } from './settings';
import { countGroups, withoutGroups, type SourceGroupCount } from './source-groups';
import { jsonItem, localItem } from './storage-item';
import { packStats, type PackStats } from './pack-stats';

/** Where a pack came from: built in, a subscribed URL, an imported file, or a page's own 名词解释 or footnotes (page-notes.ts). */
export type PackKind = 'bundled' | 'file' | 'url' | 'page';

/** What the options page lists for one pack. */
export interface PackRecord {
  id: string;
  kind: PackKind;
  /** File name, URL, the report's title (a page's notes) or the bundled glossary's title. */
  name: string;
  enabled: boolean;
  entries: number;
  hash: string;
  /** When the content last changed (ms since epoch). */
  updatedAt: number;
  /** Subscriptions: the URL, validators for conditional requests, the last check and its error. A page's notes: the page. */
  url?: string;
  etag?: string;
  lastModified?: string;
  checkedAt?: number;
  error?: string;
  /** What the pack holds, for the options page's source line (records saved before have none). */
  stats?: PackStats;
}

/** Id of the pack compiled from glossary/ at build time. */
export const BUNDLED_PACK_ID = 'bundled';

const recordsItem = localItem<PackRecord[]>('packs', []);
const userEntriesItem = localItem<GlossaryEntry[]>('userEntries', []);
// Pinyin search keys of the user's entries, by form. Computed on the options page, which can load
// the pinyin tables; derived data only, so entries without keys stay searchable in Chinese.
const userKeysItem = localItem<SearchKeys>('userEntryKeys', {});
const packItem = (id: string) => jsonItem<GlossaryPack | null>(`pack:${id}`, null);

/**
 * The packs this context has read or written, by id with their hash: a rebuild reads from storage
 * only the packs that changed (the bundled pack alone takes 0.65 s to read in Chrome's service worker).
 */
const packMemo = new Map<string, GlossaryPack>();

/** The content of `record`'s pack: from memory when this context holds that version. */
async function readPack(record: PackRecord): Promise<GlossaryPack | null> {
  const known = packMemo.get(record.id);
  if (known?.hash === record.hash) return known;
  const pack = await packItem(record.id).getValue();
  if (pack) packMemo.set(record.id, pack);
  return pack;
}

/** The stored merged pack's hash, written after it: comparing it costs no read of the whole pack. */
const mergedHashItem = localItem<string | null>('mergedPackHash', null);

/** All pack records, bundled first. */
export function listPacks(): Promise<PackRecord[]> {
  return recordsItem.getValue();
}

/** The stored content of one pack. */
export function getPack(id: string): Promise<GlossaryPack | null> {
  return packItem(id).getValue();
}

/**
 * Stores a pack's content and its record together, then rebuilds the merged pack. The content
 * is written before the record points at it, so an interrupted save leaves the old pack active.
 * `drop`: packs removed in the same change (one rebuild for both).
 */
export async function savePack(record: Omit<PackRecord, 'entries' | 'hash' | 'updatedAt'>, pack: GlossaryPack, now = Date.now(), drop: readonly string[] = []): Promise<PackRecord> {
  const dropped = drop.filter((id) => id !== record.id && id !== BUNDLED_PACK_ID);
  const records = (await recordsItem.getValue()).filter((r) => !dropped.includes(r.id));
  const previous = records.find((r) => r.id === record.id);
  const full: PackRecord = {
    ...record,
    entries: pack.entries.length,
    hash: pack.hash,
    stats: packStats(pack),
    updatedAt: previous?.hash === pack.hash ? previous.updatedAt : now,
  };
  await packItem(record.id).setValue(pack);
  packMemo.set(record.id, pack);
  await recordsItem.setValue(previous ? records.map((r) => (r.id === record.id ? full : r)) : [...records, full]);
  for (const id of dropped) {
    packMemo.delete(id);
    await packItem(id).removeValue();
  }
  await rebuildMergedPack();
  return full;
}

/** Changes a pack's record (enable/disable, subscription status) and rebuilds the merged pack if needed. */
export async function updatePackRecord(id: string, change: Partial<Omit<PackRecord, 'id' | 'kind'>>): Promise<PackRecord | undefined> {
  const records = await recordsItem.getValue();
  const current = records.find((r) => r.id === id);
  if (!current) return undefined;
  const next = { ...current, ...change };
  await recordsItem.setValue(records.map((r) => (r.id === id ? next : r)));
  if (change.enabled !== undefined && change.enabled !== current.enabled) await rebuildMergedPack();
  return next;
}

/** Removes an imported or subscribed pack (the bundled one can only be disabled). */
export async function removePack(id: string): Promise<void> {
  if (id === BUNDLED_PACK_ID) throw new Error('内置词库不能删除，只能停用 / The bundled glossary can only be disabled');
  await recordsItem.setValue((await recordsItem.getValue()).filter((r) => r.id !== id));
  packMemo.delete(id);
  await packItem(id).removeValue();
  await rebuildMergedPack();
}

/** The user's own entries. */
export function getUserEntries(): Promise<GlossaryEntry[]> {
  return userEntriesItem.getValue();
}

/** The search keys of the forms `entries` have, each from the first of `sources` that has it. */
function keysOfForms(entries: readonly GlossaryEntry[], ...sources: SearchKeys[]): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const form of formsOf(entries)) {
    const found = sources.find((source) => source[form])?.[form];
    if (found) kept[form] = [...found];
  }
  return kept;
}

/** The stored pinyin search keys of the user's entries, by form. */
export function getUserEntryKeys(): Promise<SearchKeys> {
  return userKeysItem.getValue();
}

/**
 * Replaces the user's own entries and rebuilds the merged pack. `keys` adds pinyin search keys by
 * form; the stored keys are kept to the forms the entries still have. Entries and keys are
 * written in one storage call: both or neither.
 */
export async function setUserEntries(entries: GlossaryEntry[], keys: SearchKeys = {}): Promise<void> {
  const kept = keysOfForms(entries, keys, await userKeysItem.getValue());
  await browser.storage.local.set({ [userEntriesItem.key]: entries, [userKeysItem.key]: kept });
  await rebuildMergedPack();
}

/**
 * Adds pinyin search keys (by form) for the user's current entries, e.g. for entries saved before
 * keys were computed; keys of forms no entry has are dropped. Rebuilds the merged pack.
 */
export async function addUserEntryKeys(keys: SearchKeys): Promise<void> {
  await userKeysItem.setValue(keysOfForms(await userEntriesItem.getValue(), await userKeysItem.getValue(), keys));
  await rebuildMergedPack();
}

/** Adds or replaces (by id) one of the user's entries, with the pinyin search keys of its forms. */
export async function saveUserEntry(entry: GlossaryEntry, keys: SearchKeys = {}): Promise<void> {
  const entries = await userEntriesItem.getValue();
  const index = entries.findIndex((e) => e.id === entry.id);
  await setUserEntries(index >= 0 ? entries.map((e, i) => (i === index ? entry : e)) : [...entries, entry], keys);
}

/** Deletes one of the user's entries. */
export async function deleteUserEntry(id: string): Promise<void> {
  await setUserEntries((await userEntriesItem.getValue()).filter((e) => e.id !== id));
}

const KIND_ORDER: Record<PackKind, number> = { bundled: 0, url: 1, file: 2, page: 3 };

/** The enabled packs and the user's entries merged, every source group included. */
async function mergeEnabled(): Promise<GlossaryPack> {
  return (await mergeEnabledWithBundled()).merged;
}

/** {@link mergeEnabled}, and the bundled pack when it is enabled (read once for both). */
async function mergeEnabledWithBundled(): Promise<{ merged: GlossaryPack; bundled?: GlossaryPack }> {
  const records = (await recordsItem.getValue())
    .filter((r) => r.enabled)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const read = await Promise.all(records.map(readPack));
  const packs = read.filter((p): p is GlossaryPack => p !== null);
  const bundled = read[records.findIndex((r) => r.id === BUNDLED_PACK_ID)] ?? undefined;
  const merged = await withHashNative(mergePacks([...packs, userEntriesPack(await userEntriesItem.getValue(), await userKeysItem.getValue())]));
  return bundled ? { merged, bundled } : { merged };
}

/**
 * Recomputes the merged pack from the enabled packs and the user's entries, without the source
 * groups the user turned off (so content scripts and the popup never load them); stores it when
 * it changed. In the background its compiled matcher is stored first, the pack itself after: pages
 * wait for the matcher alone (in Chrome's service worker storing the 2.3 MB pack took 0.7–2 s), and
 * the background answers their entry requests from the pack it holds (merged-memo.ts).
 */
export async function rebuildMergedPack(): Promise<GlossaryPack> {
  const { merged: all, bundled } = await mergeEnabledWithBundled();
  const kept = withoutGroups(all, (await loadSettings()).disabledGroups);
  const merged = kept === all ? all : await withHashNative(kept);
  // The background answers pages from the pack it holds, so it stores their matcher first. Any other
  // context (the options page) stores the pack first: the background takes the new pack from that
  // change, before pages load the matcher and ask it for entries.
  const matcherFirst = holdsMergedPack();
  rememberMergedPack(merged);
  // Without the bundled pack enabled the build's matcher cannot be the merged pack's.
  if (matcherFirst) await compileMergedPack(merged, bundled ?? null);
  // Stores written before the hash was kept apart have only the pack to compare with.
  const storedHash = (await mergedHashItem.getValue()) ?? (await mergedPackItem.getValue())?.hash;
  if (storedHash !== merged.hash) {
    await mergedPackItem.setValue(merged);
    await mergedHashItem.setValue(merged.hash);
  }
  if (!matcherFirst) await compileMergedPack(merged, bundled ?? null);
  return merged;
}

/**
 * Stores the merged pack's compiled matcher (core/compiled-pack.ts) unless the stored one is of this
 * pack and version already: content scripts load that and build nothing. While the merged pack
 * matches as the bundled glossary alone does (no own entries, imports or subscriptions, no source
 * group turned off), that is the build's compiled matcher, read from the extension package;
 * otherwise it is compiled here. `bundled`: the bundled pack if the caller has read it (null when
 * it is turned off). Returns whether it had to store one.
 */
export async function compileMergedPack(merged?: GlossaryPack, bundled?: GlossaryPack | null): Promise<boolean> {
  // The pack this context holds when it keeps one (a rebuild stores the matcher before the pack).
  const pack = merged ?? (await currentMergedPack());
  if (!pack) return false;
  const stored = await compiledPackItem.getValue();
  if (isCompiledPack(stored) && stored.hash === pack.hash) return false;
  await compiledPackItem.setValue((await bundledMatcherFor(pack, bundled)) ?? compilePack(pack));
  return true;
}

/** Reads the build's compiled matcher of the bundled glossary (glossary-matcher.json in the package). */
export type BundledMatcherReader = () => Promise<unknown>;

let readBundledMatcher: BundledMatcherReader = async () => {
  const response = await fetch(browser.runtime.getURL(`/${BUNDLED_MATCHER_FILE}`));
  if (!response.ok) throw new Error(`${BUNDLED_MATCHER_FILE}: HTTP ${response.status}`);
  return response.json();
};

/** Replaces how the build's compiled matcher is read (tests); returns the previous reader. */
export function setBundledMatcherReader(reader: BundledMatcherReader): BundledMatcherReader {
  const previous = readBundledMatcher;
  readBundledMatcher = reader;
  return previous;
}

/**
 * The build's compiled matcher under `merged`'s hash when `merged` gives the matcher the bundled
 * glossary gives; undefined when it does not, or when the file is missing, of another version or
 * of another glossary (then the caller compiles).
 */
async function bundledMatcherFor(merged: GlossaryPack, known?: GlossaryPack | null): Promise<CompiledPack | undefined> {
  // `known`: the bundled pack as the caller read it (null: not enabled); read here when not given.
  const bundled = known === undefined ? await getPack(BUNDLED_PACK_ID) : known;
  if (!bundled || !sameMatcherInput(merged, bundled)) return undefined;
  try {
    const value = await readBundledMatcher();
    if (isCompiledPack(value) && value.hash === bundled.hash && value.entries === bundled.entries.length) return { ...value, hash: merged.hash };
  } catch (error) {
    console.warn('[policy-glossary] compiling the matcher: the bundled one could not be read', error);
  }
  return undefined;
}

/** The source groups of the enabled packs and the user's entries with their entry counts, turned-off groups included. */
export async function sourceGroupCounts(): Promise<SourceGroupCount[]> {
  return countGroups(await mergeEnabled());
}

/** Calls `listener` when the pack list or the user's entries change (another page, the background). */
export function watchStore(listener: () => void): () => void {
  const unwatchRecords = recordsItem.watch(listener);
  const unwatchEntries = userEntriesItem.watch(listener);
  const unwatchKeys = userKeysItem.watch(listener);
  return () => {
    unwatchRecords();
    unwatchEntries();
    unwatchKeys();
  };
}
