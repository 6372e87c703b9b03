// The collection in the widget: merged behind the town's own glossary, the town's place from the
// embed, the town's own entries first, and a collection that fails to load costing only itself.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashPackContent } from '../../src/core/glossary-hash';
import type { GlossaryPack } from '../../src/core/types';
import { loadCollection, mergeCollection, townChain } from '../../src/widget/collection';
import { chunks } from '../../src/widget/chunks';
import { createWidget, type Widget } from '../../src/widget/widget';
import { CHANGSHA_MEANING, ZHUZHOU_MEANING, sensesPack } from '../ui/senses-pack';

const TOWN_MEANING = '本镇的九个一批：一批道路、一批学校、一批医院、一批公园、一批市场。';

/** A town's own glossary: its own 九个一批 and a term of its own, no region on its document. */
function townPack(): GlossaryPack {
  const content = {
    schemaVersion: 1 as const,
    documents: [{ title: '某镇政府工作报告', issuer: '某镇人民政府', kind: 'footnotes' as const }],
    entries: [
      { id: 'town-jiu-ge-yi-pi', term: '九个一批', doc: 0, status: 'official' as const, forms: ['九个一批'], keys: [], definition: TOWN_MEANING },
      { id: 'town-san-ge-yi', term: '三个一', doc: 0, status: 'official' as const, forms: ['三个一'], keys: [], definition: '一个中心、一个平台、一个窗口。' },
    ],
    variants: {},
  };
  return { ...content, hash: hashPackContent(content) };
}

const withProvince = (): GlossaryPack => {
  const pack = sensesPack();
  return { ...pack, documents: [...pack.documents, { title: '湖南省政府工作报告', kind: '名词解释', region: { code: '430000', name: '湖南省', level: 'province' } }] };
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('mergeCollection', () => {
  it("puts the town's documents and entries first and shifts the collection's document indexes", () => {
    const own = townPack();
    const collection = sensesPack();
    const merged = mergeCollection(own, collection);
    expect(merged.entries.slice(0, 2).map((e) => e.id)).toEqual(['town-jiu-ge-yi-pi', 'town-san-ge-yi']);
    const zhuzhou = merged.entries.find((e) => e.id === 'zhuzhou-2022-jiu-ge-yi-pi');
    expect(merged.documents[zhuzhou!.doc]?.region?.name).toBe('株洲市');
    expect(merged.entries).toHaveLength(own.entries.length + collection.entries.length);
  });

  it('leaves out a collection entry whose id the town uses', () => {
    const own = townPack();
    const clash = { ...sensesPack(), entries: sensesPack().entries.map((e, i) => (i === 0 ? { ...e, id: 'town-san-ge-yi' } : e)) };
    const merged = mergeCollection(own, clash);
    expect(merged.entries.filter((e) => e.id === 'town-san-ge-yi').map((e) => e.definition)).toEqual(['一个中心、一个平台、一个窗口。']);
  });
});

describe('townChain', () => {
  it.each<[string, string | undefined, string[]]>([
    ['a code the documents name', '430200', ['430200']],
    ['a code with its province in the documents', '430200', ['430200', '430000']],
    ['a full name', '株洲市', ['430200']],
    ['a code no document names is still the town', '310115', ['310115']],
    ['an unknown name', '不存在市', []],
    ['blank', '  ', []],
    ['nothing', undefined, []],
  ])('%s: %s', (what, region, codes) => {
    const pack = what.includes('province') ? withProvince() : sensesPack();
    expect(townChain(pack, region).map((d) => d.code)).toEqual(codes);
  });

  it.each([
    ['its footer', '<footer>主办单位：株洲市人民政府</footer>', ['430200']],
    ['nothing about a place', '<footer>版权所有</footer>', []],
  ])('without data-region, the page tells the place by %s', (_what, html, codes) => {
    const page = document.implementation.createHTMLDocument('通知');
    page.body.innerHTML = html;
    expect(townChain(sensesPack(), undefined, page).map((d) => d.code)).toEqual(codes);
  });
});

describe('loadCollection', () => {
  it("shows the town's own definition first and the collection's under the others", async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify(sensesPack())));
    vi.stubGlobal('fetch', fetchSpy);
    const { pack, senses } = await loadCollection(townPack(), '/static/collection.json', '430100', 'https://town.example/news/1.html');
    expect(String((fetchSpy.mock.calls[0] as unknown[])[0])).toBe('https://town.example/static/collection.json');
    const choice = senses.choose('town-jiu-ge-yi-pi');
    expect(choice?.shown?.definition).toBe(TOWN_MEANING);
    expect(choice?.others.map((e) => e.definition).sort()).toEqual([CHANGSHA_MEANING, ZHUZHOU_MEANING].sort());
    expect(pack.entries.length).toBe(6);
  });

  it('ranks the collection for the town’s place when the town has no definition of its own', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(sensesPack()))));
    const own = { ...townPack(), entries: townPack().entries.slice(1) };
    const { senses } = await loadCollection(own, '/c.json', '株洲市', 'https://town.example/');
    expect(senses.choose('changsha-2021-jiu-ge-yi-pi')?.shown?.definition).toBe(ZHUZHOU_MEANING);
  });
});

describe('the widget with data-collection', () => {
  let widget: Widget | undefined;
  afterEach(() => {
    widget?.destroy();
    widget = undefined;
  });

  it("marks the collection's terms too, and keeps marking the town's own when the collection fails", async () => {
    document.body.innerHTML = '<p>推进九个一批，落实三个一，做好六稳。</p>';
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(sensesPack()))));
    widget = createWidget(document, {}, chunks);
    const withCollection = await widget.init({ glossary: townPack(), collection: '/c.json', region: '430100' });
    expect(withCollection?.matches).toBe(3);
    widget.destroy();

    vi.stubGlobal('fetch', vi.fn(async () => new Response('not found', { status: 404 })));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    widget = createWidget(document, {}, chunks);
    const without = await widget.init({ glossary: townPack(), collection: '/missing.json' });
    expect(without?.matches).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.join(' '))).toContain('/missing.json');
  });

  it('does not load the collection without the option', async () => {
    document.body.innerHTML = '<p>推进九个一批。</p>';
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify(sensesPack())));
    vi.stubGlobal('fetch', fetchSpy);
    const spy = { ...chunks, collection: vi.fn(chunks.collection) };
    widget = createWidget(document, {}, spy);
    await widget.init({ glossary: townPack() });
    expect(spy.collection).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});

describe('the <policy-glossary> panel with the collection on', () => {
  it("lists the town's own glossary, not the collection", async () => {
    document.body.innerHTML = '<p>推进九个一批。</p>';
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(sensesPack()))));
    const widget = createWidget(document, {}, chunks);
    await widget.init({ glossary: townPack(), collection: '/c.json', region: '430100' });
    expect((await widget.pack()).entries.map((e) => e.id)).toEqual(['town-jiu-ge-yi-pi', 'town-san-ge-yi']);
    widget.destroy();
  });
});
