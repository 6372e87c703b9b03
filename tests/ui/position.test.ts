import { afterEach, describe, expect, it } from 'vitest';
import { placeNear } from '../../src/ui/position';

// happy-dom has no layout: the viewport, the anchor's rect and the tip's size are given per row.
const VIEW = { width: 400, height: 600 };

function place(anchor: { left: number; top: number; height?: number }, tipSize: { width: number; height: number }, zoom = 1) {
  Object.defineProperty(document.documentElement, 'clientWidth', { value: VIEW.width / zoom, configurable: true });
  Object.defineProperty(document.documentElement, 'clientHeight', { value: VIEW.height / zoom, configurable: true });
  const tip = document.createElement('div');
  document.body.append(tip);
  if (zoom !== 1) Object.defineProperty(tip, 'currentCSSZoom', { value: zoom });
  Object.defineProperty(tip, 'offsetWidth', { get: () => tipSize.width });
  Object.defineProperty(tip, 'offsetHeight', { get: () => tipSize.height });
  const rect = new DOMRect(anchor.left, anchor.top, 40, anchor.height ?? 20);
  const stop = placeNear({ getBoundingClientRect: () => rect }, tip);
  stop();
  return { left: tip.style.left, top: tip.style.top, maxHeight: tip.style.maxHeight };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('placeNear', () => {
  it.each([
    ['below a term near the top', { left: 50, top: 100 }, { width: 300, height: 200 }, { left: '50px', top: '126px', maxHeight: '' }],
    ['above a term near the bottom', { left: 50, top: 500 }, { width: 300, height: 200 }, { left: '50px', top: '294px', maxHeight: '' }],
    ['shifted left at the right edge', { left: 350, top: 100 }, { width: 300, height: 200 }, { left: '92px', top: '126px', maxHeight: '' }],
    ['shifted right of a negative left', { left: -30, top: 100 }, { width: 300, height: 200 }, { left: '8px', top: '126px', maxHeight: '' }],
    ['below and scrolling when neither side fits, below roomier', { left: 10, top: 200 }, { width: 300, height: 480 }, { left: '10px', top: '226px', maxHeight: '366px' }],
    ['above and scrolling when neither side fits, above roomier', { left: 10, top: 380 }, { width: 300, height: 480 }, { left: '10px', top: '8px', maxHeight: '366px' }],
  ])('%s', (_name, anchor, tipSize, expected) => {
    expect(place(anchor, tipSize)).toEqual(expected);
  });

  it('converts to and from the zoom a page puts on <html> (style lengths are multiplied by it)', () => {
    // A 150 × 100 tip shows as 300 × 200 at zoom 2; the term's rect is already in viewport pixels.
    expect(place({ left: 50, top: 100 }, { width: 150, height: 100 }, 2)).toEqual({ left: '25px', top: '63px', maxHeight: '' });
    expect(place({ left: 380, top: 500 }, { width: 150, height: 100 }, 2)).toEqual({ left: '46px', top: '147px', maxHeight: '' });
  });

  it('never squeezes the tip below 120 px when the term sits at the very edge', () => {
    expect(place({ left: 10, top: 590, height: 10 }, { width: 300, height: 480 }).maxHeight).toBe('');
    expect(place({ left: 10, top: 0, height: 590 }, { width: 300, height: 480 }).maxHeight).toBe('120px');
  });
});
