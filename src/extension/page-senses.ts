// The background's answer to "which definition does this page show": the page's place from its
// clues, then for each term on the page the same term's senses in the merged pack ranked for that
// place. Done here rather than in the content script, which must stay within 40 KB gzipped: the
// division table, the sense index and the ranking rules never load into pages.
import type { SenseChoice, SenseKind } from '../core/sense-choice';
import type { Division } from '../core/places';
import { createNormaliser } from '../core/normalise';
import type { GlossaryPack, PackEntry } from '../core/types';
import { createSenseChooser } from '../ui/sense-chooser';
import { currentMergedPack, entryIndex } from './merged-memo';
import type { PageClues } from '../ui/page-clues';
import { locatePage } from './place-lookup';
import { pageKey } from './settings';

/** A sense choice by entry id, as it travels to the content script (which has the entries). */
export interface SenseIds {
  shown?: string;
  kind: SenseKind;
  others: string[];
}

/** The choices for a page's terms, by the matched entry's id. */
export type PageSenses = Record<string, SenseIds>;

interface Cached {
  hash: string;
  /** The chain of the page being answered: set just before its choices are computed. */
  chain: readonly Division[];
  /** The address of the page being answered (settings.ts pageKey), set with `chain`. */
  page?: string;
  choose: (entryId: string) => SenseChoice | undefined;
  /** Each document's address (settings.ts pageKey), by its index in the pack. */
  urls: Array<string | undefined>;
  /** A term's canonical key (core/normalise.ts: quotes, spaces and numeral styles folded). */
  key: (term: string) => string;
  /** Each page's own entries (their document's address is that page), by the page's key. */
  pages?: Map<string, Array<{ entry: PackEntry; key: string }>>;
}

let cached: Cached | undefined;

/**
 * The choice for each of `entryIds` on a page with these clues at `pageUrl`; ids the merged pack
 * lacks are left out. A definition whose source document is this very page (its own 名词解释 read
 * by page-notes.ts, or a collection report's page) is shown first, whatever the place rules say.
 * The sense index is kept for the merged pack's hash, so a page's question costs a lookup.
 */
export async function choosePageSenses(clues: PageClues, entryIds: readonly string[], pageUrl?: string): Promise<PageSenses> {
  const [pack, place] = await Promise.all([currentMergedPack(), locatePage(clues)]);
  if (!pack) return {};
  let state = cached;
  if (state?.hash !== pack.hash) {
    const normaliser = createNormaliser(pack.variants);
    const urls = pack.documents.map((doc) => (doc.url ? pageKey(doc.url) : undefined));
    const fresh: Cached = { hash: pack.hash, chain: [], choose: () => undefined, urls, key: (term) => normaliser.key(term) };
    fresh.choose = createSenseChooser(pack, () => fresh.chain, { own: (entry) => fresh.page !== undefined && urls[entry.doc] === fresh.page });
    state = cached = fresh;
  }
  // Each answer is computed synchronously with the chain of its own page.
  state.chain = place.chain;
  state.page = pageUrl === undefined ? undefined : pageKey(pageUrl);
  const answer: PageSenses = {};
  for (const id of entryIds) {
    const choice = state.choose(id);
    if (!choice) continue;
    const inner = choice.kind === 'user' || choice.kind === 'own' ? undefined : ownTermInside(state, pack, id);
    const others = choice.others.map((entry) => entry.id);
    answer[id] = inner
      ? { shown: inner.id, kind: 'own', others: [...(choice.shown ? [choice.shown.id] : []), ...others].filter((other) => other !== inner.id) }
      : { shown: choice.shown?.id, kind: choice.kind, others };
  }
  return answer;
}

/**
 * The page's own entry for a term inside the matched one, when the page defines none of the
 * matched term itself: the matcher takes the longest term, so where the collection holds a longer
 * term (省委1+1+9工作部署, another city's) around one the page's own notes explain
 * (1+1+9工作部署), the reader would see the other government's words on the very page that explains
 * the term. The longest such term of the page's own (the first of equals) is shown first, where
 * the page explains the matched term (below); the matched term's choice follows it among the others.
 */
function ownTermInside(state: Cached, pack: GlossaryPack, entryId: string): PackEntry | undefined {
  if (state.page === undefined) return undefined;
  if (!state.pages) {
    state.pages = new Map();
    for (const entry of pack.entries) {
      const url = state.urls[entry.doc];
      if (url === undefined) continue;
      const list = state.pages.get(url) ?? [];
      list.push({ entry, key: state.key(entry.term) });
      state.pages.set(url, list);
    }
  }
  const own = state.pages.get(state.page);
  if (!own) return undefined;
  const matched = entryIndex(pack.entries).get(entryId);
  if (!matched) return undefined;
  let best: { entry: PackEntry; at: number; length: number } | undefined;
  for (const key of new Set([matched.term, ...matched.forms].map(state.key))) {
    const inside = own.flatMap(({ entry, key: term }) => (term.length > 1 && term !== key && key.includes(term) ? [{ entry, at: key.indexOf(term), length: term.length }] : []));
    // The page's terms inside cover more than half of it (一核, 一带 and 一区 of 一核一带一区), or one of
    // them has four characters (九个一批 in 市委“九个一批”工作部署); the page's 一带 alone (a belt of its
    // towns) or 两不愁 says nothing of 一带一路 or 两不愁三保障.
    const covered = new Set(inside.flatMap(({ at, length }) => Array.from({ length }, (_, i) => at + i)));
    for (const found of inside) {
      if (found.length < 4 && covered.size * 2 <= key.length) continue;
      if (!best || found.length > best.length || (found.length === best.length && found.at < best.at)) best = found;
    }
  }
  return best?.entry;
}
