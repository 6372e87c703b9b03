// The groups a merged pack's sources fall into — each province, the central government, the
// editors, the user's own entries — which the options page lists with counts and the reader can
// turn off one by one; content scripts leave the entries of turned-off groups out.
import { CENTRAL_CODE } from '../core/types';
import type { GlossaryPack, SourceDocument } from '../core/types';

/** The title of the document the user's own entries cite (Chinese only: it is shown in the tooltip). */
export const USER_DOCUMENT_TITLE = '我的词库';

/** Group ids that are not a province's code. */
export const GROUP_USER = 'user';
export const GROUP_CENTRAL = 'central';
export const GROUP_EDITORIAL = 'editorial';
/** Official sources that name no place (imported files without a region, the seed report). */
export const GROUP_OTHER = 'other';

/** One group with the number of entries it holds in a pack. */
export interface SourceGroupCount {
  id: string;
  entries: number;
}

/** The group of a source document: the province code of its region ('430000'), or one of the ids above. */
export function groupOfDocument(doc: SourceDocument | undefined): string {
  if (!doc) return GROUP_OTHER;
  if (doc.kind === 'editorial' && doc.title === USER_DOCUMENT_TITLE && !doc.region) return GROUP_USER;
  const code = doc.region?.code;
  if (code === CENTRAL_CODE) return GROUP_CENTRAL;
  if (code && /^\d{6}$/.test(code)) return `${code.slice(0, 2)}0000`;
  if (doc.kind === 'editorial') return GROUP_EDITORIAL;
  return GROUP_OTHER;
}

const ORDER = [GROUP_USER, GROUP_CENTRAL];
const LAST = [GROUP_OTHER, GROUP_EDITORIAL];
const rank = (id: string): number => (ORDER.includes(id) ? ORDER.indexOf(id) - 10 : LAST.includes(id) ? 1000 + LAST.indexOf(id) : Number(id) / 1e6);

/** The groups of a pack with their entry counts: the user's own, central, provinces by code, then the rest. */
export function countGroups(pack: GlossaryPack): SourceGroupCount[] {
  const counts = new Map<string, number>();
  const groups = pack.documents.map(groupOfDocument);
  for (const entry of pack.entries) {
    const id = groups[entry.doc] ?? GROUP_OTHER;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].map(([id, entries]) => ({ id, entries })).sort((a, b) => rank(a.id) - rank(b.id));
}

/** The pack without the entries of the turned-off groups (the same object when none is off). */
export function withoutGroups(pack: GlossaryPack, off: readonly string[]): GlossaryPack {
  if (off.length === 0) return pack;
  const skip = new Set(off);
  const dropped = pack.documents.map((doc) => skip.has(groupOfDocument(doc)));
  const entries = pack.entries.filter((entry) => !dropped[entry.doc]);
  return entries.length === pack.entries.length ? pack : { ...pack, entries };
}
