// Which government issued a report: from the folders of its path (…/永州市/2022.md), the importer's
// issuer (我代表…人民政府), the title (永州市政府工作报告) or the congress its dateline names (在成都市
// 第十六届人民代表大会). Used by `collect` and `import` (src/cli/commands) and the collection eval.
import type { Division, PlaceIndex } from '../core/places';
import type { SourceDocument } from '../core/types';

/**
 * Characters of a report's start read for its government (its title, 我代表…人民政府, the congress of
 * its dateline): what a page or a PDF that carries a report's notes hands over for its place.
 */
export const REPORT_HEAD_CHARS = 12_000;

/**
 * A place name written before a title's 政府工作报告 / 人民政府: 永州市政府工作报告 → 永州市, also with the
 * year before or after it (2024年永州市…, 永州市2024年政府工作报告: a file's name).
 */
function titlePlace(title: string | undefined): string | undefined {
  if (!title) return undefined;
  const match = /^\s*(?:\d{4}年)?\s*([\u4e00-\u9fff]{2,20}?)\s*(?:\d{4}年度?)?\s*(?:人民)?政府工作报告/u.exec(title);
  return match?.[1];
}

/** The congress a report was delivered to, named in its dateline: 在成都市第十六届人民代表大会 → 成都市. */
function congressPlace(text: string): string | undefined {
  const match = /在([\u4e00-\u9fff]{2,20}?)第[一二三四五六七八九十\d]+届人民代表大会/u.exec(text.slice(0, 3000));
  return match?.[1];
}

/**
 * The issuing government's division: the folder names of the report's path (outermost first, each
 * inside the one before), else the importer's issuer (我代表…人民政府), else the title's place, else
 * the congress of the dateline (在…第N届人民代表大会).
 */
export function placeOfReport(
  relativePath: string,
  head: Partial<SourceDocument>,
  places: PlaceIndex,
  text = '',
): Division | undefined {
  let found: Division | undefined;
  for (const folder of relativePath.split(/[\\/]/u).slice(0, -1)) {
    const division = places.resolve(folder, found?.code);
    if (division) found = division;
  }
  if (found) return found;
  for (const name of [head.issuer, titlePlace(head.title), congressPlace(text)]) {
    const division = name ? places.resolve(name) : undefined;
    if (division) return division;
  }
  return undefined;
}
