// Build-time only: the table from government host-name labels (sc, chengdu, pudong, csx) to the
// divisions they may denote, computed with pinyin-pro so that browsers never ship pinyin-pro.
import { pinyin } from 'pinyin-pro';
import type { Division } from '../core/places';
import { shortNamesOf } from '../core/places';
import type { HostTable } from '../core/page-place';

const spell = (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: false }).join('').replace(/[^a-z]/g, '');
const initials = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '');

/**
 * Labels per division, the ways government sites spell a place in their host names:
 * - the full pinyin of each short name (chengdu, pudong, qiandongnan), or of the full name when it
 *   has none (忠县 → zhongxian);
 * - provinces also by the initials of their short name (sc 四川, cq 重庆, gd 广东, hlj 黑龙江);
 * - prefectures and counties also by the initials of their full name when three letters or more
 *   (csx 长沙县): two-letter initials of 3,000 names would denote dozens of places each.
 * A label several divisions share keeps them all; `placeOfPage` settles it with the page's own text.
 */
export function buildHostTable(divisions: readonly Division[]): HostTable {
  const table = new Map<string, Set<string>>();
  const add = (label: string, code: string) => {
    if (label.length < 2) return;
    let codes = table.get(label);
    if (!codes) table.set(label, (codes = new Set()));
    codes.add(code);
  };
  for (const division of divisions) {
    const shorts = shortNamesOf(division);
    for (const name of shorts.length > 0 ? shorts : [division.name]) add(spell(name), division.code);
    if (division.level === 'province') {
      const short = shorts[0];
      if (short) add(initials(short), division.code);
    } else {
      const full = initials(division.name);
      if (full.length >= 3) add(full, division.code);
    }
  }
  const sorted: Record<string, string[]> = {};
  for (const label of [...table.keys()].sort()) sorted[label] = [...table.get(label)!].sort();
  return sorted;
}
