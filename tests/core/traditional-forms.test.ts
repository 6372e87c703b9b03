// convertAll builds OpenCC's tries from only the dictionary entries that may occur in the texts it
// is given: it must convert them exactly as OpenCC's own converters (whole dictionaries) do.
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { convertAll, TRADITIONAL_PRESETS } from '../../src/core/traditional-forms';

const STANDARDS = { s2t: 't', s2tw: 'tw', s2hk: 'hk' } as const;

/** Characters whose traditional spelling depends on the phrase (干部/干燥, 发展/头发, 面条/面积 …), and plain ones. */
const POOL = [...'干发面里台后只系复范松云斗历钟准尽并冲卷志制划克游表谷丑征余于才党出采周折了几台湾部展条积燥头程碑一国两制家乡村振兴稳就业金融外贸投资预期六保三重大会代理'];

/** Texts made of the pool's characters, from a seeded generator (the same texts every run). */
function generatedTexts(count: number): string[] {
  let seed = 20_261_206;
  const next = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(next() * 7) }, () => POOL[Math.floor(next() * POOL.length)]).join(''));
}

const WRITTEN = [
  '干部',
  '干部队伍建设',
  '一干二净',
  '头发',
  '发展',
  '高质量发展',
  '面条',
  '面积',
  '里程碑',
  '台湾',
  '台账',
  '后台',
  '一国两制',
  '“六稳”工作',
  '15分钟服务圈',
  '三重一大',
  '乡村振兴总要求',
  '稳中求进工作总基调',
  '放管服',
  '新基建',
  'PPP模式',
  '',
];

describe('convertAll', () => {
  const texts = [...WRITTEN, ...generatedTexts(400)];
  it.each(TRADITIONAL_PRESETS)('%s converts every text as OpenCC’s own converter does', (preset) => {
    const convert = OpenCC.Converter({ from: 'cn', to: STANDARDS[preset] });
    expect(convertAll(texts, preset)).toEqual(texts.map((text) => convert(text)));
  });

  it('depends on the phrase, as OpenCC does (the tries keep phrase entries)', () => {
    const [cadre, dry, hair, develop] = convertAll(['干部', '干燥', '头发', '发展'], 's2t');
    expect([cadre, dry, hair, develop]).toEqual(['幹部', '乾燥', '頭髮', '發展']);
  });

  it('gives each text the same conversion alone as among others', () => {
    const together = convertAll(texts, 's2tw');
    expect(texts.slice(0, 30).map((text) => convertAll([text], 's2tw')[0])).toEqual(together.slice(0, 30));
  });
});
