import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GlossaryPanel, SingleEntry, groupByTag } from '../../src/ui/glossary-panel';
import { createStrings } from '../../src/ui/strings';
import { HOSTILE, uiPack } from './fixtures';

const pack = uiPack();
const zh = createStrings('zh-CN');

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const terms = () => [...container.querySelectorAll('.pg-list h3')].map((h) => h.textContent);

const type = (text: string) => {
  const input = container.querySelector<HTMLInputElement>('input[type="search"]');
  if (!input) throw new Error('no search box');
  act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};

describe('GlossaryPanel', () => {
  beforeEach(() => {
    act(() => render(<GlossaryPanel pack={pack} strings={zh} />, container));
  });

  it('groups every entry by its first tag, untagged last, when nothing is typed', () => {
    const groups = [...container.querySelectorAll('.pg-group')].map((h) => h.textContent);
    expect(groups).toEqual(['经济', '发展', HOSTILE, '测试', '其他']);
    expect(terms()).toHaveLength(pack.entries.length);
    expect(container.querySelector('.pg-count')?.textContent).toBe('共 6 条');
  });

  it.each([
    ['liuwen', '六稳'],
    ['六稳', '六稳'],
    ['六穩', '六稳'],
    ['三会一代理', '三会一代理'],
  ])('search %s lists %s first', (query, first) => {
    type(query);
    expect(terms()[0]).toBe(first);
    expect(container.querySelector('.pg-group')).toBeNull();
  });

  it('says so when nothing matches', () => {
    type('qqqqqqqq');
    expect(terms()).toEqual([]);
    expect(container.querySelector('.pg-count')?.textContent).toBe('没有找到与“qqqqqqqq”相关的术语');
  });

  it('clearing the search shows the groups again', () => {
    type('liuwen');
    type('  ');
    expect(terms()).toHaveLength(pack.entries.length);
  });

  it('a related term brings that entry to the top', () => {
    type('liuwen');
    const related = container.querySelector<HTMLButtonElement>('.pg-related button');
    expect(related?.textContent).toBe('六保');
    act(() => related?.click());
    expect(container.querySelector<HTMLInputElement>('input')?.value).toBe('六保');
    expect(terms()[0]).toBe('六保');
  });

  it('shows hostile tags and text as text', () => {
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain(HOSTILE);
  });

  it('has a labelled search box in the UI language', () => {
    const input = container.querySelector('input');
    expect(input?.getAttribute('aria-label')).toBe('搜索术语');
    act(() => render(<GlossaryPanel pack={pack} strings={createStrings('en')} />, container));
    expect(container.querySelector('input')?.getAttribute('aria-label')).toBe('Search terms');
  });
});

describe('GlossaryPanel with a starting query', () => {
  it('opens with that search done', () => {
    act(() => render(<GlossaryPanel pack={pack} strings={zh} query="lb" />, container));
    expect(container.querySelector('input')?.value).toBe('lb');
    expect(terms()[0]).toBe('六保');
  });
});

describe('groupByTag', () => {
  it('keeps pack order inside and across groups', () => {
    const groups = groupByTag(pack.entries, '其他').map(([tag, entries]) => [tag, entries.map((e) => e.id)]);
    expect(groups).toEqual([
      ['经济', ['liu-wen', 'liu-bao']],
      ['发展', ['wu-da-bei-zeng']],
      [HOSTILE, ['hostile']],
      ['测试', ['chang-ci']],
      ['其他', ['san-hui']],
    ]);
  });

  it('has no untagged group when every entry is tagged', () => {
    expect(groupByTag(pack.entries.slice(0, 2), '其他').map(([tag]) => tag)).toEqual(['经济']);
  });
});

describe('SingleEntry', () => {
  it.each([
    ['六稳', '六稳'],
    ['liu-bao', '六保'],
    ['“三会一代理”制度', '三会一代理'],
    [' 六稳 ', '六稳'],
  ])('term=%s shows %s', (term, shown) => {
    act(() => render(<SingleEntry pack={pack} strings={zh} term={term} theme="dark" />, container));
    expect(container.querySelector('h3')?.textContent).toBe(shown);
    expect(container.querySelector('.pg-dark')).not.toBeNull();
    expect(container.querySelector('input')).toBeNull();
  });

  it('an unknown term says it is not in the glossary', () => {
    act(() => render(<SingleEntry pack={pack} strings={zh} term="十大攻坚" />, container));
    expect(container.querySelector('h3')?.textContent).toBe('十大攻坚');
    expect(container.textContent).toContain('词库中暂无此词');
  });
});
