// The content script and the background together: a page's tooltip shows the definition the
// background chose for the page's place (its host here), not the entry the matcher found first,
// and while that answer (which brings the entries themselves) is on its way, a loading state,
// never one place's definition as the page's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { installBundledPack } from '../../src/extension/bundled';
import { runContentScript } from '../../src/extension/content';
import { pageEntries } from '../../src/extension/entries';
import { choosePageSenses } from '../../src/extension/page-senses';
import { hashPackContent } from '../../src/core/glossary-hash';
import type { GlossaryPack } from '../../src/core/types';
import { CHANGSHA_MEANING, ZHUZHOU_MEANING, sensesPack } from '../ui/senses-pack';

let ctx: ContentScriptContext;
/** The background answers once this settles. */
let answered: Promise<void>;
const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
const settle = () => new Promise((r) => setTimeout(r, 150));
/** Waits (up to 5 s) for `ready` to hold: the page's first answer may take a while on a cold start. */
async function until(ready: () => unknown): Promise<void> {
  for (let waited = 0; !ready() && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
}
const tip = () => document.querySelector('[data-policy-glossary-ui]')?.shadowRoot?.querySelector('[role="dialog"]');

/** Opens 九个一批 as the popup's term list does. */
function showTerm(): Promise<unknown> {
  const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;
  return new Promise((resolve) => void trigger({ type: 'pg:show-entry', entryId: 'changsha-2021-jiu-ge-yi-pi' }, {}, resolve));
}

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { i18n: { getUILanguage: () => 'zh-CN' } });
  document.body.innerHTML = '<p>今年推进九个一批工作。</p>';
  await installBundledPack(async () => JSON.stringify(sensesPack()));
  // The background's answer, as startBackground gives it (without the rest of the background).
  // (The fake browser's sendMessage resolves with what a listener returns.)
  answered = Promise.resolve();
  fakeBrowser.runtime.onMessage.addListener(((message: { type?: string; clues?: never; entryIds?: string[] }) =>
    message.type === 'pg:page-entries' ? answered.then(() => pageEntries(message.clues!, message.entryIds!)).then((ok) => ({ ok })) : undefined) as never);
  // The division tables load on the first question; load them before the page's, as a running
  // background has long done.
  await choosePageSenses({ host: '', title: '', footerText: '' }, []);
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx.abort();
});

describe('the tooltip with the background’s choice', () => {
  it.each([
    ['http://www.zhuzhou.gov.cn/a.html', ZHUZHOU_MEANING],
    ['http://www.changsha.gov.cn/a.html', CHANGSHA_MEANING],
  ])('%s shows its own city’s meaning', async (url, meaning) => {
    setUrl(url);
    await runContentScript(ctx);
    await settle();
    await showTerm();
    await until(() => tip()?.querySelector('.pg-def'));
    expect(tip()?.querySelector('.pg-def')?.textContent).toBe(meaning);
    expect(tip()?.querySelector('button.pg-more')?.textContent).toBe('另有 1 个来源');
  });

  it('a third city’s page shows 其他地方的用法 and no definition as its own', async () => {
    setUrl('http://www.xiangtan.gov.cn/a.html');
    await runContentScript(ctx);
    await settle();
    await showTerm();
    await until(() => tip()?.querySelector('h4'));
    expect(tip()?.querySelector('h4')?.textContent).toBe('其他地方的用法');
    expect(tip()?.querySelector('.pg-def')).toBeNull();
  });

  it('shows a loading state and no definition until the background has answered, then the page’s own', async () => {
    let answer = () => {};
    setUrl('http://www.zhuzhou.gov.cn/a.html');
    await runContentScript(ctx);
    answered = new Promise((resolve) => (answer = resolve));
    await settle();
    await showTerm();
    expect(tip()?.querySelector('.pg-small')?.textContent).toBe('正在载入释义…');
    expect(tip()?.querySelector('.pg-def')).toBeNull();
    answer();
    await settle();
    expect(tip()?.querySelector('.pg-def')?.textContent).toBe(ZHUZHOU_MEANING);
  });
});

describe('a coinage only another place defines, with a quoted term inside it', () => {
  /** sensesPack with 湘潭 defining the coinage “九个一批”工作 (invented for this test). */
  const withCoinage = (): GlossaryPack => {
    const base = sensesPack();
    const content = {
      schemaVersion: base.schemaVersion,
      documents: [...base.documents, { title: '2022年湘潭市政府工作报告', kind: '名词解释', region: { code: '430300', name: '湘潭市', level: 'city' }, year: 2022 }],
      entries: [
        ...base.entries,
        { id: 'xiangtan-2022-jiu-ge-yi-pi-gong-zuo', term: '“九个一批”工作', forms: ['“九个一批”工作'], keys: [], doc: base.documents.length, definition: '湘潭市的九项工作安排（测试用）。', status: 'official' },
      ],
      variants: {},
    } as Omit<GlossaryPack, 'hash'>;
    return { ...content, hash: hashPackContent(content) } as GlossaryPack;
  };
  /** The terms the page shows, as the popup asks for them. */
  const report = (): Promise<{ terms: { entryId: string; term: string }[] }> => {
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;
    return new Promise((resolve) => void trigger({ type: 'pg:report' }, {}, (reply) => resolve((reply as { ok: { terms: { entryId: string; term: string }[] } }).ok)));
  };
  it.each([
    // 株洲 defines 九个一批 itself: once the background says the coinage is only 湘潭's, the page
    // rescans and marks 九个一批 (the matcher's entry for that form, whose sense for 株洲 is 株洲's own)
    ['http://www.zhuzhou.gov.cn/a.html', 'changsha-2021-jiu-ge-yi-pi'],
    // negative rows: 湘潭's own coinage stays whole; a place defining neither keeps the coinage (shown as another place's usage)
    ['http://www.xiangtan.gov.cn/a.html', 'xiangtan-2022-jiu-ge-yi-pi-gong-zuo'],
    ['http://www.hengyang.gov.cn/a.html', 'xiangtan-2022-jiu-ge-yi-pi-gong-zuo'],
  ])('%s → %s', async (url, entryId) => {
    document.body.innerHTML = '<p>今年推进“九个一批”工作。</p>';
    await installBundledPack(async () => JSON.stringify(withCoinage()));
    setUrl(url);
    await runContentScript(ctx);
    // Up to 5 s for the answers and the rescan they cause.
    let terms: { entryId: string }[] = [];
    for (let waited = 0; waited < 5000; waited += 100) {
      terms = (await report()).terms;
      if (terms.length === 1 && terms[0]!.entryId === entryId) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(terms.map((t) => t.entryId)).toEqual([entryId]);
  });
});
