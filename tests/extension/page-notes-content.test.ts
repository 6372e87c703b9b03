// The page-notes content script (page-notes-content.ts): sends the page's markup to the background
// only when its text has the words or marks of notes, looking once more for a page that fills in later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageNotesRequest } from '../../src/extension/page-notes';
import { updateSettings } from '../../src/extension/settings';
import { PAGE_NOTES_HINT, runPageNotes, tailText } from '../../src/extension/page-notes-content';
import { importHtml } from '../../src/import/html';

let ctx: ContentScriptContext;
let sent: PageNotesRequest[];

const setUrl = (url: string) => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

beforeEach(() => {
  fakeBrowser.reset();
  setUrl('https://www.example.gov.cn/art/1.html');
  sent = [];
  // The fake browser hands a listener's returned promise back to sendMessage.
  fakeBrowser.runtime.onMessage.addListener(((message: PageNotesRequest) => {
    sent.push(message);
    return Promise.resolve({ ok: { entries: 1, saved: true } });
  }) as never);
  ctx = new ContentScriptContext('page-notes');
});

afterEach(() => ctx.abort());

const BODY = '<h1>2024年示例市政府工作报告</h1><p>深入开展“三清行动”。</p>';

describe('runPageNotes', () => {
  it('sends the body’s markup, the title and the place clues of a page with a 名词解释', async () => {
    document.title = '示例市人民政府';
    document.body.innerHTML = `${BODY}<p>名词解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p><footer>主办单位：示例市人民政府办公室</footer>`;
    await runPageNotes(ctx, document, 10);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'pg:page-notes', title: '示例市人民政府', clues: { footerText: '主办单位：示例市人民政府办公室' } });
    expect(sent[0]?.html).toBe(document.body.innerHTML);
  });

  it('sends a page whose notes are marked only by <sup>N</sup> (its text shows a bare digit)', async () => {
    document.body.innerHTML = '<h1>2024年示例市政府工作报告</h1><p>深入开展“三清行动”<sup>1</sup>。</p><p><sup>1</sup>三清行动：清垃圾、清河道、清违建。</p>';
    expect(PAGE_NOTES_HINT.test(tailText(document.body))).toBe(false);
    expect(importHtml(document.body.innerHTML).entries.map((entry) => entry.term)).toEqual(['三清行动']);
    await runPageNotes(ctx, document, 10);
    expect(sent).toHaveLength(1);
  });

  it('sends nothing for a page whose only superscripts are exponents (m<sup>2</sup>)', async () => {
    document.body.innerHTML = `${BODY}<p>新建厂房10万m<sup>2</sup>，投资10<sup>8</sup>元。</p>`;
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });

  it('sends nothing for a page without the words or marks of notes', async () => {
    document.body.innerHTML = BODY;
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });

  it('looks once more, for a page whose appendix arrives after its first text', async () => {
    document.body.innerHTML = BODY;
    const done = runPageNotes(ctx, document, 50);
    setTimeout(() => document.body.insertAdjacentHTML('beforeend', '<p>附注：</p><p>1.三清行动：清垃圾、清河道、清违建。</p>'), 10);
    await done;
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['the reader turned the site off', { disabledHosts: ['www.example.gov.cn'] }],
    ['the reader turned the extension off', { enabled: false }],
    ['the reader hid the page', { hiddenPages: ['https://www.example.gov.cn/art/1.html'] }],
  ])('sends nothing where %s', async (_what, change) => {
    await updateSettings(() => change);
    document.body.innerHTML = `${BODY}<p>名词解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p>`;
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });

  it('sends nothing on a site the extension is not on', async () => {
    setUrl('https://news.example.com/a.html');
    document.body.innerHTML = `${BODY}<p>名词解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p>`;
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });

  it('sends nothing once the extension reloaded (context invalidated)', async () => {
    document.body.innerHTML = `${BODY}<p>名词解释</p>`;
    ctx.abort();
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });
});

describe('PAGE_NOTES_HINT', () => {
  // Every page shape the importer reads entries from passes the hint (it only saves the background work).
  it.each([
    ['名词解释', '<p>名词解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p><p>2.四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['主要术语说明', '<p>主要术语说明</p><p>1.三清行动：清垃圾、清河道、清违建。</p><p>2.四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['有关词语的解释', '<p>关于报告中有关词语的解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p><p>2.四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['名　词　解　释 (letter-spaced)', '<p>名　词　解　释</p><p>三清行动：清垃圾、清河道、清违建。</p><p>四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['注 释 (letter-spaced)', '<p>注 释</p><p>三清行动：清垃圾、清河道、清违建。</p><p>四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['注释', '<p>注释：</p><p>1.三清行动：清垃圾、清河道、清违建。</p><p>2.四送服务：送政策、送技术、送资金、送人才。</p>'],
    ['[1] footnotes', '<p>深入开展三清行动<a href="#_ftn1" id="_ftnref1">[1]</a>。</p><div id="_ftn1"><p><a href="#_ftnref1">[1]</a>三清行动：清垃圾、清河道、清违建。</p></div>'],
    ['① footnotes', '<p>深入开展三清行动①。</p><p>①三清行动：清垃圾、清河道、清违建。</p>'],
    ['[i] endnotes (a Word page)', '<p>深入开展三清行动<a href="#_edn1" name="_ednref1">[i]</a>。</p><div id="edn1"><p><a href="#_ednref1" name="_edn1">[i]</a>三清行动：清垃圾、清河道、清违建。</p></div>'],
    ['[I] [II] endnotes, no links (upper-case Roman marks)', '<p>深入开展三清行动[I]，落实两通工程[II]。</p><p>[I] 三清行动：清垃圾、清河道、清违建。</p><p>[II] 两通工程：通路、通车。</p>'],
    ['［1］ footnotes (full-width brackets)', '<p>深入开展三清行动［1］，落实两通工程［2］。</p><p>［1］三清行动：清垃圾、清河道、清违建。</p><p>［2］两通工程：通路、通车。</p>'],
    ['【注1】 footnotes', '<p>深入开展三清行动【注1】。</p><p>【注1】三清行动：清垃圾、清河道、清违建。</p>'],
    ['a 知识链接 box', '<p>知识链接</p><p>三清行动：清垃圾、清河道、清违建。</p><p>四送服务：送政策、送技术、送资金、送人才。</p>'],
  ])('a page with %s', (_what, notes) => {
    const html = `${BODY}${notes}`;
    expect(importHtml(html).entries.length).toBeGreaterThan(0);
    document.body.innerHTML = html;
    expect(PAGE_NOTES_HINT.test(document.body.textContent ?? '')).toBe(true);
  });

  it.each([
    ['a news item', '<h1>市政府召开常务会议</h1><p>会议研究了“三清行动”推进工作，要求各区抓好落实。</p>'],
    ['a notice with a numbered list', '<p>一、工作目标</p><p>1.到2025年，完成改造任务。</p><p>2.建立长效机制。</p>'],
  ])('not %s', (_what, html) => {
    document.body.innerHTML = html;
    expect(PAGE_NOTES_HINT.test(document.body.textContent ?? '')).toBe(false);
    expect(importHtml(html).entries).toEqual([]);
  });
});

describe('tailText', () => {
  it('gives the end of the text in document order, across nested elements', () => {
    document.body.innerHTML = '<div><p>第一段</p><section><p>第二段<b>加粗</b></p></section></div><p>最后</p>';
    expect(tailText(document.body, 1_000)).toBe('第一段第二段加粗最后');
    // Whole text nodes from the end until at least 3 characters: 最后 (2), then 加粗.
    expect(tailText(document.body, 3)).toBe('加粗最后');
  });

  it('finds a page’s closing appendix after a long body, and not a hint that only the far start has', async () => {
    const long = `<p>${'各项工作有序推进，民生保障持续加强。'.repeat(5000)}</p>`;
    document.body.innerHTML = `${BODY}${long}<p>名词解释</p><p>1.三清行动：清垃圾、清河道、清违建。</p>`;
    expect(PAGE_NOTES_HINT.test(tailText(document.body))).toBe(true);
    document.body.innerHTML = `<p>注：以下为工作安排。</p>${long}`;
    expect(PAGE_NOTES_HINT.test(tailText(document.body))).toBe(false);
    await runPageNotes(ctx, document, 10);
    expect(sent).toEqual([]);
  });
});
