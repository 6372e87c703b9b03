// The background's side of a page's place: looks the content script's clues up in the division
// and host-name tables (places-data.json, set up on the first question and kept for the worker's
// life; too large for the content script) with core's page-place rule.
import { placeOfPage, type HostTable, type PageFacts } from '../core/page-place';
import type { Division, PlaceIndex } from '../core/places';
import type { SourceDocument } from '../core/types';
import { placeOfReport } from '../import/report-place';
import type { PagePlace } from '../ui/page-clues';

let tables: Promise<{ index: PlaceIndex; hosts: HostTable; names: Readonly<Record<string, string>> }> | undefined;

const load = () =>
  (tables ??= Promise.all([import('../places/places-data'), import('../places/places-data.json')]).then(([{ placesFromData }, json]) => {
    const data = (json as { default?: unknown }).default ?? json;
    const places = placesFromData(data as Parameters<typeof placesFromData>[0]);
    return { ...places, names: (data as { divisions: Record<string, string> }).divisions };
  }));

/**
 * The place of a page with these clues: its division and parents, nearest first (empty when unknown).
 * Where neither its host nor its title and footer say, a report's own words do: its title
 * (成都市2024年政府工作报告.pdf) or the congress of its dateline in the text the clues start with (a
 * PDF's first page: 在成都市第十八届人民代表大会…), as `import` reads a report's place.
 */
export async function locatePage(clues: PageFacts): Promise<PagePlace> {
  const { index, hosts } = await load();
  const found = placeOfPage(clues, index, hosts) ?? placeOfReport('', { title: clues.title }, index, clues.footerText ?? clues.footer ?? '');
  const division = found && index.byCode(found.code);
  return { chain: division ? [division, ...index.ancestors(division.code)] : [] };
}

/** A division's name by code, for the options page's group list (undefined for an unknown code). */
export async function divisionName(code: string): Promise<string | undefined> {
  return (await load()).names[code];
}

/**
 * The government that issued a report read from a page: the report's own words first (its issuer,
 * its title's place, the congress of its dateline: import/report-place.ts), else the page's place.
 */
export async function placeOfPageReport(head: Partial<SourceDocument>, text: string, clues: PageFacts): Promise<Division | undefined> {
  const { index, hosts } = await load();
  const named = placeOfReport('', head, index, text);
  if (named) return named;
  const found = placeOfPage(clues, index, hosts);
  return found ? index.byCode(found.code) : undefined;
}
