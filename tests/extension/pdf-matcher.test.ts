// The PDF viewer's matcher, loaded in steps with pauses between them (src/pdf/data.ts), scans a text
// exactly as the one-step loader does, and read as pages read (readForPage) gives the same terms;
// a pack replaced during a pause gives null.
import { describe, expect, it } from 'vitest';
import { compilePack, loadCompiledMatcher, type CompiledPack } from '../../src/core/compiled-pack';
import { createFuzzyResolver } from '../../src/core/fuzzy';
import { readForPage } from '../../src/core/match-context';
import type { MatcherGlossary } from '../../src/core/matcher-base';
import type { TextMatch } from '../../src/core/types';
import { loadViewerMatcher } from '../../src/pdf/data';

const glossary: MatcherGlossary & { hash: string } = {
  hash: 'pdf-1',
  variants: { 穩: '稳' },
  entries: [
    { id: 'liu-wen', term: '六稳', forms: ['六稳', '“六稳”'] },
    { id: 'liu-bao', term: '六保', forms: ['六保'] },
    { id: 'san-hui', term: '三会一代理', forms: ['三会一代理', '“三会一代理”制度'] },
    { id: 'wu-ge-yi-pi', term: '五个一批', forms: ['五个一批'] },
  ],
};
const compiled = JSON.parse(JSON.stringify(compilePack(glossary))) as CompiledPack;
const shown = (matches: TextMatch[]) => matches.map((m) => `${m.start}-${m.end}:${m.text}:${m.kind}:${m.entryId ?? ''}`);
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadViewerMatcher', () => {
  it.each([
    // [name, text, slogans]
    ['terms and a glued suffix', '做好六穩和“六保”工作，落实“三会一代理”制度', true],
    ['a near miss of a term (fuzzy), slogans off', '实施“五个一排”工程', false],
    ['a slogan the glossary lacks, slogans on', '实施“八个一千”工程', true],
    ['a slogan the glossary lacks, slogans off', '实施“八个一千”工程', false],
    ['no term at all', '今年上半年经济平稳运行', true],
  ])('%s: reads as the one-step loader does', async (_name, text, slogans) => {
    const staged = await loadViewerMatcher(compiled, slogans, pause, () => true);
    const oneStep = loadCompiledMatcher(compiled, { slogans, fuzzy: createFuzzyResolver });
    expect(staged).not.toBeNull();
    expect(shown(staged!.scan(text))).toEqual(shown(oneStep.scan(text)));
    expect(shown(readForPage(text, (part) => staged!.scan(part)))).toEqual(shown(readForPage(text, (part) => oneStep.scan(part))));
  });

  it.each([
    // [text, slogans, kind:entry of each match]
    ['做好“六稳”“六保”工作', false, ['term:liu-wen', 'term:liu-bao']],
    ['实施“五个一排”工程', false, ['fuzzy:wu-ge-yi-pi']],
    ['实施“八个一千”工程', true, ['unknown-slogan:']],
    ['实施“八个一千”工程', false, []],
  ] as const)('reads %s (slogans %s) as %j', async (text, slogans, expected) => {
    const staged = await loadViewerMatcher(compiled, slogans, pause, () => true);
    expect(readForPage(text, (part) => staged!.scan(part)).map((m) => `${m.kind}:${m.entryId ?? ''}`)).toEqual(expected);
  });

  it.each([
    ['after the decoding', 1],
    ['after the automaton', 2],
  ])('gives null when the pack was replaced during the pause %s', async (_name, pausesBeforeChange) => {
    let pauses = 0;
    let current = true;
    const counting = async (): Promise<void> => {
      pauses += 1;
      if (pauses === pausesBeforeChange) current = false;
      await pause();
    };
    expect(await loadViewerMatcher(compiled, true, counting, () => current)).toBeNull();
  });
});
