// The page-place rescan shared by the content script and the PDF viewer (src/extension/place-rescan.ts):
// a term only another place defines, with a term quoted whole inside it that this place (or the centre)
// defines, narrows once the sense choices say so; one rescan at a time, checked after the first pass.
// The glossary is invented: 甲市 defines the coinage “三争三创”行动, the centre defines 三争三创.
import { describe, expect, it } from 'vitest';
import { readForPage } from '../../src/core/match-context';
import { createBaseMatcher } from '../../src/core/matcher-base';
import type { TextMatch } from '../../src/core/types';
import { createPlaceRescan, type RescanSession } from '../../src/extension/place-rescan';
import type { PageSenses, SenseIds } from '../../src/extension/page-senses';

const COINAGE = 'jia-2023-san-zheng-san-chuang-xing-dong';
const INNER = 'central-san-zheng-san-chuang';
const OTHER = 'liu-wen';
/** A second coinage of 甲市's, 双十 inside it central: for an answer that comes during a rescan. */
const COINAGE2 = 'jia-2023-shuang-shi-gong-cheng';
const INNER2 = 'central-shuang-shi';
const matcher = createBaseMatcher({
  variants: {},
  entries: [
    { id: COINAGE, term: '“三争三创”行动', forms: ['“三争三创”行动'] },
    { id: INNER, term: '三争三创', forms: ['三争三创', '“三争三创”'] },
    { id: OTHER, term: '六稳', forms: ['六稳'] },
    { id: COINAGE2, term: '“双十”工程', forms: ['“双十”工程'] },
    { id: INNER2, term: '双十', forms: ['双十'] },
  ],
});
const raw = (text: string): TextMatch[] => matcher.scan(text);
const TEXT = '全面开展“三争三创”行动，做好六稳工作，推进“双十”工程。';

const elsewhere: SenseIds = { kind: 'elsewhere', others: [] };
const own: SenseIds = { kind: 'own', shown: INNER, others: [] };
const central: SenseIds = { kind: 'central', shown: INNER, others: [] };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A page whose annotator reads TEXT as the content script does, with the choices known so far. */
function page(options: { ready?: Promise<void>; holdRescan?: boolean } = {}) {
  const choices: PageSenses = {};
  const asked: string[][] = [];
  const entries = {
    ask: (_hash: string, ids: readonly string[]) => void asked.push([...ids]),
    isElsewhere: (id: string) => (choices[id] === undefined ? undefined : choices[id]!.kind === 'elsewhere'),
  };
  const read = () => readForPage(TEXT, raw, entries.isElsewhere);
  let shown = read();
  let rescans = 0;
  let releases: (() => void)[] = [];
  const annotator = {
    ready: options.ready ?? Promise.resolve(),
    matches: () => shown,
    rescan: () => {
      rescans += 1;
      // A pass reads with the choices known when it starts.
      const next = read();
      const done = () => void (shown = next);
      if (!options.holdRescan) {
        done();
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => releases.push(() => (done(), resolve())));
    },
  };
  let session: RescanSession | undefined = { hash: 'h1', annotator };
  let relisted = 0;
  const onAnswer = createPlaceRescan({ session: () => session, raw: () => raw, entries, onRescanned: () => void (relisted += 1) });
  /** The background's answer: its choices are kept first (as createEntryRequests does), then checked. */
  const answer = (senses: PageSenses) => {
    Object.assign(choices, senses);
    onAnswer(senses);
  };
  return {
    answer,
    asked,
    terms: () => shown.filter((m) => m.kind === 'term').map((m) => m.entryId),
    rescans: () => rescans,
    relisted: () => relisted,
    release: () => {
      const pending = releases;
      releases = [];
      for (const go of pending) go();
    },
    end: () => (session = undefined),
  };
}

describe('createPlaceRescan', () => {
  it.each([
    // [name, choices of the coinage and its inner term, terms shown after, rescans]
    ['the inner term is this place’s own: narrows', { [COINAGE]: elsewhere, [INNER]: own }, [INNER, OTHER, COINAGE2], 1],
    ['the inner term is central: narrows', { [COINAGE]: elsewhere, [INNER]: central }, [INNER, OTHER, COINAGE2], 1],
    // negative rows
    ['the inner term is other places’ usage too: stays', { [COINAGE]: elsewhere, [INNER]: elsewhere }, [COINAGE, OTHER, COINAGE2], 0],
    ['the inner term’s choice is not known yet: stays', { [COINAGE]: elsewhere }, [COINAGE, OTHER, COINAGE2], 0],
    ['the coinage is this place’s own: stays', { [COINAGE]: { kind: 'own', shown: COINAGE, others: [] }, [INNER]: own }, [COINAGE, OTHER, COINAGE2], 0],
    ['an answer about a term without quotes only: nothing to do', { [OTHER]: own }, [COINAGE, OTHER, COINAGE2], 0],
  ] as const)('%s', async (_name, senses, expected, rescans) => {
    const p = page();
    expect(p.terms()).toEqual([COINAGE, OTHER, COINAGE2]);
    p.answer(senses as PageSenses);
    await flush();
    expect(p.terms()).toEqual(expected);
    expect(p.rescans()).toBe(rescans);
    expect(p.relisted()).toBe(rescans);
  });

  it('asks for the inner term when it is unknown, and narrows when its answer comes', async () => {
    const p = page();
    p.answer({ [COINAGE]: elsewhere });
    await flush();
    expect(p.asked).toEqual([[INNER]]);
    expect(p.rescans()).toBe(0);
    p.answer({ [INNER]: own });
    await flush();
    expect(p.terms()).toEqual([INNER, OTHER, COINAGE2]);
    expect(p.rescans()).toBe(1);
  });

  it('does not ask again for an inner term already known, nor for a coinage this place defines', async () => {
    const p = page();
    p.answer({ [COINAGE]: { kind: 'own', shown: COINAGE, others: [] } });
    await flush();
    expect(p.asked).toEqual([]);
    const q = page();
    q.answer({ [COINAGE]: elsewhere, [INNER]: elsewhere });
    await flush();
    expect(q.asked).toEqual([]);
  });

  it('checks only once the first pass is ready', async () => {
    let ready = () => {};
    const p = page({ ready: new Promise((resolve) => (ready = resolve)) });
    p.answer({ [COINAGE]: elsewhere, [INNER]: own });
    await flush();
    expect(p.rescans()).toBe(0);
    ready();
    await flush();
    expect(p.rescans()).toBe(1);
    expect(p.terms()).toEqual([INNER, OTHER, COINAGE2]);
  });

  it('runs one rescan at a time and checks an answer that came during it afterwards', async () => {
    const p = page({ holdRescan: true });
    p.answer({ [COINAGE]: elsewhere, [INNER]: own });
    await flush();
    expect(p.rescans()).toBe(1);
    // Comes while the rescan runs: not a second rescan now, but checked after it.
    p.answer({ [COINAGE2]: elsewhere, [INNER2]: central });
    await flush();
    expect(p.rescans()).toBe(1);
    p.release();
    await flush();
    // The first rescan read without the second answer; the recheck after it narrows “双十”工程 too.
    expect(p.terms()).toEqual([INNER, OTHER, COINAGE2]);
    expect(p.rescans()).toBe(2);
    p.release();
    await flush();
    expect(p.terms()).toEqual([INNER, OTHER, INNER2]);
    expect(p.rescans()).toBe(2);
    expect(p.relisted()).toBe(2);
  });

  it('leaves a session that ended alone', async () => {
    let ready = () => {};
    const p = page({ ready: new Promise((resolve) => (ready = resolve)) });
    p.answer({ [COINAGE]: elsewhere, [INNER]: own });
    p.end();
    ready();
    await flush();
    expect(p.rescans()).toBe(0);
    expect(p.terms()).toEqual([COINAGE, OTHER, COINAGE2]);
  });
});
