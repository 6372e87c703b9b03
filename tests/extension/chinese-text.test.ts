import { afterEach, describe, expect, it } from 'vitest';
import { hasChineseText, whenChineseText } from '../../src/extension/chinese-text';
import { READS_ITSELF } from '../../src/dom/frame-mark';
import { FRAME_MIN_CHINESE, followedByParent, minimumChinese } from '../../src/extension/frames';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Resolves to whether `ready` settled within a few ticks. */
async function settled(ready: Promise<void>): Promise<boolean> {
  let done = false;
  void ready.then(() => (done = true));
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('hasChineseText', () => {
  it('finds one Chinese character, in text or an open shadow root', () => {
    document.body.innerHTML = '<p>Search</p>';
    expect(hasChineseText(document)).toBe(false);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>搜</span>';
    document.body.append(host);
    expect(hasChineseText(document)).toBe(true);
  });

  it('with a minimum, counts the characters across text nodes and shadow roots', () => {
    document.body.innerHTML = '<p>搜索</p><p>高级搜索 hot 热词</p>';
    expect(hasChineseText(document, 8)).toBe(true);
    expect(hasChineseText(document, 9)).toBe(false);
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>政务</span>';
    document.body.append(host);
    expect(hasChineseText(document, 10)).toBe(true);
    expect(hasChineseText(document, 11)).toBe(false);
  });
});

describe('whenChineseText', () => {
  it('waits for enough Chinese when given a minimum: a few words do not start it, the report does', async () => {
    document.body.innerHTML = '<p>搜索</p>';
    const waiting = whenChineseText(document, 20);
    expect(await settled(waiting.ready)).toBe(false);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '热词' }));
    expect(await settled(waiting.ready)).toBe(false);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '上半年全力做好六稳工作，落实六保任务。' }));
    expect(await settled(waiting.ready)).toBe(true);
  });

  it('starts on the first Chinese character without one', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    const waiting = whenChineseText(document);
    expect(await settled(waiting.ready)).toBe(false);
    document.body.append(Object.assign(document.createElement('p'), { textContent: '搜' }));
    expect(await settled(waiting.ready)).toBe(true);
  });
});

describe('minimumChinese', () => {
  it('asks a page for one character and a frame of its own for FRAME_MIN_CHINESE', () => {
    expect(minimumChinese(window)).toBe(1);
    expect(minimumChinese({ top: {} } as unknown as Window)).toBe(FRAME_MIN_CHINESE);
  });
});

describe('followedByParent', () => {
  /** A window whose frame element is an <iframe> in `document`. */
  const framed = (marked: boolean): Window => {
    const holder = document.createElement('iframe');
    document.body.append(holder);
    const root = { hasAttribute: (name: string) => marked && name === READS_ITSELF };
    return { top: window, frameElement: holder, document: { documentElement: root } } as unknown as Window;
  };

  it('leaves a same-origin iframe to a page with Chinese, unless the frame began reading itself', () => {
    document.body.innerHTML = '<p>Loading</p>';
    expect(followedByParent(framed(false))).toBe(false);
    document.body.innerHTML = '<p>政务服务</p>';
    expect(followedByParent(framed(false))).toBe(true);
    expect(followedByParent(framed(true))).toBe(false);
    expect(followedByParent(window)).toBe(false);
  });
});
