// China's administrative divisions (GB/T 2260 codes) and the names governments write for them:
// 长沙市 / 长沙, 广西壮族自治区 / 广西, 海西蒙古族藏族自治州 / 海西州 / 海西, 浦东新区 / 浦东.
import type { PlaceLevel } from './types';
import { CENTRAL_CODE } from './types';

/** One administrative division. */
export interface Division {
  /** GB/T 2260 six-digit code: 430000 湖南省, 430100 长沙市, 430104 岳麓区. */
  code: string;
  /** The full official name: 黔东南苗族侗族自治州. */
  name: string;
  level: PlaceLevel;
  /** Code of the division directly above; absent for a province. */
  parent?: string;
}

/** Looks divisions up by code and by the names governments write. */
export interface PlaceIndex {
  byCode(code: string): Division | undefined;
  /**
   * Names as governments write them: 长沙市, 长沙, 广东省, 广东, 黔东南州, 海西蒙古族藏族自治州,
   * 浦东新区 (a trailing 人民政府 is ignored). `within`: a code the answer must be, or lie under.
   * A name several divisions share is settled by level (广东 → the province, not a county of
   * that name); a tie at the same level gives undefined rather than a guess (鼓楼区 without `within`).
   */
  resolve(name: string, within?: string): Division | undefined;
  /** Parents, nearest first (county → city → province); [] for a province or an unknown code. */
  ancestors(code: string): Division[];
}

/** The pseudo-division for the central government (国务院 and its ministries). */
export const CENTRAL_DIVISION: Division = Object.freeze({ code: CENTRAL_CODE, name: '中央', level: 'central' });

/** The level a GB/T 2260 code denotes: xx0000 province, xxxx00 prefecture, otherwise county. */
export function levelOfCode(code: string): PlaceLevel {
  if (code === CENTRAL_CODE) return 'central';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/**
 * Divisions from a compact code → name table (what the generated browser data holds). The parent is
 * derived from the code: a county's prefecture (xxxx00) when the table has it, else its province —
 * so the districts of 北京 and the province-administered counties (济源, 仙桃) sit under the province.
 */
export function divisionsFromTable(table: Readonly<Record<string, string>>): Division[] {
  const divisions: Division[] = [];
  for (const [code, name] of Object.entries(table)) {
    const level = levelOfCode(code);
    const division: Division = { code, name, level };
    if (level === 'city') division.parent = `${code.slice(0, 2)}0000`;
    if (level === 'county') {
      const city = `${code.slice(0, 4)}00`;
      division.parent = city in table ? city : `${code.slice(0, 2)}0000`;
    }
    divisions.push(division);
  }
  return divisions;
}

// The 56 nationalities, as the names of autonomous divisions write them (without 族). A fixed
// national list, not a list of places: it lets 广西壮族自治区 → 广西, 海西蒙古族藏族自治州 → 海西.
const NATIONALITIES = (
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 ' +
  '裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
).split(' ').sort((a, b) => b.length - a.length);

const AUTONOMOUS = /自治(区|州|县|旗)$/;

/** Strips trailing nationalities (蒙古族藏族) from the stem of an autonomous division's name. */
function stripNationalities(stem: string): string {
  let rest = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const nation of NATIONALITIES) {
      for (const form of [`${nation}族`, nation]) {
        if (rest.endsWith(form) && rest.length - form.length >= 2) {
          rest = rest.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return rest;
}

// Generic suffixes of division names, longest first (新区 before 区).
const SUFFIXES = ['特别行政区', '新区', '林区', '矿区', '特区', '地区', '省', '市', '区', '县', '旗', '盟'];

/** The short names a government writes for a division besides its full name. */
export function shortNamesOf(division: Division): string[] {
  const { name } = division;
  const names = new Set<string>();
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) {
    const stem = stripNationalities(name.slice(0, autonomous.index));
    if (stem.length >= 2) {
      names.add(stem);
      // 黔东南州, 恩施州, 石柱县, 鄂温克旗 — 自治区 has no such form (广西区 is not how it is written).
      if (autonomous[1] !== '区') names.add(stem + autonomous[1]);
    }
  } else {
    const suffix = SUFFIXES.find((s) => name.endsWith(s));
    // One-character stems (忠县 → 忠) would match too much running text.
    if (suffix && name.length - suffix.length >= 2) names.add(name.slice(0, -suffix.length));
  }
  names.delete(name);
  return [...names];
}

/** Levels from the top: central 0 … town 4. */
export const LEVEL_RANK: Readonly<Record<PlaceLevel, number>> = { central: 0, province: 1, city: 2, county: 3, town: 4 };

/** Builds the index; `divisions` may come from `loadDivisions()` (node) or the generated browser data. */
export function createPlaceIndex(divisions: readonly Division[]): PlaceIndex {
  const codes = new Map<string, Division>();
  const fullNames = new Map<string, Division[]>();
  const shortNames = new Map<string, Division[]>();
  const add = (map: Map<string, Division[]>, key: string, division: Division) => {
    const list = map.get(key);
    if (list) list.push(division);
    else map.set(key, [division]);
  };
  for (const division of divisions) {
    codes.set(division.code, division);
    add(fullNames, division.name, division);
    for (const short of shortNamesOf(division)) add(shortNames, short, division);
  }

  const byCode = (code: string): Division | undefined =>
    code === CENTRAL_CODE ? CENTRAL_DIVISION : codes.get(code);

  const ancestors = (code: string): Division[] => {
    const chain: Division[] = [];
    for (let at = codes.get(code); at?.parent !== undefined; ) {
      at = codes.get(at.parent);
      if (!at) break;
      chain.push(at);
    }
    return chain;
  };

  const isWithin = (division: Division, within: string) =>
    division.code === within || ancestors(division.code).some((parent) => parent.code === within);

  /** The highest-level candidate, or undefined when two tie at that level. */
  const pick = (candidates: Division[] | undefined, within: string | undefined) => {
    const inside = within === undefined ? candidates ?? [] : (candidates ?? []).filter((d) => isWithin(d, within));
    if (inside.length === 0) return undefined;
    const best = Math.min(...inside.map((d) => LEVEL_RANK[d.level]));
    const top = inside.filter((d) => LEVEL_RANK[d.level] === best);
    return top.length === 1 ? top[0] : null;
  };

  const resolve = (raw: string, within?: string): Division | undefined => {
    const name = raw.replace(/\s+/g, '').replace(/人民政府$|政府$/, '');
    if (name === '') return undefined;
    // A full name beats a short one: 吉林市 is the city even though 吉林 alone is the province.
    const full = pick(fullNames.get(name), within);
    if (full !== undefined) return full ?? undefined;
    return pick(shortNames.get(name), within) ?? undefined;
  };

  return { byCode, resolve, ancestors };
}
