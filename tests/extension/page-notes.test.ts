// A page's own 名词解释 (page-notes.ts): read by the background with the report importer, kept as
// the page's pack, shown first on that page and by the place rules on its government's other pages.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '../../src/extension/background';
import { installBundledPack } from '../../src/extension/bundled';
import { getMergedPack } from '../../src/extension/merged-pack';
import { learnPageNotes, learnPdfNotes, MAX_PAGE_PACKS, notesPageUrl, pagePackId, type PageNotesRequest, type PdfNotesRequest } from '../../src/extension/page-notes';
import { choosePageSenses } from '../../src/extension/page-senses';
import { setPageHidden, updateSettings } from '../../src/extension/settings';
import { importHtml } from '../../src/import/html';
import { getPack, listPacks, updatePackRecord } from '../../src/extension/store';
import type { PageClues } from '../../src/ui/page-clues';
import { sensesPack } from '../ui/senses-pack';
import { hashPackContent } from '../../src/core/glossary-hash';
import { pageEntries } from '../../src/extension/entries';

const CHANGSHA = 'changsha-2021-jiu-ge-yi-pi';
const PAGE = 'https://www.xiangtan.gov.cn/art/2024/1/10/art_1.html?id=7';
const XIANGTAN_MEANING = '建成一批标准厂房、盘活一批闲置用地、培育一批链主企业（测试用表述）。';

/** A city's report republished on its site with its 名词解释 (invented text; 九个一批 as two other cities also define it). */
function reportPage(meaning = XIANGTAN_MEANING): string {
  return `<div class="nav">首页 | 政务公开</div><h1>2024年湘潭市政府工作报告</h1>
<p>各位代表：现在，我代表湘潭市人民政府，向大会报告政府工作，请予审议。</p>
<p>全力推进“九个一批”，深入开展“三清行动”。</p>
<p><b>名词解释</b></p>
<p>1.九个一批：${meaning}</p>
<p>2.三清行动：清垃圾、清河道、清违建（测试用表述）。</p>`;
}

const clues = (host: string, footerText = ''): PageClues => ({ host, title: '', footerText });
const request = (html: string, host = 'www.xiangtan.gov.cn'): PageNotesRequest => ({ type: 'pg:page-notes', html, title: '湘潭市人民政府', clues: clues(host) });

/** The merged pack's entries of the page at `url`, by term. */
async function pageEntriesOf(url: string): Promise<Map<string, string>> {
  const pack = await getMergedPack();
  const doc = pack?.documents.findIndex((d) => d.url === url.replace(/#.*$/u, ''));
  return new Map((pack?.entries ?? []).filter((entry) => entry.doc === doc).map((entry) => [entry.term, entry.id]));
}

beforeEach(async () => {
  fakeBrowser.reset();
  await installBundledPack(async () => JSON.stringify(sensesPack()));
});

describe('learnPageNotes', () => {
  it('keeps a page’s 名词解释 as its own pack, the page as its document and the report’s government as its place', async () => {
    expect(await learnPageNotes(request(reportPage()), PAGE)).toEqual({ entries: 2, saved: true });
    const record = (await listPacks()).find((r) => r.id === pagePackId(PAGE));
    expect(record).toMatchObject({ kind: 'page', name: '2024年湘潭市政府工作报告', url: PAGE, enabled: true, entries: 2 });
    const pack = await getPack(pagePackId(PAGE));
    expect(pack?.documents).toEqual([
      { kind: '名词解释', title: '2024年湘潭市政府工作报告', issuer: '湘潭市人民政府', year: 2024, url: PAGE, region: { code: '430300', name: '湘潭市', level: 'city' } },
    ]);
    expect(pack?.entries.map((e) => [e.term, e.definition])).toEqual([
      ['九个一批', XIANGTAN_MEANING],
      ['三清行动', '清垃圾、清河道、清违建（测试用表述）。'],
    ]);
    // Ids of the page's own: the importer's jiu-ge-yi-pi could be another pack's.
    for (const entry of pack?.entries ?? []) expect(entry.id).toMatch(/^page-[0-9a-f]{8}-\d+$/);
    const merged = await pageEntriesOf(PAGE);
    expect([...merged.keys()]).toEqual(['九个一批', '三清行动']);
  });

  it('shows the page its own definition first, and the same city’s other pages by the place rules', async () => {
    await learnPageNotes(request(reportPage()), PAGE);
    const own = (await pageEntriesOf(PAGE)).get('九个一批')!;
    // On the page itself, also at a fragment of it, and asked about another city’s entry of the same term.
    for (const url of [PAGE, `${PAGE}#part2`]) {
      expect((await choosePageSenses(clues('www.xiangtan.gov.cn'), [CHANGSHA], url))[CHANGSHA]).toMatchObject({ shown: own, kind: 'own' });
    }
    // The page's own words win even where the page says nothing of its place.
    expect((await choosePageSenses(clues('www.example.gov.cn'), [own], PAGE))[own]).toMatchObject({ shown: own, kind: 'own' });
    // Another page of 湘潭 (the region the report named), and a page of 长沙 keeps its own.
    expect((await choosePageSenses(clues('www.xiangtan.gov.cn'), [own], 'https://www.xiangtan.gov.cn/news/2.html'))[own]).toMatchObject({ shown: own, kind: 'own' });
    expect((await choosePageSenses(clues('www.changsha.gov.cn'), [own], 'https://www.changsha.gov.cn/a.html'))[own]).toMatchObject({ shown: CHANGSHA, kind: 'own' });
    // Without the page's address (an older caller), the place rules alone.
    expect((await choosePageSenses(clues('www.example.gov.cn'), [own]))[own]?.kind).toBe('elsewhere');
  });

  it('shows the page’s own term first inside a longer term another government defined', async () => {
    // The collection holds 长沙's longer 市委“九个一批”工作部署: the matcher takes it over the
    // page's own 九个一批, which the page's notes explain.
    const longer = 'changsha-2021-shi-wei-jiu-ge-yi-pi';
    const layout = 'changsha-2021-yi-he-yi-dai-yi-qu';
    const base = sensesPack();
    const { hash: _old, ...content } = {
      ...base,
      entries: [
        ...base.entries,
        { id: longer, term: '市委“九个一批”工作部署', forms: ['市委“九个一批”工作部署'], keys: [], doc: 0, status: 'official' as const, definition: '长沙的部署（测试用表述）。' },
        { id: layout, term: '一核一带一区', forms: ['一核一带一区'], keys: [], doc: 0, status: 'official' as const, definition: '长沙的格局（测试用表述）。' },
      ],
    };
    await installBundledPack(async () => JSON.stringify({ ...content, hash: hashPackContent(content) }));
    await learnPageNotes(request(reportPage()), PAGE);
    const own = (await pageEntriesOf(PAGE)).get('九个一批')!;
    expect((await choosePageSenses(clues('www.example.gov.cn'), [longer], PAGE))[longer]).toEqual({ shown: own, kind: 'own', others: [longer] });
    // A page term under four characters and half the matched one or less explains nothing of it
    // (一带 in 一带一路): another page that explains 一批 and 部署 alone.
    const other = 'https://www.xiangtan.gov.cn/art/2024/1/11/art_2.html';
    await learnPageNotes(request(reportPage().replace('1.九个一批：', '1.一批：').replace('2.三清行动：', '2.部署：')), other);
    expect([...(await pageEntriesOf(other)).keys()]).toEqual(['一批', '部署']);
    const longerOn = async (url: string) => (await choosePageSenses(clues('www.example.gov.cn'), [longer], url))[longer];
    expect((await longerOn(other))?.shown).toBe(longer);
    // 三清行动's page explains 九个一批 (4 of 10 characters): shown, as above.
    expect((await longerOn(PAGE))?.shown).toBe(own);
    // Its terms inside cover more than half: a page that explains 一核, 一带 and 一区 explains
    // 一核一带一区 (its first is shown), where 一带 alone on the other page does not.
    const three = 'https://www.xiangtan.gov.cn/art/2024/1/12/art_3.html';
    await learnPageNotes(request(`${reportPage()}<p>3.一核：长株潭（测试用表述）。</p><p>4.一带：湘江沿线（测试用表述）。</p><p>5.一区：湘南（测试用表述）。</p>`), three);
    const core = (await pageEntriesOf(three)).get('一核')!;
    const layoutOn = async (url: string) => (await choosePageSenses(clues('www.example.gov.cn'), [layout], url))[layout];
    expect((await layoutOn(three))?.shown).toBe(core);
    await learnPageNotes(request(reportPage().replace('1.九个一批：', '1.一带：')), other);
    expect([...(await pageEntriesOf(other)).keys()]).toEqual(['一带', '三清行动']);
    expect((await layoutOn(other))?.shown).toBe(layout);
    // The page's notes say nothing of 六稳: the place rules' choice stands.
    expect((await choosePageSenses(clues('www.example.gov.cn'), ['central-2023-liu-wen'], PAGE))['central-2023-liu-wen']?.shown).toBe('central-2023-liu-wen');
    // Another page of 长沙, with no notes of its own, gets 长沙's longer term.
    expect((await choosePageSenses(clues('www.changsha.gov.cn'), [longer], 'https://www.changsha.gov.cn/a.html'))[longer]).toMatchObject({ shown: longer, kind: 'own' });
    // And the page's tooltip receives the entry it is to show.
    const answer = await pageEntries(clues('www.example.gov.cn'), [longer], PAGE);
    expect(answer.entries.find((entry) => entry.id === own)?.definition).toBe(XIANGTAN_MEANING);
  });

  it('writes nothing when the page is read again unchanged, and replaces the pack when its notes changed', async () => {
    await learnPageNotes(request(reportPage()), PAGE, 1000);
    const hash = (await getMergedPack())?.hash;
    expect(await learnPageNotes(request(reportPage()), `${PAGE}#top`, 2000)).toEqual({ entries: 2, saved: false });
    expect((await listPacks()).find((r) => r.kind === 'page')?.updatedAt).toBe(1000);
    expect((await getMergedPack())?.hash).toBe(hash);
    const changed = '谋划一批、开工一批、投产一批（测试用表述）。';
    expect(await learnPageNotes(request(reportPage(changed)), PAGE, 3000)).toEqual({ entries: 2, saved: true });
    expect((await listPacks()).filter((r) => r.kind === 'page')).toHaveLength(1);
    expect((await getPack(pagePackId(PAGE)))?.entries[0]?.definition).toBe(changed);
  });

  it('reads no appendix without a heading: a notice’s closing numbered list is not a glossary', async () => {
    const notice = `<h1>关于做好三清行动的通知</h1><p>各区人民政府：现将有关事项通知如下。</p><p>注：各区于月底前报送。</p>
<p>1.加强组织领导：各区要成立工作专班，明确责任分工。</p><p>2.强化督促检查：市里定期通报工作进展。</p><p>3.做好宣传引导：营造全社会参与的良好氛围。</p>`;
    // The same text read as a report (policy-glossary import) is a headless appendix: the page reading must differ.
    expect(importHtml(notice).entries).toHaveLength(3);
    expect(await learnPageNotes(request(notice), PAGE)).toEqual({ entries: 0, saved: false });
  });

  it('keeps every page of several read at once (a restored session)', async () => {
    const urls = [1, 2, 3].map((n) => `https://www.xiangtan.gov.cn/art/${n}.html`);
    const outcomes = await Promise.all(urls.map((url, n) => learnPageNotes(request(reportPage(`第${n}种表述（测试用）。`)), url)));
    expect(outcomes.every((o) => o.saved)).toBe(true);
    expect((await listPacks()).filter((r) => r.kind === 'page').map((r) => r.url)).toEqual(urls);
    for (const url of urls) expect((await pageEntriesOf(url)).size).toBe(2);
  });

  it('keeps a page pack the reader turned off turned off', async () => {
    await learnPageNotes(request(reportPage()), PAGE);
    await updatePackRecord(pagePackId(PAGE), { enabled: false });
    await learnPageNotes(request(reportPage('另一种表述（测试用）。')), PAGE);
    expect((await listPacks()).find((r) => r.id === pagePackId(PAGE))?.enabled).toBe(false);
    expect((await pageEntriesOf(PAGE)).size).toBe(0);
  });

  it.each([
    ['a page that explains nothing', async () => request('<h1>通知</h1><p>全力推进“九个一批”。</p>'), PAGE],
    ['no sender address', async () => request(reportPage()), undefined],
    ['a site the extension is not on', async () => request(reportPage(), 'news.example.com'), 'https://news.example.com/a.html'],
    [
      'a site the reader turned off',
      async () => {
        await updateSettings(() => ({ disabledHosts: ['www.xiangtan.gov.cn'] }));
        return request(reportPage());
      },
      PAGE,
    ],
    [
      'a page the reader hid',
      async () => {
        await updateSettings((s) => setPageHidden(s, PAGE, true));
        return request(reportPage());
      },
      PAGE,
    ],
  ])('keeps nothing from %s', async (_what, make, url) => {
    expect(await learnPageNotes(await make(), url)).toEqual({ entries: 0, saved: false });
    expect((await listPacks()).filter((r) => r.kind === 'page')).toEqual([]);
  });

  it(`keeps the notes of ${MAX_PAGE_PACKS} pages, dropping the least recently changed`, async () => {
    const url = (n: number) => `https://www.xiangtan.gov.cn/art/${n}.html`;
    for (let n = 1; n <= MAX_PAGE_PACKS + 1; n += 1) await learnPageNotes(request(reportPage(`第${n}种表述（测试用）。`)), url(n), n);
    const pages = (await listPacks()).filter((r) => r.kind === 'page');
    expect(pages).toHaveLength(MAX_PAGE_PACKS);
    expect(pages.map((r) => r.url)).not.toContain(url(1));
    expect(pages.map((r) => r.url)).toContain(url(MAX_PAGE_PACKS + 1));
    expect(await getPack(pagePackId(url(1)))).toBeNull();
    expect(await getPack(pagePackId(url(2)))).not.toBeNull();
  });
});

describe('learnPdfNotes', () => {
  const VIEWER = 'chrome-extension://abc/viewer.html';
  const PDF = 'https://www.xiangtan.gov.cn/files/gzbg.pdf';
  const viewerPage = `${VIEWER}?file=${encodeURIComponent(PDF)}`;
  /** What the viewer sends for a PDF of the report page's text (the importer's reading of it). */
  const pdfRequest = (shown = PDF): PdfNotesRequest => {
    const imported = importHtml(reportPage(), { headedOnly: true });
    return { type: 'pg:pdf-notes', source: imported.source, entries: imported.entries, head: '2024年湘潭市政府工作报告\n各位代表：现在，我代表湘潭市人民政府', clues: clues('www.xiangtan.gov.cn'), shown };
  };

  it('keeps a PDF’s notes as the pack of the viewer’s page on it, listed by the PDF’s address, and shows them first there', async () => {
    expect(await learnPdfNotes(pdfRequest(), viewerPage, VIEWER)).toEqual({ entries: 2, saved: true });
    const record = (await listPacks()).find((r) => r.id === pagePackId(viewerPage));
    expect(record).toMatchObject({ kind: 'page', name: '2024年湘潭市政府工作报告', url: PDF, entries: 2 });
    expect((await getPack(pagePackId(viewerPage)))?.documents[0]).toMatchObject({ url: viewerPage, region: { code: '430300' } });
    const own = (await pageEntriesOf(viewerPage)).get('九个一批')!;
    expect((await choosePageSenses(clues('www.xiangtan.gov.cn'), [CHANGSHA], viewerPage))[CHANGSHA]).toMatchObject({ shown: own, kind: 'own' });
  });

  it('takes notes only from the extension’s viewer page, and nothing from a PDF without any', async () => {
    expect(await learnPdfNotes(pdfRequest(), 'https://www.xiangtan.gov.cn/viewer.html', VIEWER)).toEqual({ entries: 0, saved: false });
    expect(await learnPdfNotes(pdfRequest(), undefined, VIEWER)).toEqual({ entries: 0, saved: false });
    expect(await learnPdfNotes({ ...pdfRequest(), entries: [] }, viewerPage, VIEWER)).toEqual({ entries: 0, saved: false });
    expect((await listPacks()).filter((r) => r.kind === 'page')).toEqual([]);
  });
});

describe('the background’s pg:page-notes', () => {
  /** Sends a message as a content script of `url` would. */
  function ask(message: unknown, sender: { url?: string }): Promise<{ ok?: unknown; error?: string }> {
    const trigger = fakeBrowser.runtime.onMessage.trigger as unknown as (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => unknown;
    return new Promise((resolve) => void trigger(message, sender, (reply) => resolve(reply as { ok?: unknown; error?: string })));
  }

  it('reads the notes of the page that sent them, and its page entries come with the page’s choice', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(sensesPack()))));
    Object.assign(fakeBrowser, { scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined } });
    startBackground();
    expect(await ask(request(reportPage()), { url: PAGE })).toEqual({ ok: { entries: 2, saved: true } });
    const own = (await pageEntriesOf(PAGE)).get('九个一批')!;
    const reply = await ask({ type: 'pg:page-entries', clues: clues('www.xiangtan.gov.cn'), entryIds: [CHANGSHA] }, { url: PAGE });
    const answer = reply.ok as { entries: { id: string; definition?: string }[]; senses: Record<string, { shown?: string; kind: string }> };
    expect(answer.senses[CHANGSHA]).toMatchObject({ shown: own, kind: 'own' });
    expect(answer.entries.find((e) => e.id === own)?.definition).toBe(XIANGTAN_MEANING);
    vi.unstubAllGlobals();
    delete (fakeBrowser as { scripting?: unknown }).scripting;
  });

  it('keeps a same-origin iframe’s notes under the page it names, another origin’s page never', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(sensesPack()))));
    Object.assign(fakeBrowser, { scripting: { getRegisteredContentScripts: async () => [], registerContentScripts: async () => undefined, unregisterContentScripts: async () => undefined } });
    startBackground();
    const frame = new URL('/frame/report.html', PAGE).href;
    expect(await ask({ ...request(reportPage()), pageUrl: PAGE }, { url: frame })).toEqual({ ok: { entries: 2, saved: true } });
    expect(await getPack(pagePackId(PAGE))).not.toBeNull();
    expect(await getPack(pagePackId(frame))).toBeNull();
    vi.unstubAllGlobals();
    delete (fakeBrowser as { scripting?: unknown }).scripting;
  });
});

describe('notesPageUrl', () => {
  it.each([
    [undefined, 'http://www.xiangtan.gov.cn/f.html', 'http://www.xiangtan.gov.cn/f.html'],
    ['http://www.xiangtan.gov.cn/p.html', 'http://www.xiangtan.gov.cn/f.html', 'http://www.xiangtan.gov.cn/p.html'],
    ['http://www.changsha.gov.cn/p.html', 'http://www.xiangtan.gov.cn/f.html', 'http://www.xiangtan.gov.cn/f.html'],
    ['https://www.xiangtan.gov.cn/p.html', 'http://www.xiangtan.gov.cn/f.html', 'http://www.xiangtan.gov.cn/f.html'],
    ['not a url', 'http://www.xiangtan.gov.cn/f.html', 'http://www.xiangtan.gov.cn/f.html'],
    ['http://www.xiangtan.gov.cn/p.html', undefined, undefined],
  ])('claimed %s, sent from %s: kept under %s', (claimed, sender, kept) => {
    expect(notesPageUrl(claimed, sender)).toBe(kept);
  });
});
