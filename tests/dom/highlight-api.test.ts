// Highlight API mode against a minimal stand-in registry (happy-dom has no CSS.highlights);
// the real thing is exercised in tests/e2e/dom-annotator.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, createAnnotator, type Annotator } from '../../src/dom/annotator';
import { createFakeMatcher } from './fake-matcher';
import type { TextMatch } from '../../src/core/types';

class FakeHighlight extends Set<Range> {
  priority = 0;
}

const win = window as unknown as { Highlight?: unknown; CSS: { highlights?: Map<string, FakeHighlight> } };
const cssDescriptor = Object.getOwnPropertyDescriptor(window, 'CSS');
let annotator: Annotator | undefined;

beforeEach(() => {
  win.Highlight = FakeHighlight;
  // happy-dom builds a fresh CSS object on every read, so pin one that has a registry.
  Object.defineProperty(window, 'CSS', { value: { highlights: new Map() }, configurable: true });
});

afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
  delete win.Highlight;
  if (cssDescriptor) Object.defineProperty(window, 'CSS', cssDescriptor);
  else Reflect.deleteProperty(window, 'CSS');
  document.body.innerHTML = '';
  document.adoptedStyleSheets = [];
});

const registered = (name: string): string[] =>
  [...(win.CSS.highlights?.get(name) ?? [])].map((range) => range.toString());

describe('highlight-api mode', () => {
  it('is the default where CSS.highlights exists, and leaves the DOM alone', async () => {
    const html = '<p>做好<b>六</b>稳，三会一代理制度</p>';
    document.body.innerHTML = html;
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(['六稳']), observe: false });
    await annotator.ready;
    expect(document.body.innerHTML).toBe(html);
    expect(registered(HIGHLIGHT_NAMES.term)).toEqual(['六稳']);
    expect(registered(HIGHLIGHT_NAMES.unknown)).toEqual(['三会一代']);
    expect(registered(HIGHLIGHT_NAMES.active)).toEqual([]);
  });

  it('draws a near match in its own highlight, and no match with its quote marks', async () => {
    document.body.innerHTML = '<p>执行“三重一大”制度，做好“六稳”，推行三问三登计</p>';
    const text = document.body.textContent ?? '';
    const at = (s: string) => text.indexOf(s);
    const matcher = {
      scan: (): TextMatch[] => [
        { start: at('“三重一大”制度'), end: at('“三重一大”制度') + 8, text: '“三重一大”制度', kind: 'term', entryId: 'a', term: '三重一大' },
        { start: at('“六稳”'), end: at('“六稳”') + 4, text: '“六稳”', kind: 'term', entryId: 'b', term: '六稳' },
        { start: at('三问三登计'), end: at('三问三登计') + 5, text: '三问三登计', kind: 'fuzzy', entryId: 'c', term: '三问三登记' },
      ],
    };
    annotator = createAnnotator({ root: document, matcher, observe: false });
    await annotator.ready;
    expect(registered(HIGHLIGHT_NAMES.term)).toEqual(['三重一大', '六稳']);
    expect(registered(HIGHLIGHT_NAMES.fuzzy)).toEqual(['三问三登计']);
    // The match itself keeps its whole text (the tooltip and the popup name it so).
    expect(annotator.matches().map((m) => m.text)).toEqual(['“三重一大”制度', '“六稳”', '三问三登计']);
  });

  it('setActive moves the active highlight; destroy() unregisters everything', async () => {
    document.body.innerHTML = '<p>六稳和六保</p>';
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(['六稳', '六保']), observe: false });
    await annotator.ready;
    const [a, b] = annotator.matches();
    annotator.setActive(a);
    expect(registered(HIGHLIGHT_NAMES.active)).toEqual(['六稳']);
    annotator.setActive(b);
    expect(registered(HIGHLIGHT_NAMES.active)).toEqual(['六保']);
    annotator.destroy();
    expect([...(win.CSS.highlights?.keys() ?? [])]).toEqual([]);
  });

  it('firstOccurrenceOnly: a later occurrence is held for the pointer and the active mark, not drawn nor listed', async () => {
    document.body.innerHTML = '<p id="a">六稳，六保</p><p id="b">再说六稳</p>';
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(['六稳', '六保']), observe: false, firstOccurrenceOnly: true });
    await annotator.ready;
    expect(registered(HIGHLIGHT_NAMES.term)).toEqual(['六稳', '六保']);
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六稳', '六保']);
    const repeat = annotator.matchForNode(document.getElementById('b')!.firstChild!);
    expect(repeat?.range.toString()).toBe('六稳');
    expect(repeat?.range.startContainer.parentElement?.id).toBe('b');
    annotator.setActive(repeat);
    expect(registered(HIGHLIGHT_NAMES.active)).toEqual(['六稳']);
    expect(registered(HIGHLIGHT_NAMES.term)).toEqual(['六稳', '六保']);
    // The keyboard walks the listed matches on either side of it.
    expect(annotator.previous(repeat)?.range.toString()).toBe('六保');
    expect(annotator.next(repeat)).toBeUndefined();
    annotator.setActive(undefined);
    expect(registered(HIGHLIGHT_NAMES.active)).toEqual([]);
  });

  it('firstOccurrenceOnly: a term in the site’s menu or footer is held, not drawn, and the article’s first occurrence is drawn', async () => {
    document.body.innerHTML =
      '<nav><a href="/a">六保专栏</a></nav><div class="menu"><a href="/b">六稳专题</a></div>' +
      '<p id="a">做好六稳六保</p><p>再说六稳</p><footer>六保</footer><p><a href="/c">十四五规划</a>（链接）</p>';
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(['六稳', '六保', '十四五']), observe: false, firstOccurrenceOnly: true });
    await annotator.ready;
    const drawn = registered(HIGHLIGHT_NAMES.term);
    expect(drawn).toEqual(['六稳', '六保']);
    expect(annotator.matches().map((m) => m.range.startContainer.parentElement?.id)).toEqual(['a', 'a']);
    // The menu's, the footer's and a link's occurrences are still there for the pointer.
    for (const selector of ['nav a', '.menu a', 'footer', 'p a']) {
      const held = annotator.matchForNode(document.querySelector(selector)!.firstChild!);
      expect(held?.range.startContainer.parentElement, selector).toBe(document.querySelector(selector));
    }
  });

  it('leaves a page highlight with one of our names that is not ours', async () => {
    document.body.innerHTML = '<p>没有术语</p>';
    const theirs = new FakeHighlight();
    win.CSS.highlights?.set('pg-active', theirs);
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(['六稳']), observe: false });
    await annotator.ready;
    annotator.destroy();
    expect(win.CSS.highlights?.get('pg-active')).toBe(theirs);
  });
});
