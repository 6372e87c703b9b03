import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotator, type Annotator, type AnnotatorOptions } from '../../src/dom/annotator';
import { createMatcher } from '../../src/core/matcher';
import { createFakeMatcher } from './fake-matcher';

const TERMS = ['六稳', '六保', '三重一大', '十四五'];
let annotator: Annotator | undefined;

afterEach(() => {
  annotator?.destroy();
  annotator = undefined;
  document.body.innerHTML = '';
});

/** Annotates `html` (with `shadow` as the open shadow root of its #host, if given). */
async function annotate(html: string, options: Partial<AnnotatorOptions> = {}, shadow?: string) {
  document.body.innerHTML = html;
  if (shadow !== undefined) (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' }).innerHTML = shadow;
  const matcher = createFakeMatcher(TERMS);
  annotator = createAnnotator({ root: document, matcher, mode: 'wrap', observe: false, ...options });
  await annotator.ready;
  return { annotator, matcher, texts: annotator.matches().map((m) => m.range.toString()) };
}

describe('text collection', () => {
  it.each([
    ['term in one text node', '<p>做好六稳工作</p>', ['六稳']],
    ['split across <b>', '<p>做好<b>六</b>稳工作</p>', ['六稳']],
    ['split across nested spans', '<p><span>三重</span><i><u>一</u></i>大</p>', ['三重一大']],
    ['link inside', '<p><a href="#">十四</a>五规划</p>', ['十四五']],
    ['two paragraphs do not join', '<p>六</p><p>稳</p>', []],
    ['<br> breaks', '<p>六<br>稳</p>', []],
    ['a <br> after a line of fewer than 15 characters breaks', '<p>我们要扎实做好六<br>稳工作</p>', []],
    ['table cells break', '<table><tr><td>六</td><td>稳</td></tr></table>', []],
    ['nested block breaks on exit', '<div><p>六</p>稳</div>', []],
    ['several in order', '<p>六保和六稳</p><p>十四五</p>', ['六保', '六稳', '十四五']],
  ])('%s', async (_name, html, expected) => {
    const { texts } = await annotate(html);
    expect(texts).toEqual(expected);
  });

  it.each([
    ['script', '<script>var a="六稳"</script>'],
    ['style', '<style>/*六稳*/</style>'],
    ['textarea', '<textarea>六稳</textarea>'],
    ['contenteditable', '<div contenteditable="true"><p>六稳</p></div>'],
    ['contenteditable empty value', '<div contenteditable><p>六稳</p></div>'],
    ['code', '<p><code>六稳</code></p>'],
    ['pre', '<pre>六稳</pre>'],
    ['select option', '<select><option>六稳</option></select>'],
    ['our own UI', '<div data-policy-glossary-ui><p>六稳</p></div>'],
    ['exclude selector', '<nav class="menu"><p>六稳</p></nav>'],
  ])('skips %s', async (_name, html) => {
    const { texts } = await annotate(`${html}<p>这里有六保</p>`, { exclude: ['.menu', '[[invalid'] });
    expect(texts).toEqual(['六保']);
  });

  it('scans contenteditable="false" and hidden elements', async () => {
    const { texts } = await annotate('<div contenteditable="false">六稳</div><div hidden>六保</div>');
    expect(texts).toEqual(['六稳', '六保']);
  });

  it('never calls the matcher on a page without Chinese', async () => {
    const { matcher, texts } = await annotate('<p>Plain English page.</p><p>Nothing here 123.</p>');
    expect(matcher.calls).toEqual([]);
    expect(texts).toEqual([]);
  });

  it('skips non-Chinese paragraphs on a mixed page', async () => {
    const { matcher } = await annotate('<p>English only</p><p>中文六稳</p>');
    expect(matcher.calls).toEqual(['中文六稳']);
  });

  it('finds terms in open shadow roots', async () => {
    const { texts } = await annotate('<div id="host"></div><p>六保</p>', {}, '<p>影子里的<b>六</b>稳</p>');
    expect(texts).toEqual(['六保', '六稳']);
  });

  it('finds terms on a page whose only Chinese is inside an open shadow root', async () => {
    const { matcher, texts } = await annotate('<p>English page</p><div><span id="host"></span></div>', {}, '<p>影子里的六稳</p>');
    expect(texts).toEqual(['六稳']);
    expect(matcher.calls).toEqual(['影子里的六稳']);
  });
});

describe('lines a PDF’s layout wrapped (a report pasted line by line, <br> after each)', () => {
  // The core matcher, which reads a term through a line break (the fake one does not).
  const matcher = createMatcher({ entries: [{ id: 'wzqj', term: '稳中求进工作总基调', forms: ['稳中求进工作总基调'] }, { id: 'lw', term: '六稳', forms: ['六稳'] }] });
  const highlighted = async (html: string): Promise<string[]> => {
    document.body.innerHTML = html;
    annotator = createAnnotator({ root: document, matcher, mode: 'highlight-api', observe: false });
    await annotator.ready;
    return annotator.matches().map((m) => m.range.toString());
  };

  it('finds a term a <br> cuts after a long line that ends inside a sentence, its range over the break', async () => {
    expect(await highlighted('<p>今年我们要坚持以经济建设为中心，坚持稳中求进工作总<br>基调，做好六稳工作。</p>')).toEqual(['稳中求进工作总基调', '六稳']);
    annotator?.destroy();
    expect(await highlighted('<p>今年我们要坚持以经济建设为中心，做好六<br>稳工作</p>')).toEqual(['六稳']);
  });

  it('keeps a <br> after a short line, or after a sentence’s end, as the run’s end', async () => {
    expect(await highlighted('<p>一、坚持稳中求进工作总<br>基调</p><p>今年我们要坚持以经济建设为中心，做好各项工作。<br>稳中求进工作总基调</p>')).toEqual(['稳中求进工作总基调']);
  });
});

describe('match options', () => {
  it.each([
    [false, ['六稳', '六保', '六稳']],
    [true, ['六稳', '六保']],
  ])('firstOccurrenceOnly=%s', async (firstOccurrenceOnly, expected) => {
    const { texts } = await annotate('<p>六稳，六保</p><p>再说六稳</p>', { firstOccurrenceOnly });
    expect(texts).toEqual(expected);
  });

  it.each([
    [undefined, ['三会一代', '六稳']],
    [true, ['三会一代', '六稳']],
    [false, ['六稳']],
  ])('unknownSlogans=%s', async (unknownSlogans, expected) => {
    const { texts } = await annotate('<p>三会一代理制度和六稳</p>', { unknownSlogans });
    expect(texts).toEqual(expected);
  });
});

describe('wrap mode', () => {
  it.each([
    '<p>做好六稳工作</p>',
    '<p>做好<b>六</b>稳工作，<span>三重</span>一大</p>',
    '<p>六稳六保</p><p>三重一大和十四五和六稳</p>',
    '<div>前<p>六稳</p>后六保<br>六稳</div>',
  ])('destroy() restores the exact DOM: %s', async (html) => {
    document.body.innerHTML = html;
    const before = document.body.innerHTML;
    const nodes = [...walkText(document.body)];
    const { annotator } = await annotate(html);
    expect(annotator.matches().length).toBeGreaterThan(0);
    expect(document.body.querySelectorAll('pg-term').length).toBeGreaterThan(0);
    annotator.destroy();
    expect(document.body.innerHTML).toBe(before);
    expect([...walkText(document.body)].length).toBe(nodes.length);
  });

  it('keeps the page text unchanged while wrapped', async () => {
    const html = '<p>做好<b>六</b>稳工作，三重一大</p>';
    document.body.innerHTML = html;
    const text = document.body.textContent;
    await annotate(html);
    expect(document.body.textContent).toBe(text);
  });

  it('makes only the first piece of a split term a tab stop', async () => {
    const { annotator } = await annotate('<p>做好<b>六</b>稳工作</p>');
    const wrappers = [...document.querySelectorAll('pg-term')];
    expect(wrappers.map((w) => w.getAttribute('tabindex'))).toEqual(['0', null]);
    expect(wrappers[0]?.getAttribute('role')).toBe('button');
    const [match] = annotator.matches();
    expect(match?.element).toBe(wrappers[0]);
    expect(annotator.matchForNode(wrappers[1]?.firstChild as Node)).toBe(match);
  });

  it('setActive marks the active wrappers only', async () => {
    const { annotator } = await annotate('<p>六稳和六保</p>');
    const [a, b] = annotator.matches();
    annotator.setActive(b);
    expect([...document.querySelectorAll('pg-term[data-pg-active]')].map((e) => e.textContent)).toEqual(['六保']);
    annotator.setActive(a);
    expect([...document.querySelectorAll('pg-term[data-pg-active]')].map((e) => e.textContent)).toEqual(['六稳']);
    annotator.setActive(undefined);
    expect(document.querySelectorAll('pg-term[data-pg-active]').length).toBe(0);
  });
});

describe('navigation', () => {
  it('next/previous walk the matches in document order', async () => {
    const { annotator } = await annotate('<p>六稳</p><p>六保</p><p>十四五</p>');
    const [a, b, c] = annotator.matches();
    expect(annotator.next()).toBe(a);
    expect(annotator.next(a)).toBe(b);
    expect(annotator.next(c)).toBeUndefined();
    expect(annotator.previous()).toBe(c);
    expect(annotator.previous(b)).toBe(a);
    expect(annotator.previous(a)).toBeUndefined();
  });
});

describe('page changes', () => {
  it('rescans only the changed block', async () => {
    document.body.innerHTML = '<p id="a">六稳</p><p id="b">六保</p><p id="c">没有</p>';
    const matcher = createFakeMatcher(TERMS);
    const updates: number[] = [];
    annotator = createAnnotator({
      root: document,
      matcher,
      mode: 'wrap',
      onUpdate: (matches) => updates.push(matches.length),
    });
    await annotator.ready;
    matcher.calls.length = 0;
    (document.getElementById('c') as HTMLElement).textContent = '新增十四五';
    await waitFor(() => updates.length >= 2);
    expect(matcher.calls).toEqual(['新增十四五']);
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六稳', '六保', '十四五']);
  });

  it('drops matches whose text was removed and ignores our own UI', async () => {
    document.body.innerHTML = '<p id="a">六稳</p><p id="b">六保</p>';
    const matcher = createFakeMatcher(TERMS);
    let passes = 0;
    annotator = createAnnotator({ root: document, matcher, mode: 'wrap', onUpdate: () => passes++ });
    await annotator.ready;
    document.getElementById('a')?.remove();
    await waitFor(() => passes >= 2);
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六保']);
    matcher.calls.length = 0;
    const ui = document.createElement('div');
    ui.setAttribute('data-policy-glossary-ui', '');
    ui.textContent = '提示：六稳';
    document.body.append(ui);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(matcher.calls).toEqual([]);
  });
});

describe('page changes, order and lifecycle', () => {
  it.each<['wrap' | undefined]>([['wrap'], [undefined]])('a new term in a middle block lands in document order (mode %s)', async (mode) => {
    document.body.innerHTML = '<p>六稳</p><p id="mid">没有</p><p>十四五</p>';
    let passes = 0;
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(TERMS), mode, onUpdate: () => passes++ });
    await annotator.ready;
    (document.getElementById('mid') as HTMLElement).innerHTML = '新增<b>六</b>保';
    await waitFor(() => passes >= 2);
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六稳', '六保', '十四五']);
  });

  it('wrap mode: the page rewriting the text inside a wrapper is followed, and destroy() still restores', async () => {
    document.body.innerHTML = '<p id="p">做好六稳工作</p><p>六保</p>';
    let passes = 0;
    annotator = createAnnotator({ root: document, matcher: createFakeMatcher(TERMS), mode: 'wrap', onUpdate: () => passes++ });
    await annotator.ready;
    const inside = document.querySelector('pg-term')?.firstChild as Text;
    inside.data = '十四五';
    await waitFor(() => passes >= 2);
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['十四五', '六保']);
    annotator.destroy();
    expect(document.body.innerHTML).toBe('<p id="p">做好十四五工作</p><p>六保</p>');
    expect(document.getElementById('p')?.childNodes.length).toBe(1);
  });

  it('firstOccurrenceOnly: a later occurrence shows once the first one is removed', async () => {
    document.body.innerHTML = '<p id="a">六稳</p><p id="b">又是六稳</p>';
    let passes = 0;
    annotator = createAnnotator({
      root: document,
      matcher: createFakeMatcher(TERMS),
      mode: 'wrap',
      firstOccurrenceOnly: true,
      onUpdate: () => passes++,
    });
    await annotator.ready;
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六稳']);
    document.getElementById('a')?.remove();
    (document.getElementById('b') as HTMLElement).append('。');
    await waitFor(() => passes >= 2);
    expect(annotator.matches().map((m) => m.element?.closest('p')?.id)).toEqual(['b']);
  });

  it('destroy() between slices of the first pass leaves the page exactly as it was', async () => {
    const html = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段：六稳、<b>六</b>保和三重一大</p>`).join('');
    document.body.innerHTML = html;
    const inner = createFakeMatcher(TERMS);
    let calls = 0;
    const matcher = {
      scan(text: string) {
        // Runs once the current slice hands the thread back, i.e. between two slices.
        if (++calls === 50) queueMicrotask(() => annotator?.destroy());
        return inner.scan(text);
      },
    };
    annotator = createAnnotator({ root: document, matcher, mode: 'wrap' });
    await annotator.ready;
    expect(calls).toBeGreaterThanOrEqual(50);
    expect(calls).toBeLessThan(3000);
    expect(document.body.innerHTML).toBe(html);
    expect(annotator.matches()).toEqual([]);
  });

  it('destroy() from inside the matcher leaves nothing behind', async () => {
    document.body.innerHTML = '<p>六稳</p><p>六保</p>';
    const inner = createFakeMatcher(TERMS);
    annotator = createAnnotator({
      root: document,
      matcher: {
        scan(text: string) {
          annotator?.destroy();
          return inner.scan(text);
        },
      },
      mode: 'wrap',
    });
    await annotator.ready;
    expect(document.body.innerHTML).toBe('<p>六稳</p><p>六保</p>');
  });

  it('rescan() finds text that appeared without being observed', async () => {
    const { annotator } = await annotate('<p id="p">没有</p>');
    (document.getElementById('p') as HTMLElement).textContent = '十四五';
    expect(annotator.matches()).toEqual([]);
    await annotator.rescan();
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['十四五']);
  });

  it('passes report their counts', async () => {
    document.body.innerHTML = '<p>六稳和三会一代理</p><p>English</p>';
    const stats: Array<{ matches: number; unknown: number; textNodes: number; chars: number }> = [];
    annotator = createAnnotator({
      root: document,
      matcher: createFakeMatcher(TERMS),
      mode: 'wrap',
      observe: false,
      onUpdate: (_m, s) => stats.push({ matches: s.matches, unknown: s.unknown, textNodes: s.textNodes, chars: s.chars }),
    });
    await annotator.ready;
    expect(stats).toEqual([{ matches: 2, unknown: 1, textNodes: 2, chars: 15 }]);
  });

  it('annotates only inside an element root', async () => {
    document.body.innerHTML = '<header>六稳</header><article id="root"><p>六保</p></article>';
    annotator = createAnnotator({
      root: document.getElementById('root') as HTMLElement,
      matcher: createFakeMatcher(TERMS),
      mode: 'wrap',
      observe: false,
    });
    await annotator.ready;
    expect(annotator.matches().map((m) => m.range.toString())).toEqual(['六保']);
  });
});

function* walkText(root: Node): Generator<Text> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

async function waitFor(condition: () => boolean, timeout = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
