// The faster slogan detector and context reading against their straightforward first versions
// (tests/support/reference-*.ts): the same candidates and the same readings on generated text
// made of passages written for this test, with the quote marks, numerals, spaces and surrogate
// pairs where the faster code reads codes instead of strings.
import { describe, expect, it } from 'vitest';
import { readInContext } from '../../src/core/match-context';
import { createMatcher } from '../../src/core/matcher';
import { scanSlogans } from '../../src/core/slogans';
import type { TextMatch } from '../../src/core/types';
import { readInContext as referenceReadInContext } from '../support/reference-reading';
import { scanSlogans as referenceScanSlogans } from '../support/reference-slogans';
import { seededRandom } from '../support/random';

// Pieces of invented report prose: slogans of every shape the detector knows, their negatives
// (idioms, dates, ordinals, counts), quoted lists, coinages, acronyms, and the characters around
// them that the rules look at.
const PIECES = [
  '扎实做好“六稳”工作', '全面落实六保任务', '严格执行“三问三登记”', '十四五时期', '九五计划', '“两网融合”', '增强四个意识',
  '实施十项民生工程', '深化“放管服”改革', '推进一核三治', '双千工程', '两不愁三保障', 'RCEP协定', 'TOD模式', 'GDP增长',
  '稳增长“21”条', '“1+4+7”', '“2020”', '千方百计', '三年行动', '第三季度', '一项系统工程', '十九大战略安排', '十二大行动',
  '“一中心、一城、一区”', '“两高地、两基地、一屏障”', '“单改双”提升', '三同五化', '五通五有', '十三个一批', '“三医联动改革”',
  '“三会一代理”制度', '“滨江女性六大行动”', '15分钟服务圈', '“15分钟服务圈”', '十五分钟服务圈', '“五件实事”', '所谓“无废城市”',
  '他说：“揭榜挂帅”', '“某某局”', '“智慧社区”', '“智慧社区”建设', '“金通工程+天府交邮通”', '“双十双百”工程', '六稳六保',
  '六稳和六保', '“六稳”“六保”', '“六稳”　“六保”', '“一二三产融合”', '三所学校', '6大类14项', '“90后”', '“十九大”',
  '“多证合一”', '双向转诊', '“双向揭榜挂帅”', '一步一个脚印', '三去一降一补', '“四精五有”', '第十次会议', '「三项工作」',
  '『两稳两保』', '‘一网通办’', '"三定"', '〝两基〞', '＂双提升＂', '落实“五个一”责任', '五个一工程', '五个一行动计划', '五个一改革和', '增长15%', '“一二三四五”战略', '拨打12345', '３０个', '第十五届', '“一五”实验',
  '城市第二水源', '全省第一城区', '推进两水共治', '第4名', '评出4名先进', '“4名”工程', '共治2水', '人民群众创造', '成倍增长', '众创空间', '外贸倍增计划',
];
const GLUE = ['，', '。', '、', '；', '：', '！', '？', '的', '和', '在', '建设', '工作', '全镇', ' ', '\u3000', '\u00a0', '\n', '\t',
  '第', '一', '二', '两', '三', '十', '百', '千', '双', '零', '5', '１', 'a', 'Z', '“', '”', '「', '」', '‘', '’', '"', '𠀀', '𠀁工程', '\ud800'];

function generatedText(random: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) {
    const pool = random() < 0.6 ? PIECES : GLUE;
    text += pool[Math.floor(random() * pool.length)];
  }
  return text;
}

const entry = (id: string, term: string, ...aliases: string[]) => ({ id, term, forms: [term, ...aliases] });
// A glossary of the shapes the reading rules act on: one character, numbered terms that chain,
// terms inside quoted lists, quoted forms with glued words, a compound of two terms.
const matcher = createMatcher({
  entries: [
    entry('liu-wen', '六稳', '“六稳”'), entry('liu-bao', '六保'), entry('liu-wen-liu-bao', '六稳六保'), entry('san-wen', '三问三登记'),
    entry('wu-hua', '五化'), entry('wu-tong', '五通'), entry('san-ge-yi-pi', '三个一批'), entry('san-yi', '三医联动'),
    entry('shuang-ti-sheng', '双提升'), entry('yi-cheng', '一城'), entry('liang-ji', '两基'), entry('fang', '放'), entry('san', '三'),
    entry('shi-si-wu', '十四五'), entry('quan', '15分钟服务圈'), entry('san-hui', '三会一代理', '“三会一代理”制度'), entry('liu-da', '六大行动'),
    entry('san-xiang', '三项工作', '“三项”工作'), entry('yi-wu', '一五'), entry('si-ge', '四个意识'), entry('shuang-shi', '双十'),
    entry('wu-ge-yi', '五个一工程', '五个一', '“五个一”'), entry('re-xian', '12345'), entry('san-ling', '三零'),
    entry('liang-shui', '两水'), entry('si-ming', '四名工程', '四名'), entry('zhong-chuang', '众创'), entry('bei-zeng', '倍增'),
  ],
});

const show = (matches: readonly TextMatch[]) => matches.map((m) => `${m.start}-${m.end}:${m.kind}:${m.entryId ?? ''}:${m.text}`);

describe('faster reading, same result as the straightforward reference', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('generated texts, seed %i', (seed) => {
    const random = seededRandom(seed);
    for (let round = 0; round < 25; round++) {
      const text = generatedText(random, 20 + Math.floor(random() * 200));
      for (const coinages of [true, false]) {
        expect(scanSlogans(text, { coinages }), text).toEqual(referenceScanSlogans(text, { coinages }));
      }
      const matches = matcher.scan(text);
      expect(show(readInContext(text, matches)), text).toEqual(show(referenceReadInContext(text, matches)));
    }
  });

  it('the generated texts hold what the faster paths must get right', () => {
    // Guards the test itself: if the pieces stopped producing these, the comparison above would prove little.
    const random = seededRandom(1);
    const texts = Array.from({ length: 25 }, () => generatedText(random, 20 + Math.floor(random() * 200)));
    const kinds = new Set<string>();
    for (const text of texts) {
      for (const candidate of scanSlogans(text)) kinds.add(candidate.evidence);
      const read = readInContext(text, matcher.scan(text));
      if (read.some((m) => m.kind === 'term')) kinds.add('term kept');
      if (read.some((m) => m.kind === 'unknown-slogan' && matcher.scan(text).some((t) => t.kind === 'term' && t.start < m.end && m.start < t.end))) kinds.add('term replaced');
      // A numbered stem named with another programme noun (“五个一”责任 is not the 五个一工程).
      if (read.some((m) => m.kind === 'unknown-slogan' && /^“?五个一”?(责任|改革)$/u.test(m.text))) kinds.add('stem renamed');
    }
    expect([...kinds].sort()).toEqual(['alternating', 'coined', 'headed', 'plan', 'quoted', 'stem renamed', 'term kept', 'term replaced']);
  });
});
