// Counts a glossary pack's record keeps (documents, places, newest year), so that the options
// page lists a pack without loading it: made by the store when it saves a pack.
import type { GlossaryPack } from '../core/types';

/** Counts kept on a pack's record, so the options page need not load the pack. */
export interface PackStats {
  /** Source documents (reports, central documents, editorial files). */
  documents: number;
  /** Distinct places (region codes) the documents belong to. */
  places: number;
  /** The newest document's year, when any document has one. */
  latestYear?: number;
}

/** Counts a pack's documents, places and newest year. */
export function packStats(pack: Pick<GlossaryPack, 'documents'>): PackStats {
  const places = new Set<string>();
  let latestYear: number | undefined;
  for (const doc of pack.documents) {
    if (doc.region?.code) places.add(doc.region.code);
    const year = doc.year ?? (doc.date ? Number(doc.date.slice(0, 4)) : undefined);
    if (year !== undefined && Number.isFinite(year) && (latestYear === undefined || year > latestYear)) latestYear = year;
  }
  return { documents: pack.documents.length, places: places.size, ...(latestYear !== undefined ? { latestYear } : {}) };
}
