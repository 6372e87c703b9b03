// The background's answer to "which definition does this page show": the page's place from its
// clues, then for each term on the page the same term's senses in the merged pack ranked for that
// place. Done here rather than in the content script, which must stay within 40 KB gzipped: the
// division table, the sense index and the ranking rules never load into pages.
import type { SenseChoice, SenseKind } from '../core/sense-choice';
import type { Division } from '../core/places';
import { createSenseChooser } from '../ui/sense-chooser';
import { currentMergedPack } from './merged-memo';
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
    const fresh: Cached = { hash: pack.hash, chain: [], choose: () => undefined };
    const urls = pack.documents.map((doc) => (doc.url ? pageKey(doc.url) : undefined));
    fresh.choose = createSenseChooser(pack, () => fresh.chain, { own: (entry) => fresh.page !== undefined && urls[entry.doc] === fresh.page });
    state = cached = fresh;
  }
  // Each answer is computed synchronously with the chain of its own page.
  state.chain = place.chain;
  state.page = pageUrl === undefined ? undefined : pageKey(pageUrl);
  const answer: PageSenses = {};
  for (const id of entryIds) {
    const choice = state.choose(id);
    if (choice) answer[id] = { shown: choice.shown?.id, kind: choice.kind, others: choice.others.map((entry) => entry.id) };
  }
  return answer;
}
