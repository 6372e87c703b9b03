// The one-script-tag embed: the bundle entry reads its own <script> tag's data- attributes,
// fetches the glossary beside itself by default, and exposes init / annotate / destroy.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as WidgetEntry from '../../src/widget/index';
import type { AnnotatedDetail } from '../../src/widget/widget';
import { fixturePack } from './pack-fixture';

const PAGE = `<nav class="menu"><a href="#">六稳专题</a></nav>
<main id="report"><p>扎实做好“六稳”“六保”工作。</p><p>再谈六稳和六保。</p><p class="skip">落实“三重一大”。</p></main>`;

type Entry = typeof WidgetEntry;

/** Loads the bundle entry as if a <script> tag with `attributes` were executing it. */
async function loadAsScript(attributes: Record<string, string>): Promise<Entry> {
  const script = document.createElement('script');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script });
  vi.resetModules();
  try {
    return await import('../../src/widget/index');
  } finally {
    Object.defineProperty(document, 'currentScript', { configurable: true, get: () => null });
  }
}

const nextAnnotation = () =>
  new Promise<AnnotatedDetail>((resolve) =>
    document.addEventListener('policy-glossary:annotated', (event) => resolve((event as CustomEvent<AnnotatedDetail>).detail), { once: true }),
  );

const marked = (selector: string) => [...document.querySelectorAll(`${selector} pg-term`)].map((e) => e.textContent ?? '').join('|');

let fetchSpy: ReturnType<typeof vi.fn>;
let loaded: Entry | undefined;

beforeEach(() => {
  document.body.innerHTML = PAGE;
  fetchSpy = vi.fn(async () => new Response(JSON.stringify(fixturePack())));
  vi.stubGlobal('fetch', fetchSpy);
});

afterEach(() => {
  loaded?.destroy();
  loaded = undefined;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

describe('the script tag', () => {
  it('configures itself from data- attributes and annotates on its own', async () => {
    const annotated = nextAnnotation();
    loaded = await loadAsScript({
      src: 'https://town.example/static/policy-glossary.js',
      'data-glossary': 'https://town.example/data/terms.json',
      'data-root': '#report',
      'data-exclude': '.skip',
      'data-first-only': '',
    });
    const detail = await annotated;
    expect(fetchSpy.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(['https://town.example/data/terms.json']);
    expect(detail.matches).toBe(2);
    expect(marked('#report').replace(/[“”]/g, '')).toBe('六稳|六保');
    expect(marked('.menu')).toBe('');
    expect(marked('.skip')).toBe('');
  });

  it('loads glossary.json from beside the script when data-glossary is absent', async () => {
    const annotated = nextAnnotation();
    loaded = await loadAsScript({ src: 'https://town.example/static/js/policy-glossary.js' });
    await annotated;
    expect(fetchSpy.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual(['https://town.example/static/js/glossary.json']);
    expect(marked('.menu')).not.toBe('');
  });

  it('does nothing until init() when the tag says data-manual', async () => {
    loaded = await loadAsScript({ src: 'https://town.example/policy-glossary.js', 'data-manual': '' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.querySelector('pg-term')).toBeNull();

    const detail = await loaded.init({ glossary: fixturePack(), root: '#report' });
    expect(detail?.matches).toBe(5);
  });

  it('init() options override the tag, and destroy() restores the page', async () => {
    const before = document.body.innerHTML;
    loaded = await loadAsScript({ src: 'https://town.example/policy-glossary.js', 'data-manual': '', 'data-first-only': '' });
    const detail = await loaded.init({ glossary: fixturePack(), firstOnly: false, root: '#report' });
    expect(detail?.matches).toBe(5);
    loaded.destroy();
    expect(document.body.innerHTML).toBe(before);
  });

  it('a second copy of the script on the page hands its calls to the first', async () => {
    const annotated = nextAnnotation();
    const first = await loadAsScript({ src: 'https://town.example/policy-glossary.js', 'data-root': '#report' });
    await annotated;
    const before = document.querySelectorAll('pg-term').length;
    vi.stubGlobal('PolicyGlossary', first);
    const second = await loadAsScript({ src: 'https://town.example/policy-glossary.js', 'data-root': '#report' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll('pg-term')).toHaveLength(before);
    expect(document.querySelectorAll('pg-term pg-term')).toHaveLength(0);
    second.destroy();
    expect(document.querySelectorAll('pg-term')).toHaveLength(0);
  });

  it('a page global that merely looks like ours is left alone', async () => {
    const impostor = { version: '1', init: vi.fn(), annotate: vi.fn(), destroy: vi.fn(), extra: true };
    vi.stubGlobal('PolicyGlossary', { ...impostor, version: 'page-own' });
    const annotated = nextAnnotation();
    loaded = await loadAsScript({ src: 'https://town.example/policy-glossary.js', 'data-root': '#report' });
    await annotated;
    expect(impostor.init).not.toHaveBeenCalled();
    expect(document.querySelectorAll('pg-term').length).toBeGreaterThan(0);
  });

  it('as an ES module (no current script) it waits for init()', async () => {
    vi.resetModules();
    loaded = await import('../../src/widget/index');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(document.querySelector('pg-term')).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const detail = await loaded.annotate();
    expect(detail).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
