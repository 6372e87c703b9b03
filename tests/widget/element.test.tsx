// The <policy-glossary> element in happy-dom: the searchable panel, one entry by term, its own
// glossary URL, hostile glossary text, and that the page annotator never marks inside it.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chunks } from '../../src/widget/chunks';
import { defineGlossaryElement, GLOSSARY_ELEMENT } from '../../src/widget/element';
import { createWidget } from '../../src/widget/widget';
import { fixturePack, HOSTILE_DEFINITION, LIU_WEN_DEFINITION } from './pack-fixture';

const widget = createWidget(document);

const settle = async () => {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Adds an element with `attributes` and waits until it has rendered. */
async function place(attributes: Record<string, string> = {}): Promise<ShadowRoot> {
  const element = document.createElement(GLOSSARY_ELEMENT);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle();
  return element.shadowRoot!;
}

const itemTexts = (shadow: ShadowRoot) => [...shadow.querySelectorAll('ul > li')].map((li) => li.textContent ?? '');

async function search(shadow: ShadowRoot, query: string): Promise<void> {
  const input = shadow.querySelector('input')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}

beforeAll(async () => {
  defineGlossaryElement(window, widget, chunks);
  // Loaded once here, so each test's few event-loop turns need not cover the first module load.
  await Promise.all([chunks.panel(), chunks.definitions()]);
  await widget.init({ glossary: fixturePack() });
});

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('<policy-glossary>', () => {
  it('lists every entry grouped by tag, in a shadow root marked as our UI', async () => {
    const shadow = await place();
    expect(shadow.host.hasAttribute('data-policy-glossary-ui')).toBe(true);
    expect(itemTexts(shadow)).toHaveLength(fixturePack().entries.length);
    const groups = [...shadow.querySelectorAll('h2')].map((h) => h.textContent);
    expect(groups).toEqual(expect.arrayContaining(['经济', '党建']));
    expect(shadow.textContent).toContain(LIU_WEN_DEFINITION);
  });

  const queries: Array<[string, string | undefined]> = [
    ['liuwen', '六稳'],
    ['lw', '六稳'],
    ['六穩', '六稳'],
    ['三重一大', '三重一大'],
    ['szyd', '三重一大'],
    ['zzzzqqq', undefined],
  ];
  it.each(queries)('search "%s" puts %s first', async (query, expected) => {
    const shadow = await place();
    await search(shadow, query);
    const first = itemTexts(shadow)[0];
    if (expected === undefined) expect(first).toBeUndefined();
    else expect(first).toContain(expected);
  });

  it('term="六稳" shows that one entry, and follows attribute changes', async () => {
    const shadow = await place({ term: '六稳' });
    expect(shadow.querySelector('input')).toBeNull();
    expect(shadow.textContent).toContain(LIU_WEN_DEFINITION);
    expect([...shadow.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期']);
    (shadow.host as Element).setAttribute('term', '三重一大');
    await settle();
    expect(shadow.textContent).toContain('重大事项决策');
    expect(shadow.textContent).not.toContain(LIU_WEN_DEFINITION);
  });

  it('a term the glossary lacks says so', async () => {
    const shadow = await place({ term: '七稳' });
    expect(shadow.textContent).toContain('七稳');
    expect(shadow.textContent).toContain('词库中暂无此词');
  });

  it('locale="en" switches the UI words, not the terms', async () => {
    const shadow = await place({ locale: 'en' });
    expect(shadow.querySelector('input')!.getAttribute('aria-label')).toMatch(/[a-z]/i);
    expect(shadow.textContent).toContain('六稳');
  });

  const themes: Array<[Record<string, string>, string]> = [
    [{}, 'pg-auto'],
    [{ theme: 'dark' }, 'pg-dark'],
    [{ theme: 'light', term: '六稳' }, 'pg-light'],
    [{ theme: 'neon' }, 'pg-auto'],
  ];
  it.each(themes)('attributes %o give the %s look', async (attributes, themeClass) => {
    const shadow = await place(attributes);
    expect(shadow.querySelector('.pg-root')?.classList.contains(themeClass)).toBe(true);
  });

  it('glossary="…" loads its own pack', async () => {
    const other = fixturePack();
    other.entries = other.entries.filter((e) => e.id === 'liu-bao');
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify(other)));
    vi.stubGlobal('fetch', fetchSpy);
    const shadow = await place({ glossary: '/element-own-pack.json' });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(itemTexts(shadow)).toHaveLength(1);
    expect(itemTexts(shadow)[0]).toContain('六保');
  });

  it('a glossary URL that fails leaves the element empty and warns once', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('gone', { status: 410 })));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const shadow = await place({ glossary: '/gone-410.json' });
    expect(shadow.textContent).toBe('');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]!.join(' ')).toMatch(/^\[policy-glossary\].*410/);
  });

  it('shows hostile glossary text as text', async () => {
    const shadow = await place({ term: '测试词' });
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('script')).toBeNull();
    expect(shadow.textContent).toContain(HOSTILE_DEFINITION);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('is never annotated by the page annotator', async () => {
    document.body.innerHTML = '<p>扎实做好六稳工作。</p>';
    const shadow = await place();
    const detail = await widget.init({ glossary: fixturePack() });
    expect(detail?.matches).toBe(1);
    expect(document.querySelectorAll('pg-term')).toHaveLength(1);
    expect(shadow.querySelector('pg-term')).toBeNull();
    widget.destroy();
  });
});
