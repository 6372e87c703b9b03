// Where a glossary pack came from and what it holds, as the options page lists it: origin,
// version or date, documents, places and entries.
import type { PackRecord } from './store';
import type { ExtensionStrings } from './strings';

declare const __PG_BUILD_DATE__: string | undefined;

/** The day the extension was built (YYYY-MM-DD), set by wxt.config.ts; undefined outside a build. */
export const BUILD_DATE: string | undefined = typeof __PG_BUILD_DATE__ === 'string' ? __PG_BUILD_DATE__ : undefined;

/** What the options page needs to know of the running extension. */
export interface ExtensionBuild {
  version: string;
  buildDate?: string;
}

/** A day (ms since epoch) as YYYY-MM-DD in local time. */
export const dayOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The origin line of a pack (where it came from) and its details (version or dates, what it
 * holds, its entry count), in the page's language.
 */
export function describePack(record: PackRecord, t: ExtensionStrings, build: ExtensionBuild): { origin: string; details: string[] } {
  const stats = record.stats;
  // A one-document file without places says nothing its name does not.
  const holds = stats && stats.places > 0 ? [t.bundledSummary(stats.documents, stats.places)] : [];
  const newest = stats?.latestYear !== undefined ? [t.latestYear(stats.latestYear)] : [];
  if (record.kind === 'bundled') {
    return {
      origin: t.bundledFrom,
      details: [...(build.version ? [t.version(build.version)] : []), ...(build.buildDate ? [t.builtOn(build.buildDate)] : []), ...holds, ...newest, t.packEntries(record.entries)],
    };
  }
  if (record.kind === 'url') {
    return {
      origin: `${t.packUrl} · ${record.url ?? record.name}`,
      details: [t.changedOn(dayOf(record.updatedAt)), ...holds, ...newest, t.packEntries(record.entries)],
    };
  }
  if (record.kind === 'page') {
    return { origin: `${t.packPage} · ${record.url ?? record.name}`, details: [t.readOn(dayOf(record.updatedAt)), ...holds, ...newest, t.packEntries(record.entries)] };
  }
  return { origin: `${t.packFile} · ${record.name}`, details: [t.importedOn(dayOf(record.updatedAt)), ...holds, ...newest, t.packEntries(record.entries)] };
}
