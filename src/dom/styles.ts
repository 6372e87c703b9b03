// How highlights look: the ::highlight() rules and the wrap-mode <pg-term> rules, in one
// constructed stylesheet per document (allowed under a strict style-src CSP), adopted by the
// document and by every shadow root we highlight in; a <style> element where that is missing.
import { UI_HOST_ATTRIBUTE, WRAPPER_TAG } from './text-collect';

/** The highlight names registered in `CSS.highlights`. */
export const HIGHLIGHT_NAMES = { term: 'pg-term', fuzzy: 'pg-fuzzy', unknown: 'pg-unknown', active: 'pg-active' } as const;

/** CSS declarations (no selectors, no braces) for each kind of highlight. */
export interface HighlightStyle {
  /** A glossary term matched exactly. */
  term: string;
  /**
   * A near match (kind `fuzzy`, e.g. a typo of a term): drawn unlike an exact match, so a reader
   * does not take a guess for the glossary's word.
   */
  fuzzy: string;
  /** An unknown numbered slogan. */
  unknown: string;
  /** The match the tooltip or keyboard navigation is on. */
  active: string;
}

/** The looks the options page offers. */
export type HighlightPreset = 'underline' | 'background' | 'off';

const ACTIVE = 'background-color: rgba(255, 196, 0, 0.45)';

/**
 * Ready-made styles: underline (solid for terms, dotted in the same colour for near matches,
 * dotted red for slogans), background tint (lighter for near matches), or none.
 */
export const HIGHLIGHT_PRESETS: Readonly<Record<HighlightPreset, HighlightStyle>> = {
  underline: {
    term: 'text-decoration: underline solid #1a73e8 2px',
    fuzzy: 'text-decoration: underline dotted #1a73e8 2px',
    unknown: 'text-decoration: underline dotted #d93025 2px',
    active: ACTIVE,
  },
  background: {
    term: 'background-color: rgba(26, 115, 232, 0.16)',
    fuzzy: 'background-color: rgba(26, 115, 232, 0.07)',
    unknown: 'background-color: rgba(217, 48, 37, 0.14)',
    active: ACTIVE,
  },
  off: { term: '', fuzzy: '', unknown: '', active: ACTIVE },
};

/** A preset name or explicit declarations; missing fields fall back to the underline preset. */
export type HighlightStyleOption = HighlightPreset | Partial<HighlightStyle>;

/** Resolves an option to complete declarations. */
export function resolveHighlightStyle(option: HighlightStyleOption | undefined): HighlightStyle {
  if (option === undefined) return HIGHLIGHT_PRESETS.underline;
  if (typeof option === 'string') return HIGHLIGHT_PRESETS[option] ?? HIGHLIGHT_PRESETS.underline;
  return { ...HIGHLIGHT_PRESETS.underline, ...option };
}

/**
 * Declarations come from settings, but a stray brace would let them open new rules. Each one is
 * made !important: with our more specific selectors that beats a page's `* { all: unset !important }`.
 */
function declarations(css: string): string {
  return css
    .replace(/[{}<>@\\]/g, '')
    .split(';')
    .map((declaration) => declaration.replace(/!\s*important/gi, '').trim())
    .filter((declaration) => declaration.includes(':'))
    .map((declaration) => `${declaration} !important;`)
    .join(' ');
}

/** How matches are marked: Highlight API ranges or <pg-term> wrappers. */
export type MarkMode = 'highlight-api' | 'wrap';

/**
 * The stylesheet text for `style`, with only the rules `mode` uses: in Chromium a ::highlight()
 * rule makes adding the sheet restyle every element of the page (0.4 s on a 100,000-cell table)
 * unless `scope` limits it to some elements (the viewport registry's).
 */
export function highlightCss(style: HighlightStyle, mode: MarkMode, scope = '', tintScope?: string): string {
  const term = declarations(style.term);
  const fuzzy = declarations(style.fuzzy);
  const unknown = declarations(style.unknown);
  const active = declarations(style.active);
  const w = WRAPPER_TAG;
  if (mode === 'highlight-api') {
    const rules = [
      `${scope}::highlight(${HIGHLIGHT_NAMES.term}) { ${term} }`,
      `${scope}::highlight(${HIGHLIGHT_NAMES.fuzzy}) { ${fuzzy} }`,
      `${scope}::highlight(${HIGHLIGHT_NAMES.unknown}) { ${unknown} }`,
      `${scope}::highlight(${HIGHLIGHT_NAMES.active}) { ${active} }`,
    ];
    // Inside a large table (viewport.ts, LARGE_TABLE_ROWS), a highlight drawn with a text
    // decoration or shadow is drawn as the background look's tint instead: the later rule of the
    // same weight wins.
    if (tintScope) {
      for (const kind of ['term', 'fuzzy', 'unknown', 'active'] as const) {
        if (/text-(?:decoration|shadow)/i.test(style[kind])) {
          rules.push(`${tintScope}::highlight(${HIGHLIGHT_NAMES[kind]}) { ${declarations(`${HIGHLIGHT_PRESETS.background[kind]};text-decoration: none;text-shadow: none`)} }`);
        }
      }
    }
    return rules.join('\n');
  }
  return [
    `${w} { display: inline !important; }`,
    `${w}[data-pg-kind="term"] { ${term} }`,
    `${w}[data-pg-kind="fuzzy"] { ${fuzzy} }`,
    `${w}[data-pg-kind="unknown-slogan"] { ${unknown} }`,
    `${w}[data-pg-active] { ${active} }`,
    `${w}:focus-visible { outline: 2px solid #1a73e8 !important; outline-offset: 1px !important; }`,
  ].join('\n');
}

type Scope = Document | ShadowRoot;

/** Puts the stylesheet into documents and shadow roots, and takes it out again. */
export interface StyleHost {
  /** Makes the rules apply inside `scope` (idempotent). */
  attach(scope: Scope): void;
  /** Changes the look everywhere the rules are attached. */
  update(style: HighlightStyle): void;
  /** Removes every sheet and <style> element this host added. */
  destroy(): void;
}

interface Attached {
  scope: Scope;
  sheet?: CSSStyleSheet;
  element?: HTMLStyleElement;
}

/** Creates a style host for `style` in `mode`. */
export function createStyleHost(style: HighlightStyle, mode: MarkMode, scope?: string, tintScope?: string): StyleHost {
  let css = highlightCss(style, mode, scope, tintScope);
  const sheets = new Map<Document, CSSStyleSheet | null>();
  const attached = new Map<Scope, Attached>();

  const sheetFor = (doc: Document): CSSStyleSheet | null => {
    if (sheets.has(doc)) return sheets.get(doc) ?? null;
    let sheet: CSSStyleSheet | null = null;
    try {
      // A sheet can only be adopted in the document whose window constructed it.
      const Sheet = doc.defaultView?.CSSStyleSheet;
      if (Sheet && 'adoptedStyleSheets' in doc) {
        sheet = new Sheet();
        sheet.replaceSync(css);
      }
    } catch {
      sheet = null;
    }
    sheets.set(doc, sheet);
    return sheet;
  };

  return {
    attach(scope) {
      if (attached.has(scope)) return;
      const doc = scope.nodeType === 9 ? (scope as Document) : (scope.ownerDocument as Document);
      const sheet = sheetFor(doc);
      if (sheet) {
        try {
          scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
          attached.set(scope, { scope, sheet });
          return;
        } catch {
          // fall through to a <style> element
        }
      }
      const element = doc.createElement('style');
      element.setAttribute(UI_HOST_ATTRIBUTE, 'style');
      element.textContent = css;
      const parent = scope.nodeType === 9 ? ((scope as Document).head ?? (scope as Document).documentElement) : scope;
      parent?.appendChild(element);
      attached.set(scope, { scope, element });
    },
    update(next) {
      css = highlightCss(next, mode, scope, tintScope);
      for (const sheet of sheets.values()) sheet?.replaceSync(css);
      for (const entry of attached.values()) if (entry.element) entry.element.textContent = css;
    },
    destroy() {
      for (const entry of attached.values()) {
        try {
          if (entry.sheet) entry.scope.adoptedStyleSheets = entry.scope.adoptedStyleSheets.filter((s) => s !== entry.sheet);
          entry.element?.remove();
        } catch {
          // The scope's document may already be gone (a navigated iframe).
        }
      }
      attached.clear();
      sheets.clear();
    },
  };
}
