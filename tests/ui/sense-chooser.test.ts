import { describe, expect, it } from 'vitest';
import { createSenseChooser } from '../../src/ui/sense-chooser';
import { CHANGSHA_MEANING, DIVISIONS, ZHUZHOU_MEANING, sensesPack } from './senses-pack';

describe('createSenseChooser', () => {
  const pack = sensesPack();
  const [hunan, changsha, zhuzhou, xiangtan] = DIVISIONS;
  const choose = (chain: typeof DIVISIONS) => createSenseChooser(pack, () => chain)('changsha-2021-jiu-ge-yi-pi');

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

  it("shows the site's own entry first whatever the page's place", () => {
    const chooser = createSenseChooser(pack, () => [changsha!, hunan!], { own: (entry) => entry.doc === 1 });
    const choice = chooser('changsha-2021-jiu-ge-yi-pi');
    expect(choice?.shown?.definition).toBe(ZHUZHOU_MEANING);
    expect(choice?.kind).toBe('own');
    expect(choice?.others.map((e) => e.definition)).toEqual([CHANGSHA_MEANING]);
  });

  it('answers nothing for an id the pack does not have', () => {
    expect(createSenseChooser(pack, () => [])('no-such-id')).toBeUndefined();
  });
});
