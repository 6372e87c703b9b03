import { afterEach, describe, expect, it } from 'vitest';
import { FOOTER_CHARS, pageClues } from '../../src/extension/page-place';
import { createSenseChooser } from '../../src/extension/sense-chooser';
import { CHANGSHA_MEANING, DIVISIONS, ZHUZHOU_MEANING, sensesPack } from '../ui/senses-pack';

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
});

describe('pageClues', () => {
  it('reads the title and the footer text, not the body', () => {
    document.title = '政府工作报告_株洲市人民政府';
    document.body.innerHTML = '<main><p>正文提到长沙市。</p></main><div class="footer-wrap"><p>主办单位：株洲市人民政府办公室</p><p>湘ICP备05000000号</p></div>';
    const clues = pageClues(document);
    expect(clues.title).toBe('政府工作报告_株洲市人民政府');
    expect(clues.footer).toBe('主办单位：株洲市人民政府办公室湘ICP备05000000号');
    expect(clues.footer).not.toContain('长沙市');
  });

  it('takes an element footer and an id footer once each, even when one holds the other', () => {
    document.body.innerHTML = '<div id="footer"><footer>版权所有：湘潭市人民政府</footer></div>';
    expect(pageClues(document).footer).toBe('版权所有：湘潭市人民政府');
  });

  it('falls back to the end of the body text on a page without a footer', () => {
    document.body.innerHTML = `<p>${'正文。'.repeat(3000)}</p><p>主办：长沙市人民政府</p>`;
    const { footer } = pageClues(document);
    expect(footer.endsWith('主办：长沙市人民政府')).toBe(true);
    expect(footer.length).toBe(FOOTER_CHARS);
  });
});

describe('createSenseChooser', () => {
  const pack = sensesPack();
  const [hunan, changsha, zhuzhou, xiangtan] = DIVISIONS;
  const choose = (chain: typeof DIVISIONS) => createSenseChooser(pack, () => ({ chain }))('changsha-2021-wu-ge-yi-pi');

  it.each([
    ['长沙市', [changsha!, hunan!], CHANGSHA_MEANING, ZHUZHOU_MEANING],
    ['株洲市', [zhuzhou!, hunan!], ZHUZHOU_MEANING, CHANGSHA_MEANING],
  ])('a page of %s is shown its own meaning first, the other city’s among the others', (_place, chain, own, other) => {
    const choice = choose(chain);
    expect(choice?.shown?.definition).toBe(own);
    expect(choice?.others.map((e) => e.definition)).toEqual([other]);
  });

  it('a page of a third city gets both as other places’ usage, neither as its meaning', () => {
    const choice = choose([xiangtan!, hunan!]);
    expect(choice?.kind).toBe('elsewhere');
    expect(choice?.shown).toBeUndefined();
    expect(choice?.others.map((e) => e.definition).sort()).toEqual([CHANGSHA_MEANING, ZHUZHOU_MEANING].sort());
  });

  it('answers nothing for an id the pack does not have', () => {
    expect(createSenseChooser(pack, () => ({ chain: [] }))('no-such-id')).toBeUndefined();
  });
});
