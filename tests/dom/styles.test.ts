import { afterEach, describe, expect, it } from 'vitest';
import {
  HIGHLIGHT_PRESETS,
  createStyleHost,
  highlightCss,
  resolveHighlightStyle,
} from '../../src/dom/styles';

afterEach(() => {
  document.adoptedStyleSheets = [];
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

const rulesOf = (sheet: CSSStyleSheet | undefined): string[] => [...(sheet?.cssRules ?? [])].map((rule) => rule.cssText);

describe('highlight styles', () => {
  it.each([
    ['highlight-api', ['::highlight(pg-term)', '::highlight(pg-fuzzy)', '::highlight(pg-unknown)', '::highlight(pg-active)'], ['pg-term {']],
    ['wrap', ['pg-term {', 'pg-term[data-pg-kind="fuzzy"]', 'pg-term[data-pg-kind="unknown-slogan"]', 'pg-term[data-pg-active]'], ['::highlight(']],
  ] as const)('%s mode gets only its own rules', (mode, present, absent) => {
    const css = highlightCss(HIGHLIGHT_PRESETS.underline, mode);
    for (const text of present) expect(css).toContain(text);
    for (const text of absent) expect(css).not.toContain(text);
  });

  it('highlight-api rules limited to a scope (the viewport registry’s marked elements), also after a style change', () => {
    const selectors = (css: string): string[] => css.split('\n').map((rule) => rule.slice(0, rule.indexOf(' {')));
    const scoped = ['[data-pg-hl]::highlight(pg-term)', '[data-pg-hl]::highlight(pg-fuzzy)', '[data-pg-hl]::highlight(pg-unknown)', '[data-pg-hl]::highlight(pg-active)'];
    expect(selectors(highlightCss(HIGHLIGHT_PRESETS.underline, 'highlight-api', '[data-pg-hl]'))).toEqual(scoped);
    // The host's own sheet, seen through its <style> fallback (happy-dom drops ::highlight rules from sheets).
    Object.defineProperty(document, 'adoptedStyleSheets', { configurable: true, get: () => [], set: () => { throw new TypeError('not supported'); } });
    try {
      const host = createStyleHost(HIGHLIGHT_PRESETS.underline, 'highlight-api', '[data-pg-hl]');
      host.attach(document);
      const style = document.head.querySelector('style[data-policy-glossary-ui]');
      expect(selectors(style?.textContent ?? '')).toEqual(scoped);
      host.update(HIGHLIGHT_PRESETS.background);
      expect(selectors(style?.textContent ?? '')).toEqual(scoped);
      expect(style?.textContent).toContain('background-color');
      host.destroy();
    } finally {
      Reflect.deleteProperty(document, 'adoptedStyleSheets');
    }
  });

  it('inside a large table (tintScope) the highlights that draw a text decoration or shadow are drawn as the background look’s tint instead, the rest left alone', () => {
    const rules = (css: string): Map<string, string> =>
      new Map(css.split('\n').map((rule) => [rule.slice(0, rule.indexOf(' {')), rule.slice(rule.indexOf('{') + 1, rule.lastIndexOf('}')).trim()]));
    const tint = '[data-pg-hl="tint"]';
    const underline = rules(highlightCss(HIGHLIGHT_PRESETS.underline, 'highlight-api', '[data-pg-hl]', tint));
    // The underline look: each decorated kind gets the background look's tint, with decoration and shadow off.
    for (const kind of ['term', 'fuzzy', 'unknown'] as const) {
      const rule = underline.get(`${tint}::highlight(pg-${kind})`) ?? '';
      expect(rule).toContain(HIGHLIGHT_PRESETS.background[kind]);
      expect(rule).toContain('text-decoration: none !important');
      expect(rule).toContain('text-shadow: none !important');
      expect(rule).not.toContain('underline');
      // After the rule it overrides: of the same weight, the later wins.
      expect([...underline.keys()].indexOf(`${tint}::highlight(pg-${kind})`)).toBeGreaterThan([...underline.keys()].indexOf(`[data-pg-hl]::highlight(pg-${kind})`));
    }
    // The active match is a background already: nothing to replace.
    expect(underline.has(`${tint}::highlight(pg-active)`)).toBe(false);
    // A look with no decoration (background, off) needs no tint rules.
    for (const preset of ['background', 'off'] as const) {
      expect([...rules(highlightCss(HIGHLIGHT_PRESETS[preset], 'highlight-api', '[data-pg-hl]', tint)).keys()].some((selector) => selector.startsWith(tint))).toBe(false);
    }
    // A custom look that draws a shadow gets the tint too.
    const custom = rules(highlightCss({ ...HIGHLIGHT_PRESETS.background, term: 'color: #c00; text-shadow: 0 0 1px red' }, 'highlight-api', '[data-pg-hl]', tint));
    expect(custom.get(`${tint}::highlight(pg-term)`)).toBe(`${HIGHLIGHT_PRESETS.background.term} !important; text-decoration: none !important; text-shadow: none !important;`);
    expect(custom.has(`${tint}::highlight(pg-fuzzy)`)).toBe(false);
    // Without a tint scope (the widget, wrap mode) nothing changes.
    expect(highlightCss(HIGHLIGHT_PRESETS.underline, 'highlight-api', '[data-pg-hl]')).not.toContain(tint);
    expect(highlightCss(HIGHLIGHT_PRESETS.underline, 'wrap', '', tint)).not.toContain(tint);
  });

  it.each([
    ['underline', 'underline solid', 'underline dotted', 'underline dotted'],
    ['background', 'background-color', 'background-color', 'background-color'],
    ['off', '', '', ''],
  ] as const)('preset %s', (preset, term, fuzzy, unknown) => {
    const style = resolveHighlightStyle(preset);
    expect(style.term.includes(term)).toBe(true);
    expect(style.fuzzy.includes(fuzzy)).toBe(true);
    expect(style.unknown.includes(unknown)).toBe(true);
    // A near match never looks like an exact one, where the preset draws anything.
    if (preset !== 'off') expect(style.fuzzy).not.toBe(style.term);
    expect(style.active).toContain('background-color');
  });

  it('fills missing fields from the underline preset and ignores unknown preset names', () => {
    expect(resolveHighlightStyle({ term: 'color: green' })).toEqual({ ...HIGHLIGHT_PRESETS.underline, term: 'color: green' });
    expect(resolveHighlightStyle('sparkles' as 'off')).toEqual(HIGHLIGHT_PRESETS.underline);
  });

  it('makes every declaration !important so page-wide resets do not erase the marks', () => {
    const css = highlightCss({ term: 'color: red; text-decoration: underline !important;', fuzzy: 'color: blue', unknown: '', active: 'x' }, 'wrap');
    expect(css).toContain('pg-term[data-pg-kind="term"] { color: red !important; text-decoration: underline !important; }');
    expect(css).toContain('pg-term[data-pg-kind="fuzzy"] { color: blue !important; }');
    expect(css).toContain('pg-term[data-pg-kind="unknown-slogan"] {  }');
    expect(css).toContain('pg-term[data-pg-active] {  }');
  });

  it('declarations from settings cannot open new rules', () => {
    const css = highlightCss({ term: 'color: red } body { display: none', fuzzy: '', unknown: '@import url(x)', active: '' }, 'wrap');
    expect(css).not.toContain('body {');
    expect(css).not.toContain('@import');
    expect(css.split('{').length).toBe(css.split('}').length);
  });

  it('adopts one sheet per document, updates it in place, and removes it on destroy', () => {
    const host = createStyleHost(HIGHLIGHT_PRESETS.underline, 'wrap');
    const shadow = document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'open' });
    host.attach(document);
    host.attach(document);
    host.attach(shadow);
    expect(document.adoptedStyleSheets.length).toBe(1);
    expect(shadow.adoptedStyleSheets[0]).toBe(document.adoptedStyleSheets[0]);
    expect(rulesOf(document.adoptedStyleSheets[0]).join('\n')).toContain('underline');
    host.update(HIGHLIGHT_PRESETS.background);
    expect(rulesOf(document.adoptedStyleSheets[0]).join('\n')).not.toContain('underline');
    host.destroy();
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(shadow.adoptedStyleSheets.length).toBe(0);
  });

  it('falls back to a <style> element where adoptedStyleSheets cannot be set', () => {
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new TypeError('not supported');
      },
    });
    try {
      const host = createStyleHost(HIGHLIGHT_PRESETS.underline, 'highlight-api');
      host.attach(document);
      const style = document.head.querySelector('style[data-policy-glossary-ui]');
      expect(style?.textContent).toContain('::highlight(pg-term)');
      host.update(HIGHLIGHT_PRESETS.off);
      expect(style?.textContent).not.toContain('underline');
      host.destroy();
      expect(document.head.querySelector('style')).toBeNull();
    } finally {
      Reflect.deleteProperty(document, 'adoptedStyleSheets');
    }
  });
});
