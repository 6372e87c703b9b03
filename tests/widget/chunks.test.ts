// What the widget loads lazily, and when: the tooltip UI on the reader's first attempt to open a
// tooltip, fuzzy matching only for pages with slogans the glossary lacks word for word, the panel
// only for <policy-glossary>, the reading (the matcher) at every init. Each row also checks the part
// is NOT loaded when nothing asks for it.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMatcher } from '../../src/core/matcher';
import { chunks, type ChunkLoader } from '../../src/widget/chunks';
import { defineGlossaryElement, GLOSSARY_ELEMENT } from '../../src/widget/element';
import { ANNOTATED_EVENT, createWidget, type AnnotatedDetail, type Widget } from '../../src/widget/widget';
import { fixturePack, LIU_WEN_DEFINITION } from './pack-fixture';

const spyChunks = () => ({ reading: vi.fn(chunks.reading), ui: vi.fn(chunks.ui), panel: vi.fn(chunks.panel), fuzzy: vi.fn(chunks.fuzzy), collection: vi.fn(chunks.collection), definitions: vi.fn(chunks.definitions) }) satisfies ChunkLoader;

let widgets: Widget[] = [];
const start = (loader: ChunkLoader) => {
  const widget = createWidget(document, {}, loader);
  widgets.push(widget);
  return widget;
};

const tooltip = () => document.querySelector('policy-glossary-ui')?.shadowRoot?.querySelector('[role="tooltip"],[role="dialog"]') ?? null;

beforeAll(async () => {
  // Warm the module cache, so timing rows measure the widget rather than the first transform.
  await Promise.all([chunks.ui(), chunks.panel(), chunks.fuzzy(), chunks.definitions()]);
});

afterEach(() => {
  for (const widget of widgets) widget.destroy();
  widgets = [];
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('tooltip UI chunk', () => {
  it('is not loaded on a page nobody interacts with', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const loader = spyChunks();
    await start(loader).init({ glossary: fixturePack(), root: '#report' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelectorAll('pg-term').length).toBe(2);
    expect(loader.ui).not.toHaveBeenCalled();
    expect(document.querySelector('policy-glossary-ui')).toBeNull();
  });

  it('focus on a term loads it once and opens that term’s tooltip', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p><p><a href="#x">链接</a></p></main>';
    const loader = spyChunks();
    await start(loader).init({ glossary: fixturePack(), root: '#report' });
    document.querySelector<HTMLElement>('a')!.focus();
    expect(loader.ui).not.toHaveBeenCalled();
    document.querySelector<HTMLElement>('pg-term')!.focus();
    await vi.waitFor(() => expect(tooltip()?.textContent).toContain(LIU_WEN_DEFINITION));
    document.querySelectorAll<HTMLElement>('pg-term')[1]!.focus();
    await vi.waitFor(() => expect(tooltip()?.textContent).toContain('六保'));
    expect(loader.ui).toHaveBeenCalledTimes(1);
  });

  it('Alt+Shift+→ loads it and opens the first term as a dialog', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const loader = spyChunks();
    await start(loader).init({ glossary: fixturePack(), root: '#report' });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, shiftKey: true, bubbles: true }));
    await vi.waitFor(() => expect(tooltip()?.getAttribute('role')).toBe('dialog'));
    expect(tooltip()?.textContent).toContain(LIU_WEN_DEFINITION);
  });

  it('destroy() while it loads leaves nothing behind', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”工作。</p></main>';
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loader = { ...spyChunks(), ui: vi.fn(() => gate.then(() => chunks.ui())) };
    const widget = start(loader);
    await widget.init({ glossary: fixturePack(), root: '#report' });
    document.querySelector<HTMLElement>('pg-term')!.focus();
    expect(loader.ui).toHaveBeenCalledTimes(1);
    widget.destroy();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('policy-glossary-ui')).toBeNull();
    expect(document.querySelector('pg-term')).toBeNull();
  });

  it('a chunk that fails to load costs the tooltips only, with one warning', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loader = { ...spyChunks(), ui: vi.fn(() => Promise.reject(new Error('404'))) };
    const detail = await start(loader).init({ glossary: fixturePack(), root: '#report' });
    document.querySelector<HTMLElement>('pg-term')!.focus();
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\].*tooltips.*404/);
    document.querySelectorAll<HTMLElement>('pg-term')[1]!.focus();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loader.ui).toHaveBeenCalledTimes(1);
    expect(detail?.matches).toBe(2);
  });
});

describe('reading chunk', () => {
  it('is loaded once at init, with the glossary, and the page is annotated with it', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const loader = spyChunks();
    const widget = start(loader);
    expect(loader.reading).not.toHaveBeenCalled();
    const detail = await widget.init({ glossary: fixturePack(), root: '#report' });
    expect(loader.reading).toHaveBeenCalledTimes(1);
    expect(detail?.matches).toBe(2);
    expect(document.querySelectorAll('pg-term').length).toBe(2);
  });

  it('failing to load leaves the page as it was, with one warning, and the panel its glossary', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const before = document.body.innerHTML;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const loader = { ...spyChunks(), reading: vi.fn(() => Promise.reject(new Error('404'))) };
    const widget = createWidget(document, {}, loader);
    widgets.push(widget);
    const detail = await widget.init({ glossary: fixturePack(), root: '#report' });
    expect(detail).toBeUndefined();
    expect(document.body.innerHTML).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\].*reading.*404/);
    // The <policy-glossary> panel needs no matcher: the glossary it lists still comes.
    expect((await widget.pack()).entries.map((entry) => entry.id)).toEqual(fixturePack().entries.map((entry) => entry.id));
  });
});

describe('definitions chunk', () => {
  it('is not loaded on a page nobody interacts with: the highlights come from the matcher part alone', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const loader = spyChunks();
    await start(loader).init({ glossary: fixturePack(), root: '#report' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelectorAll('pg-term').length).toBe(2);
    expect(loader.definitions).not.toHaveBeenCalled();
  });

  it('arriving after the tooltip UI: the tooltip shows its loading state, then the definition', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loader = { ...spyChunks(), definitions: vi.fn(() => gate.then(() => chunks.definitions())) };
    await start(loader).init({ glossary: fixturePack(), root: '#report' });
    document.querySelector<HTMLElement>('pg-term')!.focus();
    await vi.waitFor(() => expect(tooltip()?.textContent).toContain('正在载入释义'));
    expect(tooltip()?.textContent).not.toContain(LIU_WEN_DEFINITION);
    release();
    await vi.waitFor(() => expect(tooltip()?.textContent).toContain(LIU_WEN_DEFINITION));
    expect(tooltip()?.textContent).not.toContain('正在载入释义');
    expect(loader.definitions).toHaveBeenCalledTimes(1);
  });

  it('definitions that fail the whole pack\'s check take the highlights away, with one warning', async () => {
    document.body.innerHTML = '<main id="report"><p>扎实做好“六稳”“六保”工作。</p></main>';
    const before = document.body.innerHTML;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // The matcher part is fine; a document index points nowhere (parsePack rejects it).
    const pack = fixturePack();
    const broken = { ...pack, entries: pack.entries.map((entry, i) => (i === 0 ? { ...entry, doc: 99 } : entry)) };
    const detail = await start(spyChunks()).init({ glossary: broken, root: '#report' });
    expect(detail?.matches).toBe(2);
    document.querySelector<HTMLElement>('pg-term')!.focus();
    await vi.waitFor(() => expect(document.querySelectorAll('pg-term').length).toBe(0));
    expect(document.body.innerHTML).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\].*entries\[0\]\.doc/);
  });
});

describe('fuzzy chunk', () => {
  const pages: Array<[string, string, boolean]> = [
    ['glossary terms only: not loaded', '<p>扎实做好“六稳”“六保”工作，落实“三重一大”制度。</p>', false],
    ['an unknown slogan: loaded, nothing near it', '<p>增强“四个意识”。</p>', true],
    ['a near miss of 三重一大: loaded and resolved to it', '<p>落实“三重一太”制度，做好“六稳”。</p>', true],
  ];
  it.each(pages)('%s', async (_name, html, loads) => {
    document.body.innerHTML = `<main id="report">${html}</main>`;
    const text = document.querySelector('#report')!.textContent ?? '';
    const details: AnnotatedDetail[] = [];
    const listener = (event: Event) => details.push((event as CustomEvent<AnnotatedDetail>).detail);
    document.addEventListener(ANNOTATED_EVENT, listener);
    try {
      const loader = spyChunks();
      const detail = await start(loader).init({ glossary: fixturePack(), root: '#report' });
      // The counts the extension and CLI get from the full matcher for the same text.
      const full = createMatcher(fixturePack()).scan(text);
      const unknown = full.filter((match) => match.kind === 'unknown-slogan').length;
      expect(detail).toMatchObject({ matches: full.length - unknown, unknown });
      expect(details.at(-1)).toMatchObject({ matches: full.length - unknown, unknown });
      expect(loader.fuzzy).toHaveBeenCalledTimes(loads ? 1 : 0);
      expect(details).toHaveLength(loads ? 2 : 1);
    } finally {
      document.removeEventListener(ANNOTATED_EVENT, listener);
    }
  });

  it('the near miss ends up marked as the glossary term', async () => {
    document.body.innerHTML = '<main id="report"><p>落实“三重一太”制度。</p></main>';
    await start(spyChunks()).init({ glossary: fixturePack(), root: '#report' });
    expect(createMatcher(fixturePack()).scan('落实“三重一太”制度。').map((m) => m.kind)).toEqual(['fuzzy']);
    const marks = [...document.querySelectorAll('pg-term')];
    expect(marks.map((mark) => mark.textContent?.replace(/[“”]/g, ''))).toEqual(['三重一太']);
    expect(marks[0]!.getAttribute('data-pg-kind')).toBe('fuzzy');
  });
});

describe('panel chunk', () => {
  it('is loaded only once a <policy-glossary> element is on the page', async () => {
    const loader = spyChunks();
    const widget = createWidget(document, {}, loader);
    widgets.push(widget);
    expect(customElements.get(GLOSSARY_ELEMENT)).toBeUndefined();
    defineGlossaryElement(window, widget, loader);
    await widget.init({ glossary: fixturePack() });
    expect(loader.panel).not.toHaveBeenCalled();
    document.body.append(document.createElement(GLOSSARY_ELEMENT));
    await vi.waitFor(() => expect(document.querySelector(GLOSSARY_ELEMENT)?.shadowRoot?.querySelector('input')).toBeTruthy());
    expect(loader.panel).toHaveBeenCalledTimes(1);
  });
});
