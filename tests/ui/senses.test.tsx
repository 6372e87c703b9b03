import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SenseChoice } from '../../src/core/sense-choice';
import type { PackEntry, TextMatch } from '../../src/core/types';
import { findEntry } from '../../src/ui/entry-card';
import { SENSE_STYLES, SENSE_VIEWS, reportHref, senseStrings } from '../../src/ui/sense-views';
import { createStrings } from '../../src/ui/strings';
import { TOOLTIP_STYLES } from '../../src/ui/styles';
import { TooltipView } from '../../src/ui/tooltip';
import { CENTRAL_MEANING, CHANGSHA_MEANING, EDITORIAL_MEANING, ZHUZHOU_MEANING, sensesPack } from './senses-pack';

const zh = createStrings('zh-CN');
const en = createStrings('en');
const pack = sensesPack();
const PAGE = 'https://www.changsha.gov.cn/zwgk/report.html';
const get = (id: string): PackEntry => {
  const found = findEntry(pack, id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const CHANGSHA = get('changsha-2021-jiu-ge-yi-pi');
const ZHUZHOU = get('zhuzhou-2022-jiu-ge-yi-pi');
const CENTRAL = get('central-2023-liu-wen');
const EDITORIAL = get('editorial-liu-wen');

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const match = (entry: PackEntry): TextMatch => ({ start: 0, end: entry.term.length, text: entry.term, kind: 'term', entryId: entry.id, term: entry.term });

function show(entry: PackEntry, choice: SenseChoice | undefined, strings = zh) {
  act(() =>
    render(
      <TooltipView match={match(entry)} pack={pack} strings={strings} dialog={false} titleId="t" onClose={() => undefined} senses={{ choose: () => choice, views: SENSE_VIEWS }} pageUrl={PAGE} />,
      container,
    ),
  );
  return container;
}

describe('tooltip with many sources', () => {
  it('shows the chosen definition with its place, title, year and 名词解释 number', () => {
    const root = show(CHANGSHA, { shown: CHANGSHA, kind: 'own', others: [ZHUZHOU] });
    expect(root.querySelector('.pg-def')?.textContent).toBe(CHANGSHA_MEANING);
    expect(root.querySelector('.pg-src')?.textContent).toMatch(/^来源：长沙市 · 《2021年长沙市政府工作报告》 · 2021年 · 名词解释第 3 条/);
    expect(root.textContent).not.toContain(ZHUZHOU_MEANING);
  });

  it('shows the page its own place even when the matcher found the other city first', () => {
    const root = show(CHANGSHA, { shown: ZHUZHOU, kind: 'own', others: [CHANGSHA] });
    expect(root.querySelector('.pg-def')?.textContent).toBe(ZHUZHOU_MEANING);
    expect(root.querySelector('.pg-src')?.textContent).toContain('株洲市 · 《2022年株洲市政府工作报告》 · 2022年1月6日 · 脚注 16');
  });

  it('opens the other sources with a button that says whether they are open and which list it controls', () => {
    const root = show(CHANGSHA, { shown: CHANGSHA, kind: 'own', others: [ZHUZHOU] });
    const button = root.querySelector<HTMLButtonElement>('button.pg-more');
    expect(button?.textContent).toBe('另有 1 个来源');
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.pg-senses')).toBeNull();
    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    const list = root.querySelector<HTMLElement>(`#${button?.getAttribute('aria-controls') ?? 'none'}`);
    expect(list?.localName).toBe('ul');
    expect(list?.tabIndex).toBe(0);
    expect(list?.getAttribute('aria-label')).toBe('其他来源的释义');
    expect([...(list?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([`株洲市 · 2022年${ZHUZHOU_MEANING}`]);
    act(() => button?.click());
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('.pg-senses')).toBeNull();
  });

  it('has no other-sources button when there is one source', () => {
    expect(show(CENTRAL, { shown: CENTRAL, kind: 'only', others: [] }).querySelector('button.pg-more')).toBeNull();
  });

  it('keeps the 编辑补充 label on an editorial definition, shown or listed', () => {
    const root = show(CENTRAL, { shown: CENTRAL, kind: 'central', others: [EDITORIAL] });
    expect(root.querySelector('.pg-head .pg-badge')).toBeNull();
    act(() => root.querySelector<HTMLButtonElement>('button.pg-more')?.click());
    const listed = root.querySelector('.pg-senses li');
    expect(listed?.querySelector('.pg-badge')?.textContent).toBe('编辑补充');
    // Named by its label alone: no "编者补充 编辑补充".
    expect(listed?.textContent).toBe(`编辑补充${EDITORIAL_MEANING}`);
    const editorial = show(EDITORIAL, { shown: EDITORIAL, kind: 'editorial', others: [CENTRAL] });
    expect(editorial.querySelector('.pg-head .pg-badge')?.textContent).toBe('编辑补充');
    expect(editorial.querySelector('.pg-def')?.textContent).toBe(EDITORIAL_MEANING);
  });

  it("shows other places' definitions under 其他地方的用法, never as the page's meaning", () => {
    const root = show(CHANGSHA, { kind: 'elsewhere', others: [CHANGSHA, ZHUZHOU] });
    expect(root.querySelector('h3')?.textContent).toBe('九个一批');
    expect(root.querySelector('h4')?.textContent).toBe('其他地方的用法');
    expect(root.querySelector('.pg-def')).toBeNull();
    expect(root.querySelector('.pg-src')).toBeNull();
    const items = [...root.querySelectorAll('.pg-senses li')].map((li) => li.textContent);
    expect(items).toEqual([`长沙市 · 2021年${CHANGSHA_MEANING}`, `株洲市 · 2022年${ZHUZHOU_MEANING}`]);
  });

  it('falls back to the matched entry alone without a choice', () => {
    const root = show(CENTRAL, undefined);
    expect(root.querySelector('.pg-def')?.textContent).toBe(CENTRAL_MEANING);
    expect(root.querySelector('button.pg-more')).toBeNull();
  });

  it('shows no English anywhere with a Chinese interface, text or attributes', () => {
    const root = show(CHANGSHA, { shown: CHANGSHA, kind: 'own', others: [ZHUZHOU, EDITORIAL] });
    act(() => root.querySelector<HTMLButtonElement>('button.pg-more')?.click());
    const attributes = [...root.querySelectorAll('*')].flatMap((el) => ['aria-label', 'title'].map((name) => el.getAttribute(name) ?? ''));
    expect([root.textContent ?? '', ...attributes].filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
    const english = show(CHANGSHA, { shown: CHANGSHA, kind: 'own', others: [ZHUZHOU] }, en);
    expect(english.querySelector('button.pg-more')?.textContent).toBe('1 other source');
    expect(show(CHANGSHA, { kind: 'elsewhere', others: [CHANGSHA, ZHUZHOU] }, en).querySelector('h4')?.textContent).toBe('How other places use it');
  });

  it('keeps 脚注 16, dates and places in one piece, and lets only the title break', () => {
    const root = show(ZHUZHOU, { shown: ZHUZHOU, kind: 'own', others: [] });
    const parts = [...root.querySelectorAll('.pg-src > span')].map((span) => [span.textContent, span.classList.contains('pg-nb')]);
    expect(parts).toEqual([
      ['株洲市', true],
      ['《2022年株洲市政府工作报告》', false],
      ['2022年1月6日', true],
      ['脚注 16', true],
    ]);
    expect(TOOLTIP_STYLES).toContain('.pg-nb{white-space:nowrap}');
    expect(SENSE_STYLES).toContain('.pg-report{white-space:nowrap}');
  });
});

describe('report a wrong definition', () => {
  it('links to the e-mail address the source names, with the term, page and source prefilled', () => {
    const link = show(CHANGSHA, { shown: CHANGSHA, kind: 'own', others: [] }).querySelector<HTMLAnchorElement>('a.pg-report');
    expect(link?.textContent).toBe('报告释义有误');
    const href = new URL(link?.getAttribute('href') ?? '');
    expect(href.protocol).toBe('mailto:');
    expect(href.pathname).toBe('glossary@changsha.example.cn');
    expect(href.searchParams.get('subject')).toBe('释义有误：九个一批');
    const body = href.searchParams.get('body') ?? '';
    expect(body).toContain('术语：九个一批');
    expect(body).toContain(`页面：${PAGE}`);
    expect(body).toContain('来源：长沙市 · 《2021年长沙市政府工作报告》 · 2021年 · 名词解释第 3 条');
    expect(link?.rel).toContain('noopener');
  });

  it('links to the web address the source names', () => {
    const link = show(ZHUZHOU, { shown: ZHUZHOU, kind: 'own', others: [] }).querySelector<HTMLAnchorElement>('a.pg-report');
    const href = new URL(link?.getAttribute('href') ?? '');
    expect(href.origin + href.pathname).toBe('https://www.zhuzhou.example.cn/feedback');
    expect(href.searchParams.get('term')).toBe('九个一批');
    expect(href.searchParams.get('page')).toBe(PAGE);
    expect(href.searchParams.get('source')).toContain('脚注 16');
  });

  it('shows no link when the source names no contact', () => {
    expect(show(CENTRAL, { shown: CENTRAL, kind: 'central', others: [] }).querySelector('a')).toBeNull();
  });

  const fields = { term: '九个一批', page: PAGE, source: 'x' };
  it.each([
    ['an address', 'a@b.cn', /^mailto:a@b\.cn\?subject=/],
    ['a mailto: address', 'mailto:a@b.cn', /^mailto:a@b\.cn\?subject=/],
    ['an https URL', 'https://x.cn/f?id=1', /^https:\/\/x\.cn\/f\?id=1&term=/],
    ['an http URL', 'http://x.cn/', /^http:\/\/x\.cn\/\?term=/],
    ['nothing', undefined, undefined],
    ['blank', '  ', undefined],
    ['a javascript: URL', 'javascript:alert(1)', undefined],
    ['a data: URL', 'data:text/html,<b>x</b>', undefined],
    ['a relative path', '/feedback', undefined],
    ['an address with a query', 'a@b.cn?cc=evil@x.cn', undefined],
  ])('contact %s', (_what, contact, expected) => {
    const href = reportHref(contact, fields, senseStrings(zh));
    if (expected === undefined) expect(href).toBeUndefined();
    else expect(href).toMatch(expected);
  });
});

describe('tooltip without sense support (the popup, a widget without the collection)', () => {
  it('shows the matched entry alone, with no other-sources button and no report link', () => {
    act(() => render(<TooltipView match={match(CHANGSHA)} pack={pack} strings={zh} dialog={false} titleId="t" onClose={() => undefined} pageUrl={PAGE} />, container));
    expect(container.querySelector('.pg-def')?.textContent).toBe(CHANGSHA_MEANING);
    expect(container.querySelector('button.pg-more')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
  });
});
