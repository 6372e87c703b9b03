// A page's own 名词解释, in real Chromium and Firefox with the built extension (the whole bundled
// collection): a city's report republished with its appendix explains terms no glossary has; the
// extension reads the appendix (page-notes content script → background importer), the terms in the
// report's body explain themselves in the report's words with the report as source (on another
// city's site too: the page's own notes come first there, by the page's address),
// another page of the same city's site is explained by the place rules, and the options page lists
// the page's notes, whose removal takes the explanations away again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_TARGETS, frameOrigin, gotoExtensionPage, launchExtension, pointAtNeedleEnd, squash, termPoint, tooltipText, waitFor, type ExtensionSession } from './extension-helpers';
import { PLACE_HOSTS } from './support/browsers';
import { startServer, type TestServer } from './support/server';

// Invented terms and definitions (no glossary file has them); 湘潭市 is the city the report names.
const COURTYARD = '以红色、绿色、金色、蓝色、紫色、橙色、青色七种主题改造老旧小区庭院（测试用表述）。';
const WARMTH = '暖心就业、暖心就医、暖心助学、暖心安居（测试用表述）。';

const page = (title: string, body: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.8 sans-serif;margin:40px;max-width:720px}</style></head><body>${body}
<div class="footer">主办单位：湘潭市人民政府办公室</div></body></html>`;

const REPORT = page(
  '湘潭市人民政府 政务公开',
  `<h1>2024年湘潭市政府工作报告</h1>
<p>各位代表：现在，我代表湘潭市人民政府，向大会报告政府工作，请予审议。</p>
<p id="term">深入开展“七彩小院”创建和四暖行动，${'各项工作有序推进，民生保障持续加强。'.repeat(3)}</p>
<p>附件</p><p><strong>名词解释</strong></p>
<p>1.七彩小院：${COURTYARD}</p>
<p>2.四暖行动：${WARMTH}</p>`,
);

// A CMS page whose notes are marked only by plain <sup>N</sup> (no links, no heading): its text
// shows a bare digit after each term and opening each note.
const LANTERN = '在街巷设置夜间照明、休憩座椅和便民服务点（测试用表述）。';
const SUP_REPORT = page(
  '湘潭市人民政府 政务公开',
  `<h1>2024年湘潭市政府工作报告</h1>
<p>各位代表：现在，我代表湘潭市人民政府，向大会报告政府工作，请予审议。</p>
<p>推进“明灯街巷”<sup>1</sup>建设，${'各项工作有序推进，民生保障持续加强。'.repeat(3)}</p>
<hr><p><sup>1</sup>明灯街巷：${LANTERN}</p>`,
);

// A page made from a PDF: each note under the paragraph that marks it (①, numbered on), the body
// going on after the notes.
const BREEZE = '在老旧街巷种植花木、设置通风廊道（测试用表述）。';
const INTERLEAVED_REPORT = page(
  '湘潭市人民政府 政务公开',
  `<h1>2024年湘潭市政府工作报告</h1>
<p>各位代表：现在，我代表湘潭市人民政府，向大会报告政府工作，请予审议。</p>
<p>推进“清风巷陌”①建设，${'各项工作有序推进，民生保障持续加强。'.repeat(3)}</p>
<p style="font-size:12px">①清风巷陌：${BREEZE}</p>
<p>${'今年，我们将坚持稳中求进，持续改善民生。'.repeat(3)}</p>`,
);

// A report shown in a same-origin iframe of a portal page: the page's script reads the frame's text,
// so the frame's notes are that page's own.
const TEAHOUSE = '在社区开设茶馆式议事点，居民围坐议事（测试用表述）。';
const FRAMED_REPORT = page(
  '湘潭市人民政府 政务公开',
  `<h1>2024年湘潭市政府工作报告</h1>
<p>各位代表：现在，我代表湘潭市人民政府，向大会报告政府工作，请予审议。</p>
<p id="framed-term">推广“茶馆议事”机制，${'各项工作有序推进，民生保障持续加强。'.repeat(3)}</p>
<p>附件</p><p><strong>名词解释</strong></p>
<p>1.茶馆议事：${TEAHOUSE}</p>`,
);
const PORTAL = page('长沙市人民政府 门户网站', '<p>政务公开：政府工作报告全文如下。</p><iframe id="report" style="width:860px;height:500px;border:0" src="/framed-report.html"></iframe>');

const NEWS = page('湘潭市人民政府 要闻', `<h1>我市召开民生工作推进会</h1><p id="term">会议要求，年内完成100个七彩小院改造，${'各项工作有序推进。'.repeat(3)}</p>`);

describe.each(RELEASE_TARGETS)('a page’s own 名词解释: $name ($extension)', ({ name, extension }) => {
  let server: TestServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    server = await startServer({ '/report.html': { body: REPORT }, '/news.html': { body: NEWS }, '/sup-report.html': { body: SUP_REPORT }, '/interleaved-report.html': { body: INTERLEAVED_REPORT }, '/framed-report.html': { body: FRAMED_REPORT }, '/portal.html': { body: PORTAL }, '/favicon.ico': { body: '', type: 'image/x-icon' } });
    process.env.LANGUAGE = 'zh_CN';
    session = await launchExtension(name, extension);
  });

  afterAll(async () => {
    await session?.launched.close();
    await server?.close();
  });

  /**
   * Hovers the end of `needle` until the tooltip shows `expected`; the pointer comes back every few
   * seconds, since the page's notes reach the page as a new matcher after its first pass.
   */
  const hoverUntil = async (tab: Page, needle: string, expected: string): Promise<string> => {
    let shown: string | null = null;
    for (let attempt = 0; attempt < 15; attempt++) {
      const point = await pointAtNeedleEnd(tab, needle);
      if (point) {
        await tab.mouse.move(1, 1);
        await tab.mouse.move(point.x, point.y, { steps: 2 });
        const found = await waitFor(async () => squash((shown = await tooltipText(tab)) ?? '').includes(squash(expected)), 'the tooltip', 3000).catch(() => false);
        if (found) return shown ?? '';
      } else {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    throw new Error(`no tooltip on “${needle}” with “${expected.slice(0, 12)}…”; shown: ${shown}`);
  };

  it('explains the report’s terms in its own appendix’s words, with the report as source', async () => {
    const tab = await session.launched.browser.newPage();
    session.watch(tab);
    await tab.setViewport({ width: 900, height: 700 });
    // Served on another city's site (长沙's, as a portal republishing it would): by the place rules
    // alone 湘潭's definition would be 其他地方的用法 there; the page's own notes are shown as its own.
    await tab.goto(server.url(PLACE_HOSTS.changsha, '/report.html'));
    const text = await hoverUntil(tab, '七彩小院', COURTYARD);
    expect(squash(text)).toContain(squash('2024年湘潭市政府工作报告'));
    expect(squash(text)).toContain(squash('湘潭市'));
    expect(text).not.toMatch(/其他地方的用法|How other places use it/);
    // The other appendix term, unquoted in the body.
    expect(squash(await hoverUntil(tab, '四暖行动', WARMTH))).toContain(squash(WARMTH));
    await tab.close();
  });

  it.each([
    { name: 'notes marked only by <sup>N</sup>', path: '/sup-report.html', term: '明灯街巷', definition: LANTERN },
    { name: 'a note set under the paragraph that marks it, the body going on after it', path: '/interleaved-report.html', term: '清风巷陌', definition: BREEZE },
  ])('reads $name: the term explains itself in the note’s words', async ({ path, term, definition }) => {
    const tab = await session.launched.browser.newPage();
    await tab.setViewport({ width: 900, height: 700 });
    await tab.goto(server.url(PLACE_HOSTS.xiangtan, path));
    expect(squash(await hoverUntil(tab, term, definition))).toContain(squash('2024年湘潭市政府工作报告'));
    await tab.close();
  });

  it('a report in a same-origin iframe: its notes are the framing page’s own, explained there as such', async () => {
    const tab = await session.launched.browser.newPage();
    await tab.setViewport({ width: 900, height: 700 });
    // On another city's site (长沙's): kept under the frame's own address, the notes would be
    // 湘潭's definitions shown as 其他地方的用法 on this page, whose script reads the frame.
    await tab.goto(server.url(PLACE_HOSTS.changsha, '/portal.html'));
    const frame = await waitFor(async () => tab.frames().find((f) => f.url().endsWith('/framed-report.html')), 'the framed report');
    let shown: string | null = null;
    for (let attempt = 0; attempt < 15 && !squash(shown ?? '').includes(squash(TEAHOUSE)); attempt++) {
      const inside = await termPoint(frame, '#framed-term', '茶馆议事');
      const box = await frameOrigin(tab, '#report');
      await tab.mouse.move(1, 1);
      await tab.mouse.move(box.x + inside.x, box.y + inside.y, { steps: 2 });
      await waitFor(async () => squash((shown = await tooltipText(tab)) ?? '').includes(squash(TEAHOUSE)), 'the tooltip', 3000).catch(() => false);
    }
    expect(squash(shown ?? '')).toContain(squash(TEAHOUSE));
    expect(squash(shown ?? '')).toContain(squash('2024年湘潭市政府工作报告'));
    expect(shown).not.toMatch(/其他地方的用法|How other places use it/);
    await tab.close();
  });

  it('explains the term on another page of the same city, and lists the page’s notes on the options page', async () => {
    const tab = await session.launched.browser.newPage();
    await tab.setViewport({ width: 900, height: 700 });
    await tab.goto(server.url(PLACE_HOSTS.xiangtan, '/news.html'));
    expect(squash(await hoverUntil(tab, '七彩小院', COURTYARD))).toContain(squash('2024年湘潭市政府工作报告'));

    const options = await session.launched.browser.newPage();
    await gotoExtensionPage(options, `${session.base}/options.html`);
    const id = `page:${server.url(PLACE_HOSTS.changsha, '/report.html')}`;
    const row = await waitFor(() => options.$(`[data-pack-id="${id}"]`), 'the page’s notes on the options page');
    const rowText = squash((await row.evaluate((li) => li.textContent)) ?? '');
    expect(rowText).toContain('2024年湘潭市政府工作报告');
    expect(rowText).toContain(squash(server.url(PLACE_HOSTS.changsha, '/report.html')));
    expect(rowText).toMatch(/2(条|entries)/);
    // Removed: once the options page has stored the matcher rebuilt without it, the news page no
    // longer explains the term (nothing else defines it).
    const stored = () =>
      options.evaluate(async () => {
        type Stored = { hash: string; entries?: { term: string }[] } | undefined;
        type Local = { storage: { local: { get(keys: string[]): Promise<Record<string, Stored | string>> } } };
        const scope = globalThis as unknown as { browser?: Local; chrome: Local };
        const values = await (scope.browser ?? scope.chrome).storage.local.get(['compiledPack', 'mergedPack']);
        // The merged pack is stored as one JSON string (src/extension/storage-item.ts jsonItem).
        const read = (value: Stored | string | undefined): Stored => (typeof value === 'string' ? (JSON.parse(value) as Stored) : value);
        const compiledPack = read(values.compiledPack);
        const mergedPack = read(values.mergedPack);
        return { compiled: compiledPack?.hash, merged: mergedPack?.hash, terms: (mergedPack?.entries ?? []).filter((e) => e.term === '七彩小院').length };
      });
    const before = await stored();
    expect(before.terms).toBe(1);
    await row.$eval('button', (button) => (button as HTMLButtonElement).click());
    await waitFor(async () => (await options.$(`[data-pack-id="${id}"]`)) === null, 'the row to go');
    const after = await waitFor(async () => {
      const now = await stored();
      return now.compiled !== before.compiled && now.compiled === now.merged ? now : null;
    }, 'the rebuilt matcher');
    expect(after.terms).toBe(0);
    await tab.bringToFront();
    await tab.reload();
    await new Promise((r) => setTimeout(r, 2000));
    const point = await pointAtNeedleEnd(tab, '七彩小院');
    await tab.mouse.move(1, 1);
    await tab.mouse.move(point!.x, point!.y, { steps: 2 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(squash((await tooltipText(tab)) ?? '')).not.toContain(squash(COURTYARD));
    await options.close();
    await tab.close();
    expect(session.errors).toEqual([]);
  });

  // Firefox runs no extension's content scripts in local files (the places test checks its popup says so).
  if (name === 'chromium') {
    // After the test above, which counts the entries the page's notes add.
    it('a copy of the report saved to disk and opened as a file: its own notes explain its terms', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'pg-saved-notes-')), '2024年湘潭市政府工作报告.html');
      writeFileSync(file, REPORT);
      const tab = await session.launched.browser.newPage();
      session.watch(tab);
      await tab.setViewport({ width: 900, height: 700 });
      await tab.goto(pathToFileURL(file).href);
      const text = await hoverUntil(tab, '七彩小院', COURTYARD);
      expect(squash(text)).toContain(squash('2024年湘潭市政府工作报告'));
      expect(text).not.toMatch(/其他地方的用法|How other places use it/);
      await tab.close();
      expect(session.errors).toEqual([]);
    });
  }
});
