// The embeddable widget in happy-dom: configuration from data- attributes and init(), inline packs,
// exclusions, first-occurrence mode, the annotated event's counts, destroy(), and bad glossaries.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { chunks } from '../../src/widget/chunks';
import { readDataOptions, type WidgetOptions } from '../../src/widget/options';
import { ANNOTATED_EVENT, createWidget, type AnnotatedDetail, type Widget } from '../../src/widget/widget';
import { fixturePack } from './pack-fixture';

// The lazily loaded parts the tooltip rows open, loaded once here: a test's waits need not cover a
// first module load (the tooltip UI and the definitions' check, which arrive together).
beforeAll(async () => {
  await Promise.all([chunks.ui(), chunks.definitions()]);
});

const PAGE = `<header class="nav"><p>六稳 六保</p></header>
<main id="report">
<p>扎实做好“六稳”“六保”工作，六稳是基础。</p>
<p>落实“三重一大”制度，增强“四个意识”。</p>
<p class="aside">再谈六稳。</p>
</main>`;

/** Texts of the marked terms under `root`, one per match, in document order. */
function markedTerms(root: ParentNode = document): string[] {
  const byId = new Map<string, string>();
  for (const element of root.querySelectorAll('pg-term')) {
    const id = element.getAttribute('data-pg-id') ?? String(byId.size);
    byId.set(id, (byId.get(id) ?? '') + element.textContent);
  }
  return [...byId.values()];
}

const FIXTURE_TERMS = ['三重一大', '六稳', '六保'];

/** The glossary term a marked text shows (a mark may include quotes and a suffix like 制度). */
const onlyCjk = (text: string) => {
  const bare = text.replace(/[“”]/g, '');
  return FIXTURE_TERMS.find((term) => bare.startsWith(term)) ?? bare;
};

let widgets: Widget[] = [];
const newWidget = (defaults: WidgetOptions = {}) => {
  const widget = createWidget(document, defaults);
  widgets.push(widget);
  return widget;
};

beforeEach(() => {
  document.documentElement.lang = 'zh-CN';
  document.body.innerHTML = PAGE;
});

afterEach(() => {
  for (const widget of widgets) widget.destroy();
  widgets = [];
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('readDataOptions', () => {
  const rows: Array<[string, Record<string, string>, WidgetOptions]> = [
    ['nothing set', {}, {}],
    ['root and glossary', { 'data-root': '#report', 'data-glossary': '/g.json' }, { root: '#report', glossary: '/g.json' }],
    ['exclude is one selector list', { 'data-exclude': '.nav, footer' }, { exclude: '.nav, footer' }],
    ['bare first-only means on', { 'data-first-only': '' }, { firstOnly: true }],
    ['first-only="false"', { 'data-first-only': 'false' }, { firstOnly: false }],
    ['unknown="off"', { 'data-unknown': 'off' }, { unknown: false }],
    ['unknown="on"', { 'data-unknown': 'on' }, { unknown: true }],
    ['theme and locale', { 'data-theme': 'dark', 'data-locale': 'en' }, { theme: 'dark', locale: 'en' }],
    ['mode highlight', { 'data-mode': 'highlight' }, { mode: 'highlight' }],
    ['unrecognised flag value is ignored', { 'data-first-only': 'maybe' }, {}],
    ['unrecognised theme is ignored', { 'data-theme': 'purple' }, {}],
    ['unrecognised mode is ignored', { 'data-mode': 'blink' }, {}],
    ['blank root is ignored', { 'data-root': '  ' }, {}],
    ['bare collection means beside the script', { 'data-collection': '' }, { collection: '' }],
    ['collection URL', { 'data-collection': ' /static/collection.json ' }, { collection: '/static/collection.json' }],
    ['region code', { 'data-region': '310115' }, { region: '310115' }],
    ['region name', { 'data-region': '浦东新区' }, { region: '浦东新区' }],
    ['blank region is ignored', { 'data-region': ' ' }, {}],
    ['mode in capitals', { 'data-mode': 'HIGHLIGHT' }, { mode: 'highlight' }],
  ];
  it.each(rows)('%s', (_name, attributes, expected) => {
    const script = document.createElement('script');
    for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
    expect(readDataOptions(script)).toEqual(expected);
  });
});

describe('init', () => {
  it('annotates the root with an inline pack, without fetching anything', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const detail = await newWidget().init({ glossary: fixturePack(), root: '#report' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(detail?.matches).toBe(5);
    const terms = markedTerms(document.querySelector('#report')!).map(onlyCjk);
    expect(terms).toEqual(expect.arrayContaining(['六稳', '六保', '三重一大']));
    expect(markedTerms(document.querySelector('.nav')!)).toEqual([]);
  });

  it('fetches the glossary URL once, relative to the page', async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify(fixturePack())));
    vi.stubGlobal('fetch', fetchSpy);
    const detail = await newWidget().init({ glossary: 'data/glossary-fetch-once.json', root: '#report' });
    expect(detail?.matches).toBe(5);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(String((fetchSpy.mock.calls[0] as unknown[])[0])).toBe(new URL('data/glossary-fetch-once.json', document.baseURI).href);
  });

  const modes: Array<[string, WidgetOptions, string[]]> = [
    ['everything under body', {}, ['六稳', '六保', '六稳', '六保', '六稳', '三重一大', '六稳']],
    ['exclude as a string', { exclude: '.nav' }, ['六稳', '六保', '六稳', '三重一大', '六稳']],
    ['exclude as a list', { exclude: ['.nav', '.aside'] }, ['六稳', '六保', '六稳', '三重一大']],
    ['first occurrence only', { firstOnly: true }, ['六稳', '六保', '三重一大']],
    ['first occurrence only, header excluded', { firstOnly: true, exclude: '.nav' }, ['六稳', '六保', '三重一大']],
  ];
  it.each(modes)('marks %s', async (_name, options, expected) => {
    const detail = await newWidget().init({ glossary: fixturePack(), unknown: false, ...options });
    expect(markedTerms().map(onlyCjk)).toEqual(expected);
    expect(detail?.matches).toBe(expected.length);
  });

  it('first occurrence only leaves the later ones unmarked', async () => {
    await newWidget().init({ glossary: fixturePack(), firstOnly: true, root: '#report' });
    expect(document.querySelector('.aside pg-term')).toBeNull();
  });

  it('marks unknown slogans unless unknown is off', async () => {
    const on = await newWidget().init({ glossary: fixturePack(), root: '#report' });
    expect(on?.unknown).toBe(1);
    expect(markedTerms().map(onlyCjk)).toContain('四个意识');
    widgets[0]!.destroy();
    const off = await newWidget().init({ glossary: fixturePack(), root: '#report', unknown: false });
    expect(off?.unknown).toBe(0);
    expect(markedTerms().map(onlyCjk)).not.toContain('四个意识');
  });

  const looks: Array<[string, WidgetOptions, string, string]> = [
    ['default: follows the system, Chinese UI', {}, 'pg-auto', 'zh-CN'],
    ['dark theme', { theme: 'dark' }, 'pg-dark', 'zh-CN'],
    ['light theme, English UI', { theme: 'light', locale: 'en' }, 'pg-light', 'en'],
  ];
  it.each(looks)('tooltip look: %s', async (_name, options, themeClass, lang) => {
    await newWidget().init({ glossary: fixturePack(), root: '#report', ...options });
    document.querySelector<HTMLElement>('#report pg-term')!.focus();
    const root = await vi.waitFor(() => document.querySelector('policy-glossary-ui')!.shadowRoot!.querySelector('.pg-root')!);
    expect(root?.classList.contains(themeClass)).toBe(true);
    expect(root?.getAttribute('lang')).toBe(lang);
  });

  it('wraps terms in focusable elements, so Tab reaches them', async () => {
    await newWidget().init({ glossary: fixturePack(), root: '#report' });
    const first = document.querySelector('pg-term');
    expect(first?.getAttribute('tabindex')).toBe('0');
  });
});

describe('annotate', () => {
  it('adds a second root, and a root around earlier ones replaces them without double marks', async () => {
    const widget = newWidget();
    await widget.init({ glossary: fixturePack(), root: '#report', unknown: false });
    expect(markedTerms(document.querySelector('.nav')!)).toEqual([]);

    const nav = await widget.annotate('.nav');
    expect(nav).toMatchObject({ matches: 2, root: document.querySelector('.nav') });
    expect(markedTerms(document.querySelector('.nav')!).map(onlyCjk)).toEqual(['六稳', '六保']);

    const all = await widget.annotate(document.body);
    expect(all?.matches).toBe(7);
    expect(document.querySelectorAll('pg-term pg-term')).toHaveLength(0);
    expect(markedTerms()).toHaveLength(7);
  });

  it('before init it warns and does nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(newWidget().annotate('#report')).resolves.toBeUndefined();
    expect(document.querySelector('pg-term')).toBeNull();
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\].*init\(\)/);
  });
});

describe('the annotated event', () => {
  it('fires on document after each pass with the counts of that pass', async () => {
    const details: AnnotatedDetail[] = [];
    const listener = (event: Event) => details.push((event as CustomEvent<AnnotatedDetail>).detail);
    document.addEventListener(ANNOTATED_EVENT, listener);
    try {
      const widget = newWidget();
      await widget.init({ glossary: fixturePack(), root: '#report' });
      expect(details.at(-1)).toMatchObject({ matches: 5, unknown: 1, root: document.querySelector('#report') });
      expect(details.at(-1)!.ms).toBeGreaterThanOrEqual(0);

      const extra = document.createElement('p');
      extra.textContent = '坚持“三重一大”。';
      document.querySelector('#report')!.append(extra);
      const again = await widget.annotate();
      expect(again).toMatchObject({ matches: 6, unknown: 1 });
      expect(again!.ms).toBeGreaterThan(0);
      expect(details.at(-1)).toMatchObject({ matches: 6, unknown: 1 });
    } finally {
      document.removeEventListener(ANNOTATED_EVENT, listener);
    }
  });

  it('a listener that throws does not break the widget', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const listener = () => {
      throw new Error('page bug');
    };
    document.addEventListener(ANNOTATED_EVENT, listener);
    try {
      const detail = await newWidget().init({ glossary: fixturePack(), root: '#report' });
      expect(detail?.matches).toBe(5);
    } finally {
      document.removeEventListener(ANNOTATED_EVENT, listener);
      warn.mockRestore();
    }
  });
});

describe('destroy', () => {
  const cases: Array<[string, WidgetOptions]> = [
    ['whole body', {}],
    ['first only', { firstOnly: true }],
    ['root with exclusions', { root: '#report', exclude: '.aside' }],
  ];
  it.each(cases)('restores the exact page (%s)', async (_name, options) => {
    const before = document.body.innerHTML;
    const widget = newWidget();
    await widget.init({ glossary: fixturePack(), ...options });
    expect(document.body.innerHTML).not.toBe(before);
    widget.destroy();
    expect(document.body.innerHTML).toBe(before);
    expect(document.querySelectorAll('[data-policy-glossary-ui]').length).toBe(0);
  });

  it('a second init replaces the first instead of marking twice', async () => {
    const widget = newWidget();
    await widget.init({ glossary: fixturePack(), root: '#report' });
    await widget.init({ glossary: fixturePack(), root: '#report', firstOnly: true });
    expect(markedTerms().map(onlyCjk)).toEqual(['六稳', '六保', '三重一大', '四个意识']);
  });
});

describe('bad glossaries never throw into the page', () => {
  const bad: Array<[string, () => WidgetOptions, RegExp]> = [
    ['an inline object that is not a pack', () => ({ glossary: { hello: 'world' } }), /\[policy-glossary\]/],
    ['a pack with the wrong schema version', () => ({ glossary: { ...fixturePack(), schemaVersion: 99 } }), /\[policy-glossary\]/],
    ['a URL answering 404', () => {
      vi.stubGlobal('fetch', vi.fn(async () => new Response('nope', { status: 404 })));
      return { glossary: '/missing-404.json' };
    }, /404/],
    ['a URL answering HTML', () => {
      vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>oops</html>')));
      return { glossary: '/not-json.json' };
    }, /not-json\.json/],
    ['a network failure', () => {
      vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
      return { glossary: '/offline.json' };
    }, /offline\.json/],
  ];
  it.each(bad)('%s: warns once, resolves undefined, leaves the page as it was', async (_name, options, reason) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const before = document.body.innerHTML;
    await expect(newWidget().init(options())).resolves.toBeUndefined();
    expect(document.body.innerHTML).toBe(before);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\]/);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(reason);
  });

  it('a root selector that matches nothing warns and marks nothing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(newWidget().init({ glossary: fixturePack(), root: '#nope' })).resolves.toBeUndefined();
    expect(document.querySelector('pg-term')).toBeNull();
    expect(warn.mock.calls[0]!.join(' ')).toContain('#nope');
  });

  it('a good glossary loads silently', async () => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    await newWidget().init({ glossary: fixturePack() });
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});
