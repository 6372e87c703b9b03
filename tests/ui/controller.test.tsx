import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UI_HOST_ATTRIBUTE } from '../../src/ui/annotator-contract';
import type { PageMatch } from '../../src/ui/annotator-contract';
import { mountGlossaryUI } from '../../src/ui/controller';
import type { GlossaryUI, GlossaryUIOptions } from '../../src/ui/controller';
import { sloganUsage } from '../../src/core/slogan-usage';
import type { PackEntry } from '../../src/core/types';
import type { Anchor } from '../../src/ui/position';
import { createStrings } from '../../src/ui/strings';
import { TOOLTIP_STYLES } from '../../src/ui/styles';
import { SENSE_VIEWS } from '../../src/ui/sense-views';
import { fakeAnnotator, pageWithMatches, uiPack } from './fixtures';

const pack = uiPack();
const PAGE = '<p>扎实做好六稳工作，全面落实六保任务。</p><p>推进十大攻坚，坚持三会一代理。</p><button id="before">页面按钮</button>';

let ui: GlossaryUI | undefined;
afterEach(() => {
  ui?.destroy();
  ui = undefined;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function setup(options: Partial<GlossaryUIOptions> = {}, wrap = false) {
  const matches = pageWithMatches(pack, PAGE, wrap);
  const { annotator, at } = fakeAnnotator(matches);
  ui = mountGlossaryUI({ annotator, pack, strings: createStrings('zh-CN'), styles: TOOLTIP_STYLES, hoverDelay: 30, ...options });
  const shadow = ui.host.shadowRoot;
  if (!shadow) throw new Error('the tooltip host has no open shadow root');
  const tip = () => shadow.querySelector<HTMLElement>('[role="tooltip"],[role="dialog"]');
  return { matches, annotator, at, shadow, tip, host: ui.host };
}

const key = (target: EventTarget, keyName: string, mods: KeyboardEventInit = {}) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, composed: true, cancelable: true, ...mods }));
const next = () => key(document.body, 'ArrowRight', { altKey: true, shiftKey: true });
const previous = () => key(document.body, 'ArrowLeft', { altKey: true, shiftKey: true });
const move = (target: EventTarget, x = 10, y = 10, pointerType = 'mouse') =>
  target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType, bubbles: true, composed: true }));
const heading = (tip: HTMLElement | null) => tip?.querySelector('h3')?.textContent;

describe('tooltip host', () => {
  it('is a marked custom element under <html> with an open shadow root', () => {
    const { host } = setup();
    expect(host.localName).toBe('policy-glossary-ui');
    expect(host.hasAttribute(UI_HOST_ATTRIBUTE)).toBe(true);
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot?.mode).toBe('open');
  });

  it('takes its CSS from a promise (the extension asks the background), ahead of the sheets added meanwhile', async () => {
    let send: (css: string) => void = () => {};
    const { shadow } = setup({ styles: new Promise<string>((resolve) => (send = resolve)), senses: { choose: () => undefined, views: { ...SENSE_VIEWS, styles: '.pg-sense-test{color:blue}' } } });
    const css = (): string[] => [...shadow.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('')), ...[...shadow.querySelectorAll('style')].map((style) => style.textContent ?? '')];
    expect(css().join('')).not.toContain('pg-tip');
    send(TOOLTIP_STYLES);
    await Promise.resolve();
    await Promise.resolve();
    const sheets = css();
    expect(sheets.findIndex((text) => text.includes('.pg-tip'))).toBe(0);
    expect(sheets.findIndex((text) => text.includes('pg-sense-test'))).toBeGreaterThan(0);
  });

  it.each([
    [undefined, 'pg-auto'],
    ['dark', 'pg-dark'],
    ['light', 'pg-light'],
  ] as const)('theme %s gives the root class %s', (theme, cls) => {
    const { shadow } = setup({ theme });
    expect(shadow.querySelector('.pg-root')?.classList.contains(cls)).toBe(true);
  });

  it('is removed with its listeners on destroy', () => {
    const { annotator, host } = setup();
    ui?.destroy();
    ui = undefined;
    expect(host.isConnected).toBe(false);
    next();
    move(document.body);
    expect(annotator.next).not.toHaveBeenCalled();
  });
});

describe('keyboard', () => {
  it('Alt+Shift+→ opens the next term as a labelled dialog with focus inside; ← goes back', () => {
    const { annotator, matches, tip, shadow } = setup();
    expect(tip()).toBeNull();
    next();
    expect(tip()?.getAttribute('role')).toBe('dialog');
    const labelId = tip()?.getAttribute('aria-labelledby') ?? '';
    expect(shadow.getElementById(labelId)?.textContent).toBe('六稳');
    expect(shadow.activeElement).toBe(tip());
    expect(annotator.setActive).toHaveBeenLastCalledWith(matches[0]);
    next();
    expect(heading(tip())).toBe('六保');
    previous();
    expect(heading(tip())).toBe('六稳');
  });

  it('walks to unknown slogans and wraps around at the end', () => {
    const { tip } = setup();
    const seen: Array<string | null | undefined> = [];
    for (let i = 0; i < 5; i++) {
      next();
      seen.push(heading(tip()));
    }
    expect(seen).toEqual(['六稳', '六保', '十大攻坚', '三会一代理', '六稳']);
  });

  it('Esc closes the dialog, clears the active mark and returns focus', () => {
    const { annotator, tip } = setup();
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    next();
    expect(document.activeElement).not.toBe(before);
    key(document.body, 'Escape');
    expect(tip()).toBeNull();
    expect(annotator.setActive).toHaveBeenLastCalledWith(undefined);
    expect(document.activeElement).toBe(before);
  });

  it('after Esc the next Alt+Shift+→ continues from the term closed last', () => {
    const { tip } = setup();
    next();
    next();
    key(document.body, 'Escape');
    next();
    expect(heading(tip())).toBe('十大攻坚');
  });

  it.each([
    ['Alt+→ (browser forward)', { altKey: true }],
    ['Shift+→', { shiftKey: true }],
    ['Ctrl+Alt+Shift+→', { altKey: true, shiftKey: true, ctrlKey: true }],
  ])('%s does nothing', (_name, mods) => {
    const { tip } = setup();
    const handled = !key(document.body, 'ArrowRight', mods);
    expect(handled).toBe(false);
    expect(tip()).toBeNull();
  });

  it('still sees the shortcut when the page stops events at the document', () => {
    const { tip } = setup();
    const stop = (event: Event) => event.stopPropagation();
    document.addEventListener('keydown', stop, true);
    try {
      next();
    } finally {
      document.removeEventListener('keydown', stop, true);
    }
    expect(heading(tip())).toBe('六稳');
  });

  it('leaves the shortcut to text fields', () => {
    const { tip } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    key(input, 'ArrowRight', { altKey: true, shiftKey: true });
    expect(tip()).toBeNull();
  });

  it('Esc with nothing open is left to the page', () => {
    setup();
    expect(key(document.body, 'Escape')).toBe(true);
  });
});

describe('focus and taps on wrapped terms', () => {
  it('focusing a term opens a tooltip without taking focus; Enter makes it a dialog', () => {
    const { matches, tip } = setup({}, true);
    const term = matches[1]?.element as HTMLElement;
    term.focus();
    expect(tip()?.getAttribute('role')).toBe('tooltip');
    expect(heading(tip())).toBe('六保');
    expect(document.activeElement).toBe(term);
    key(term, 'Enter');
    expect(tip()?.getAttribute('role')).toBe('dialog');
    key(document.body, 'Escape');
    expect(tip()).toBeNull();
    expect(document.activeElement).toBe(term);
  });

  it('moving focus to something else closes it', () => {
    const { matches, tip } = setup({}, true);
    (matches[0]?.element as HTMLElement).focus();
    expect(tip()).not.toBeNull();
    (document.getElementById('before') as HTMLButtonElement).focus();
    expect(tip()).toBeNull();
  });

  it('a touch tap opens the term under the finger; a tap elsewhere closes', () => {
    const { at, matches, tip } = setup();
    at.match = matches[2];
    document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));
    document.querySelector('p')?.dispatchEvent(new MouseEvent('click', { clientX: 5, clientY: 5, bubbles: true }));
    expect(tip()?.getAttribute('role')).toBe('dialog');
    expect(heading(tip())).toBe('十大攻坚');
    at.match = undefined;
    document.body.dispatchEvent(new MouseEvent('click', { clientX: 500, clientY: 500, bubbles: true }));
    expect(tip()).toBeNull();
  });

  it('a mouse click on a wrapped term (a button) opens its dialog', () => {
    const { at, matches, tip } = setup({}, true);
    at.match = matches[1];
    matches[1]?.element?.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }));
    matches[1]?.element?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(tip()?.getAttribute('role')).toBe('dialog');
    expect(heading(tip())).toBe('六保');
  });

  it('a mouse click on plain highlighted text does not open a dialog', () => {
    const { at, matches, tip } = setup();
    at.match = matches[0];
    document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }));
    document.querySelector('p')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(tip()).toBeNull();
  });
});

describe('hover', () => {
  it('opens after the delay, stays while the pointer is on the tooltip, closes after leaving both', async () => {
    const { at, matches, tip, host } = setup();
    at.match = matches[0];
    move(document.querySelector('p') as Element);
    await new Promise((r) => setTimeout(r, 10));
    expect(tip()).toBeNull();
    await vi.waitFor(() => expect(tip()?.getAttribute('role')).toBe('tooltip'));
    expect(heading(tip())).toBe('六稳');

    at.match = undefined;
    move(document.body, 300, 300);
    await new Promise((r) => setTimeout(r, 50));
    move(host);
    await new Promise((r) => setTimeout(r, 600));
    expect(tip()).not.toBeNull();

    move(document.body, 300, 300);
    await vi.waitFor(() => expect(tip()).toBeNull());
  });

  it('Esc dismisses a hover tooltip without moving focus', async () => {
    const { at, matches, tip } = setup();
    const before = document.getElementById('before') as HTMLButtonElement;
    before.focus();
    at.match = matches[0];
    move(document.body);
    await vi.waitFor(() => expect(tip()).not.toBeNull());
    key(document.body, 'Escape');
    expect(tip()).toBeNull();
    expect(document.activeElement).toBe(before);
  });

  it('does not open when the pointer leaves before the delay', async () => {
    const { at, matches, tip } = setup({ hoverDelay: 80 });
    at.match = matches[0];
    move(document.body);
    await new Promise((r) => setTimeout(r, 30));
    at.match = undefined;
    move(document.body, 300, 300);
    await new Promise((r) => setTimeout(r, 150));
    expect(tip()).toBeNull();
  });

  it('ignores touch pointer moves (scrolling)', async () => {
    const { at, matches, tip } = setup();
    at.match = matches[0];
    move(document.body, 10, 10, 'touch');
    await new Promise((r) => setTimeout(r, 100));
    expect(tip()).toBeNull();
  });
});

describe('hover while the page re-renders the term under a resting pointer', () => {
  /**
   * A framework render: the first paragraph's text node is replaced by an identical one (or by
   * `text`); returns the matches the annotator will find in it, by term, once its next pass ran.
   */
  const rerender = (text?: string): Map<string, PageMatch> => {
    const paragraph = document.querySelector('p') as HTMLParagraphElement;
    const stale = paragraph.firstChild as Text;
    const rendered = document.createTextNode(text ?? stale.data);
    stale.replaceWith(rendered);
    const found = new Map<string, PageMatch>();
    for (const entry of pack.entries) {
      const at = rendered.data.indexOf(entry.term);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(rendered, at);
      range.setEnd(rendered, at + entry.term.length);
      found.set(entry.term, { id: 1000 + found.size, range, start: at, end: at + entry.term.length, text: entry.term, kind: 'term', entryId: entry.id, term: entry.term });
    }
    return found;
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  type Setup = ReturnType<typeof setup>;
  /**
   * Each row drives one story (hover delay 150 ms); the pointer does not move after its first
   * `move` unless the row says so. `drive` returns the match under the pointer at the end.
   */
  const rows: Array<{ story: string; drive: (s: Setup) => Promise<PageMatch | undefined>; shown: string | null }> = [
    {
      story: 'the hover delay ends while the new text has no match yet',
      drive: async ({ at, matches }) => {
        at.match = matches[0];
        move(document.body);
        await sleep(100);
        const fresh = rerender();
        at.match = undefined;
        await sleep(120);
        at.match = fresh.get('六稳');
        return at.match;
      },
      shown: '六稳',
    },
    {
      story: 'the pointer arrives while the new text has no match yet',
      drive: async ({ at }) => {
        const fresh = rerender();
        at.match = undefined;
        move(document.body);
        await sleep(100);
        at.match = fresh.get('六稳');
        return at.match;
      },
      shown: '六稳',
    },
    {
      story: 'the tooltip is open and the pointer twitches while the new text has no match yet',
      drive: async ({ at, matches, tip }) => {
        at.match = matches[0];
        move(document.body);
        await vi.waitFor(() => expect(heading(tip())).toBe('六稳'));
        const fresh = rerender();
        at.match = undefined;
        move(document.body, 11, 10);
        await sleep(100);
        at.match = fresh.get('六稳');
        // Longer than the grace a pointer has to reach the tooltip.
        await sleep(600);
        return at.match;
      },
      shown: '六稳',
    },
    {
      story: 'the render puts another term under the pointer',
      drive: async ({ at, matches }) => {
        at.match = matches[0];
        move(document.body);
        await sleep(100);
        const fresh = rerender('扎实做好六保工作，全面落实六保任务。');
        at.match = undefined;
        await sleep(120);
        at.match = fresh.get('六保');
        return at.match;
      },
      shown: '六保',
    },
    {
      story: 'the render removes the term for good',
      drive: async ({ at, matches }) => {
        at.match = matches[0];
        move(document.body);
        await sleep(100);
        document.querySelector('p')?.remove();
        at.match = undefined;
        return undefined;
      },
      shown: null,
    },
  ];

  it('a pointer leaving a term the page keeps re-rendering closes its tooltip on the usual grace', async () => {
    const { at, matches, tip } = setup({ hoverDelay: 150 });
    at.match = matches[0];
    move(document.body);
    await vi.waitFor(() => expect(heading(tip())).toBe('六稳'));
    rerender();
    at.match = undefined;
    move(document.body, 300, 300);
    await sleep(700);
    expect(tip()).toBeNull();
  });

  it.each(rows.map((row) => [`${row.story}: ${row.shown === null ? 'no tooltip' : `the tooltip of ${row.shown}`}`, row] as const))('%s', async (_title, { drive, shown }) => {
    const context = setup({ hoverDelay: 150 });
    const seen = new Set<string | null | undefined>();
    const observer = new MutationObserver(() => seen.add(heading(context.tip())));
    observer.observe(context.shadow, { childList: true, subtree: true });
    try {
      const under = await drive(context);
      if (shown === null) {
        await sleep(1500);
        expect(context.tip()).toBeNull();
      } else {
        await vi.waitFor(() => expect(heading(context.tip())).toBe(shown), { timeout: 2000 });
        // The tooltip belongs to the term on the page now (its active mark), not to the text the page threw away.
        expect(context.annotator.setActive).toHaveBeenLastCalledWith(under);
      }
      await sleep(50);
      expect([...seen].filter((h) => h !== undefined && h !== shown)).toEqual([]);
    } finally {
      observer.disconnect();
    }
  });
});

describe('tooltip content', () => {
  it('related term shows the other entry in the same tooltip, with a way back', () => {
    const { tip } = setup();
    next();
    const related = [...(tip()?.querySelectorAll<HTMLButtonElement>('.pg-related button') ?? [])];
    expect(related.map((b) => b.textContent)).toEqual(['六保']);
    act(() => related[0]?.click());
    expect(heading(tip())).toBe('六保');
    const back = [...(tip()?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => b.textContent?.includes('返回'));
    act(() => back?.click());
    expect(heading(tip())).toBe('六稳');
  });

  it('an unknown slogan says what it is and offers to add it', () => {
    const onAddToGlossary = vi.fn();
    const { matches, tip } = setup({ onAddToGlossary });
    ui?.open(matches[2] as PageMatch, 'keyboard');
    expect(tip()?.textContent).toContain('这是一个编号提法');
    // The UI pack has no term with the same numeral: nothing close is offered.
    expect(tip()?.querySelector('[data-list="close-terms"]')).toBeNull();
    const add = [...(tip()?.querySelectorAll('button') ?? [])].find((b) => b.textContent === '添加到我的词库');
    add?.click();
    expect(onAddToGlossary).toHaveBeenCalledWith(matches[2]);
  });

  it('an unknown term without a numeral (a quoted coinage) is not called a numbered slogan', () => {
    const { matches, tip } = setup();
    ui?.open({ ...(matches[2] as PageMatch), text: '人工智能+' }, 'keyboard');
    expect(heading(tip())).toBe('人工智能+');
    expect(tip()?.textContent).toContain('这是一个政策提法');
    expect(tip()?.textContent).not.toContain('编号提法');
    // A digit before a Latin letter names a technology (5G), not a count.
    ui?.open({ ...(matches[2] as PageMatch), text: '5G+' }, 'keyboard');
    expect(heading(tip())).toBe('5G+');
    expect(tip()?.textContent).toContain('这是一个政策提法');
    // A numeral inside a word (四川, 一流) counts nothing; one opening the name or a part does.
    ui?.open({ ...(matches[2] as PageMatch), text: '美丽四川·宜居乡村' }, 'keyboard');
    expect(tip()?.textContent).toContain('这是一个政策提法');
    ui?.open({ ...(matches[2] as PageMatch), text: '1+N' }, 'keyboard');
    expect(tip()?.textContent).toContain('这是一个编号提法');
    ui?.open({ ...(matches[2] as PageMatch), text: '滨江女性六大行动' }, 'keyboard');
    expect(tip()?.textContent).toContain('这是一个编号提法');
  });

  it('an unknown slogan offers the glossary’s close terms (same numeral, a shared character), each opening in place', () => {
    const close = { ...(pack.entries[0] as (typeof pack.entries)[number]), id: 'shi-da-gong-cheng', term: '十大工程攻坚', forms: ['十大工程攻坚'] };
    const other = { ...close, id: 'jiu-da', term: '九大攻坚', forms: ['九大攻坚'] };
    const withClose = { ...pack, entries: [...pack.entries, close, other] };
    const { matches, tip } = setup({ pack: withClose, sloganUsage: (text) => sloganUsage(withClose.entries, withClose.documents, text) });
    ui?.open(matches[2] as PageMatch, 'keyboard');
    const offered = [...(tip()?.querySelectorAll('[data-list="close-terms"] button') ?? [])].map((b) => b.textContent);
    expect(offered).toEqual(['十大工程攻坚']);
    act(() => (tip()?.querySelector('[data-list="close-terms"] button') as HTMLButtonElement).click());
    expect(heading(tip())).toBe('十大工程攻坚');
  });

  it('an unknown slogan names the same words numbered otherwise and the definitions that use it, each with its place and year', () => {
    const base = pack.entries[0] as (typeof pack.entries)[number];
    const doc = pack.documents.length;
    const documents = [...pack.documents, { title: '乙市报告', kind: '名词解释' as const, year: 2022, region: { code: '120000', name: '乙市', level: 'city' as const } }];
    const nine = { ...base, id: 'jiu-da-gong-jian', term: '九大攻坚', forms: ['九大攻坚'], doc, definition: '九项。', items: undefined };
    const user = { ...base, id: 'gong-jian-nian', term: '攻坚年', forms: ['攻坚年'], doc, definition: '围绕十大攻坚开展攻坚年活动。', items: undefined };
    const withUsage = { ...pack, documents, entries: [...pack.entries, nine, user] };
    const { matches, tip } = setup({ pack: withUsage, sloganUsage: (text) => sloganUsage(withUsage.entries, withUsage.documents, text) });
    ui?.open(matches[2] as PageMatch, 'keyboard');
    const listed = (name: string) => [...(tip()?.querySelectorAll(`[data-list="${name}"] li`) ?? [])].map((li) => li.textContent);
    expect(listed('other-numbers')).toEqual(['九大攻坚乙市 · 2022年']);
    expect(listed('used-in')).toEqual(['攻坚年乙市 · 2022年']);
    expect(tip()?.querySelector('[data-list="used-in"] p')?.textContent).toBe('用到它的名词解释（1 份报告）');
    expect(tip()?.querySelector('[data-field="used-nowhere"]')).toBeNull();
    act(() => (tip()?.querySelector('[data-list="used-in"] button') as HTMLButtonElement).click());
    expect(heading(tip())).toBe('攻坚年');
  });

  it('an unknown slogan no definition uses says so, once its usage has come; nothing is claimed while it is on its way', () => {
    const reply: { usage?: ReturnType<typeof sloganUsage<PackEntry>> } = {};
    const asked: string[] = [];
    const { matches, tip } = setup({ sloganUsage: (text) => (asked.push(text), reply.usage) });
    ui?.open(matches[2] as PageMatch, 'keyboard');
    expect(tip()?.querySelector('[data-field="used-nowhere"], [data-list]')).toBeNull();
    reply.usage = sloganUsage(pack.entries, pack.documents, '十大攻坚');
    ui?.refresh();
    expect(tip()?.querySelector('[data-field="used-nowhere"]')?.textContent).toBe('词库收录的各地名词解释中都没有用到它。');
    expect(new Set(asked)).toEqual(new Set(['十大攻坚']));
  });

  it('an unknown slogan has no add button when adding is not offered', () => {
    const { matches, tip } = setup();
    ui?.open(matches[2] as PageMatch, 'hover');
    expect(tip()?.textContent).not.toContain('添加到我的词库');
  });

  it('a fuzzy match suggests the entry it is probably', () => {
    const { matches, tip } = setup();
    const fuzzy: PageMatch = { ...(matches[0] as PageMatch), id: 99, kind: 'fuzzy', text: '五大倍增计划', entryId: 'wu-da-bei-zeng' };
    ui?.open(fuzzy, 'hover');
    expect(tip()?.querySelector('.pg-maybe')?.textContent).toBe('可能是：五大倍增行动');
    expect(heading(tip())).toBe('五大倍增行动');
  });

  it('the close button closes', () => {
    const { tip } = setup();
    next();
    tip()?.querySelector<HTMLButtonElement>('button[aria-label="关闭"]')?.click();
    expect(tip()).toBeNull();
  });

  it('English strings in the UI, the official term stays Chinese', () => {
    const { tip } = setup({ strings: createStrings('en-US') });
    next();
    expect(heading(tip())).toBe('六稳');
    expect(tip()?.querySelector('.pg-copy')?.textContent).toBe('Copy');
    expect(tip()?.querySelector('button[aria-label="Close"]')).not.toBeNull();
  });
});

describe('positioning', () => {
  it('anchors the tooltip to the match through the positioner and stops it on close', () => {
    const stop = vi.fn();
    const positioner = vi.fn((_anchor: Anchor, _tip: HTMLElement) => stop);
    const { matches, tip } = setup({ positioner });
    next();
    expect(positioner).toHaveBeenCalledTimes(1);
    const [anchor, element] = positioner.mock.calls[0] ?? [];
    expect(element).toBe(tip());
    expect(anchor?.contextElement).toBe(matches[0]?.range.startContainer.parentElement);
    key(document.body, 'Escape');
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it('closes the tooltip when the page removes the term and it does not come back', async () => {
    const positioner = vi.fn((anchor: Anchor) => {
      anchor.getBoundingClientRect();
      return () => undefined;
    });
    const { matches, tip } = setup({ positioner });
    ui?.open(matches[0] as PageMatch, 'hover');
    document.querySelector('p')?.remove();
    positioner.mock.calls[0]?.[0].getBoundingClientRect();
    await new Promise((r) => setTimeout(r, 200));
    expect(tip()).not.toBeNull();
    await vi.waitFor(() => expect(tip()).toBeNull(), { timeout: 2000 });
  });
});

describe('showEntry and robustness', () => {
  it.each([
    ['liu-bao', true, '六保'],
    ['wu-da-bei-zeng', false, undefined],
  ])('showEntry(%s) → %s', (id, found, shown) => {
    const { tip } = setup();
    expect(ui?.showEntry(id)).toBe(found);
    expect(heading(tip())).toBe(shown);
  });

  it('an annotator that throws never reaches the page', () => {
    const { annotator, tip } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    annotator.next.mockImplementation(() => {
      throw new Error('boom');
    });
    const pageErrors: unknown[] = [];
    const onError = (event: ErrorEvent) => pageErrors.push(event.error);
    window.addEventListener('error', onError);
    next();
    window.removeEventListener('error', onError);
    expect(pageErrors).toEqual([]);
    expect(warn).toHaveBeenCalledWith('[policy-glossary]', expect.any(Error));
    expect(tip()).toBeNull();
  });
});
