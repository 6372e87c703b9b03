// Build-time only: the table from government host-name labels (sc, chengdu, pudong, csx) to the
// divisions they may denote, computed with pinyin-pro so that browsers never ship pinyin-pro.
import { pinyin } from 'pinyin-pro';
import type { Division } from '../core/places';
import { shortNamesOf } from '../core/places';
import type { HostTable } from '../core/page-place';

// ü as v, as sites write it (www.lvliang.gov.cn 吕梁): without it the letter was dropped (lliang).
const spell = (text: string) => pinyin(text, { toneType: 'none', type: 'array', v: true }).join('').replace(/[^a-z]/g, '');
/** Most spellings of one name from its characters' readings. */
const MAX_READINGS = 16;

/**
 * Each character's readings, pinyin-pro's reading in context first: pinyin-pro reads place names as
 * running text (喀什 kashen, 乐清 leqing, 单县 danxian, 洪洞 hongdong, 宁都 ningdou), while their sites
 * spell them as the place is called (www.kashi.gov.cn, yueqing, shanxian, hongtong, ningdu). ü is
 * written v and u (lvliang, luliang).
 */
function readingsOf(text: string): string[][] {
  const contextual = pinyin(text, { toneType: 'none', type: 'array', v: false });
  return [...text].map((char, i) => {
    const written = [contextual[i] ?? '', ...pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: false })].flatMap((reading) => [reading.replace(/ü/g, 'v'), reading.replace(/ü/g, 'u')]);
    const readings = new Set(written.map((reading) => reading.replace(/[^a-z]/g, '')));
    readings.delete('');
    return [...readings];
  });
}

/** Each way of joining one choice per character, in order (at most MAX_READINGS: a name of many polyphones stops there). */
function joined(choices: readonly string[][]): string[] {
  let spelled = [''];
  for (const options of choices) spelled = spelled.flatMap((start) => options.map((option) => start + option)).slice(0, MAX_READINGS);
  return spelled;
}

/** The name spelled with its characters' other readings too (喀什 kashi besides kashen). */
const spellings = (text: string): string[] => joined(readingsOf(text));

const initials = (text: string) => pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').replace(/[^a-z]/g, '');
/**
 * A name's initials as sites write them: each character's first letter, or zh, ch and sh whole
 * (朝阳 cy or chy, 东城 dc or dch), from any of its readings (闵行 mh, not only pinyin-pro's mx).
 */
const initialsOf = (text: string): string[] =>
  joined(readingsOf(text).map((readings) => [...new Set(readings.flatMap((reading) => [reading[0]!, /^[zcs]h/.test(reading) ? reading.slice(0, 2) : reading[0]!]))]));

/**
 * Host labels of real government sites that the generic rules below miss or read as another place,
 * each replacing what the rules give that label. Two-letter initials are kept for provinces only,
 * yet the largest cities' portals use theirs (www.gz.gov.cn is 广州, not 贵州: 贵州 is
 * www.guizhou.gov.cn; www.xz.gov.cn is 徐州, not 西藏), and a few spell their name in an older
 * romanisation (www.shaanxi.gov.cn is 陕西, which leaves www.shanxi.gov.cn to 山西; Harbin, Hohhot,
 * Urumqi). Only portals whose host name is certain are listed: a host not here still has the page's
 * own footer and title to go by (core/page-place.ts).
 */
export const SITE_LABELS: Readonly<Record<string, string>> = {
  gz: '440100', // 广州市 www.gz.gov.cn
  sz: '440300', // 深圳市 www.sz.gov.cn
  xa: '610100', // 西安市 www.xa.gov.cn
  xm: '350200', // 厦门市 www.xm.gov.cn
  km: '530100', // 昆明市 www.km.gov.cn
  nc: '360100', // 南昌市 www.nc.gov.cn
  dl: '210200', // 大连市 www.dl.gov.cn
  dg: '441900', // 东莞市 www.dg.gov.cn
  zs: '442000', // 中山市 www.zs.gov.cn
  xz: '320300', // 徐州市 www.xz.gov.cn
  sjz: '130100', // 石家庄市 www.sjz.gov.cn
  hd: '130400', // 邯郸市 www.hd.gov.cn
  bd: '130600', // 保定市 www.bd.gov.cn
  lf: '131000', // 廊坊市 www.lf.gov.cn
  ly: '410300', // 洛阳市 www.ly.gov.cn
  yl: '610800', // 榆林市 www.yl.gov.cn
  harbin: '230100', // 哈尔滨市 www.harbin.gov.cn
  huhhot: '150100', // 呼和浩特市 www.huhhot.gov.cn
  urumqi: '650100', // 乌鲁木齐市 www.urumqi.gov.cn
  qqhr: '230200', // 齐齐哈尔市 www.qqhr.gov.cn (尔 as r, not its initial e)
  shaanxi: '610000', // 陕西省 www.shaanxi.gov.cn
  shanxi: '140000', // 山西省 www.shanxi.gov.cn
  // Pinyin two cities share; the portal is the one named (the other spells its host otherwise).
  fuzhou: '350100', // 福州市 www.fuzhou.gov.cn (抚州: www.jxfz.gov.cn)
  suzhou: '320500', // 苏州市 www.suzhou.gov.cn (宿州: www.ahsz.gov.cn)
  taizhou: '321200', // 泰州市 www.taizhou.gov.cn (台州: www.zjtz.gov.cn)
  yulin: '450900', // 玉林市 www.yulin.gov.cn (榆林: www.yl.gov.cn)
  ordos: '150600', // 鄂尔多斯市 www.ordos.gov.cn (an English spelling)
};

/**
 * Labels per division, the ways government sites spell a place in their host names:
 * - the full pinyin of each short name (chengdu, pudong, qiandongnan), or of the full name when it
 *   has none (忠县 → zhongxian);
 * - provinces also by the initials of their short name (sc 四川, cq 重庆, gd 广东, hlj 黑龙江);
 * - prefectures and counties also by the initials of their full name when three letters or more
 *   (csx 长沙县): two-letter initials of 3,000 names would denote dozens of places each; a
 *   prefecture also by those of a short name of three characters or more (zjk 张家口, hlbe 呼伦贝尔);
 * - each short name with its characters' other readings (喀什 kashi besides pinyin-pro's kashen),
 *   and a district's or prefecture's initials after those of the city or province above it (bjhd
 *   北京海淀, ahsz 安徽宿州), where no division has that label by the rules above: a label those
 *   give keeps its places.
 * A label several divisions share keeps them all; `placeOfPage` settles it with the page's own text.
 * Then SITE_LABELS, as they are.
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
      // A prefecture by the initials of a short name of three characters or more, as its portal
      // writes them (www.zjk.gov.cn 张家口, qhd 秦皇岛, lyg 连云港, pds 平顶山, xsbn 西双版纳).
      if (division.level === 'city') for (const name of shorts) if (name.length >= 3) add(initials(name), division.code);
      const full = initials(division.name);
      if (full.length >= 3) add(full, division.code);
    }
  }
  const given = new Set(table.keys());
  for (const division of divisions) {
    const shorts = shortNamesOf(division);
    for (const name of shorts.length > 0 ? shorts : [division.name]) for (const label of spellings(name)) if (!given.has(label)) add(label, division.code);
  }
  // A district under its city's initials (www.bjhd.gov.cn 北京海淀, bjchy 朝阳, szft 深圳福田, shqp
  // 上海青浦), a prefecture under its province's (ahsz 安徽宿州, jxfz 江西抚州, zjtz 浙江台州).
  const byCode = new Map(divisions.map((division) => [division.code, division]));
  for (const division of divisions) {
    if (!(division.level === 'city' || (division.level === 'county' && division.name.endsWith('区')))) continue;
    const above = byCode.get(division.parent ?? '') ?? byCode.get(`${division.code.slice(0, 2)}0000`);
    const own = shortNamesOf(division)[0];
    const aboveShort = above && above.code !== division.code ? shortNamesOf(above)[0] : undefined;
    if (!own || !aboveShort) continue;
    const prefix = initials(aboveShort);
    for (const label of initialsOf(own)) if (!given.has(prefix + label)) add(prefix + label, division.code);
  }
  // Where real sites spell their place otherwise than the rules above (or the rules' answer is
  // another place), the label says what the site is.
  for (const [label, code] of Object.entries(SITE_LABELS)) table.set(label, new Set([code]));
  const sorted: Record<string, string[]> = {};
  for (const label of [...table.keys()].sort()) sorted[label] = [...table.get(label)!].sort();
  return sorted;
}
