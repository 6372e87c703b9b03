import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackEntry } from '../../src/core/types';
import { EntryCard, findEntry, formatEntryText, formatSource } from '../../src/ui/entry-card';
import type { EntryCardProps } from '../../src/ui/entry-card';
import { createStrings } from '../../src/ui/strings';
import { HOSTILE, RLO, uiPack } from './fixtures';

const zh = createStrings('zh-CN');
const en = createStrings('en');
const pack = uiPack();
const entry = (id: string): PackEntry => {
  const found = findEntry(pack, id);
  if (!found) throw new Error(`fixture has no ${id}`);
  return found;
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
  vi.restoreAllMocks();
});

const show = (id: string, props: Partial<EntryCardProps> = {}) => {
  act(() => render(<EntryCard entry={entry(id)} pack={pack} strings={zh} {...props} />, container));
  return container;
};

describe('EntryCard content', () => {
  it('shows the expansion as a numbered list in the glossary order', () => {
    const items = [...show('liu-wen').querySelectorAll('ol > li')].map((li) => li.textContent);
    expect(items).toEqual(['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期']);
  });

  it('has no list for an entry without items', () => {
    expect(show('san-hui').querySelector('ol')).toBeNull();
  });

  it.each([
    ['liu-wen', zh, '来源：《某镇上半年政府工作情况报告》 · 某镇人民政府 · 2020年8月18日 · 脚注 1'],
    ['wu-da-bei-zeng', zh, '来源：《某区名词解释汇编》 · 2021年3月 · 名词解释第 7 条'],
    ['liu-wen', en, 'Source: 《某镇上半年政府工作情况报告》 · 某镇人民政府 · 2020-08-18 · footnote 1'],
    ['san-hui', zh, '来源：《编者补充》'],
  ])('source line of %s', (id, strings, expected) => {
    expect(show(id, { strings }).querySelector('.pg-src')?.textContent).toBe(expected);
  });

  it.each([
    ['san-hui', '编辑补充'],
    ['liu-wen', null],
  ])('editorial label on %s: %s', (id, label) => {
    expect(show(id).querySelector('.pg-badge')?.textContent ?? null).toBe(label);
  });

  it('labels editorial entries in English too', () => {
    expect(show('san-hui', { strings: en }).querySelector('.pg-badge')?.textContent).toBe('Editorial');
  });

  it.each([
    ['zh-CN', zh, false],
    ['en', en, true],
  ] as const)('shows the English gloss to a %s reader: %s', (_locale, strings, shown) => {
    expect((show('liu-wen', { strings }).textContent ?? '').includes('six stabilities')).toBe(shown);
  });

  it('shows the note', () => {
    expect(show('san-hui').querySelector('.pg-note')?.textContent).toBe('说明各地表述不完全相同。');
  });

  it.each([
    ['zh-CN', zh, ['pg-items', 'pg-def']],
    ['en', en, ['pg-en', 'pg-items', 'pg-def']],
  ] as const)('orders expansion, definition and English gloss for a %s reader', (_locale, strings, order) => {
    const card = show('liu-wen', { strings });
    const blocks = [...card.querySelectorAll('.pg-items, .pg-def, .pg-en')].map((node) => node.classList[0]);
    expect(blocks).toEqual(order);
  });

  it('puts the heading id where aria-labelledby can find it', () => {
    expect(show('liu-wen', { headingId: 't1' }).querySelector('#t1')?.textContent).toBe('六稳');
  });
});

describe('EntryCard with hostile text', () => {
  it('shows markup in term, definition and items as text and creates no element from it', () => {
    const root = show('hostile');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('h3')?.textContent).toBe(`坏词${HOSTILE}`);
    expect(root.querySelector('.pg-def')?.textContent).toBe(`定义${HOSTILE}</script>{{x}}`);
    expect(root.querySelector('li')?.textContent).toBe(HOSTILE);
  });
});

describe('EntryCard with bidi overrides', () => {
  it('keeps each part of the source line in its own element, so an override cannot reorder the others', () => {
    const parts = [...show('hostile').querySelectorAll('.pg-src span')].map((span) => span.textContent);
    expect(parts).toEqual([`《${RLO}倒序标题》`, '2020年1月2日', '脚注 9']);
  });
});

describe('EntryCard related terms', () => {
  it('offers known related entries as buttons and skips unknown ids', () => {
    const onShowEntry = vi.fn();
    const buttons = [...show('liu-wen', { onShowEntry }).querySelectorAll('.pg-related button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['六保']);
    act(() => (buttons[0] as HTMLButtonElement).click());
    expect(onShowEntry).toHaveBeenCalledWith('liu-bao');
  });

  it('lists related terms as plain text without a handler', () => {
    const root = show('liu-wen');
    expect(root.querySelector('.pg-related button')).toBeNull();
    expect(root.querySelector('.pg-related')?.textContent).toContain('六保');
  });
});

describe('copy', () => {
  const expected = [
    '六稳：做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作。',
    '1. 稳就业',
    '2. 稳金融',
    '3. 稳外贸',
    '4. 稳外资',
    '5. 稳投资',
    '6. 稳预期',
    '来源：《某镇上半年政府工作情况报告》 · 某镇人民政府 · 2020年8月18日 · 脚注 1',
  ].join('\n');

  it('formats term：definition, numbered items and source', () => {
    expect(formatEntryText(entry('liu-wen'), pack.documents[0], zh)).toBe(expected);
  });

  it('formats an entry without definition or items as its term and source', () => {
    const bare: PackEntry = { id: 'x', term: '一网通办', status: 'editorial', doc: 9, forms: ['一网通办'], keys: [] };
    expect(formatEntryText(bare, undefined, zh)).toBe('一网通办');
    expect(formatSource(bare, undefined, zh)).toBe('');
  });

  it('writes the text to the clipboard and confirms with 已复制', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const button = show('liu-wen').querySelector<HTMLButtonElement>('.pg-copy');
    expect(button?.textContent).toBe('复制');
    await act(async () => button?.click());
    await vi.waitFor(() => expect(button?.textContent).toBe('已复制'));
    expect(writeText).toHaveBeenCalledWith(expected);
  });

  it('falls back to execCommand when the Clipboard API refuses', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({
      writeText: () => Promise.reject(new Error('NotAllowedError')),
    } as unknown as Clipboard);
    let selected = '';
    const execCommand = vi.fn((command: string) => {
      selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? container.querySelector('textarea')?.value ?? '';
      return command === 'copy';
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const button = show('liu-wen').querySelector<HTMLButtonElement>('.pg-copy');
    await act(async () => button?.click());
    await vi.waitFor(() => expect(button?.textContent).toBe('已复制'));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(selected).toBe(expected);
    expect(container.querySelector('textarea')).toBeNull();
  });

  it('says so when no way to copy works', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    const button = show('liu-wen').querySelector<HTMLButtonElement>('.pg-copy');
    await act(async () => button?.click());
    await vi.waitFor(() => expect(button?.textContent).toBe(zh.copyFailed));
  });
});
