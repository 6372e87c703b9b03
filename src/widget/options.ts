// The widget's options: what `PolicyGlossary.init({...})` accepts and how the embedding script
// tag's data- attributes map onto it, so both ways of configuring mean exactly the same thing.

/** Colour scheme of tooltips and panels; 'auto' follows the reader's `prefers-color-scheme`. */
export type WidgetTheme = 'light' | 'dark' | 'auto';

/**
 * How terms are marked. 'wrap' (default) puts each term in a focusable `<pg-term>` element, so
 * keyboard users reach it with Tab; 'highlight' uses the CSS Custom Highlight API and leaves the
 * page's DOM untouched (terms are then reached with Alt+Shift+→ instead of Tab).
 */
export type WidgetMode = 'wrap' | 'highlight';

/** Options of `PolicyGlossary.init`; each has a data- attribute twin on the script tag. */
export interface WidgetOptions {
  /** Element (or a selector for it) whose text is annotated; default `document.body`. `data-root`. */
  root?: Element | string;
  /**
   * The glossary: a URL of glossary.json (relative URLs resolve against the page) or an inline pack
   * object. `data-glossary`; default: glossary.json beside the script.
   */
  glossary?: string | object;
  /** Selectors whose text is never annotated (navigation, footers…). `data-exclude` (one selector list). */
  exclude?: string | readonly string[];
  /** Mark only the first occurrence of each term. `data-first-only`. */
  firstOnly?: boolean;
  /** Also mark numbered slogans that are not in the glossary (default true). `data-unknown="off"`. */
  unknown?: boolean;
  /** `data-theme`. */
  theme?: WidgetTheme;
  /** Language of the UI's own words ('zh-CN' or 'en'); default the page's `lang`. `data-locale`. */
  locale?: string;
  /** `data-mode`. */
  mode?: WidgetMode;
}

const TRUE = new Set(['', 'true', 'on', 'yes', '1']);
const FALSE = new Set(['false', 'off', 'no', '0']);

function readFlag(element: Element, name: string): boolean | undefined {
  const value = element.getAttribute(name);
  if (value === null) return undefined;
  const normalised = value.trim().toLowerCase();
  if (TRUE.has(normalised)) return true;
  if (FALSE.has(normalised)) return false;
  return undefined;
}

function readChoice<T extends string>(element: Element, name: string, choices: readonly T[]): T | undefined {
  const value = element.getAttribute(name)?.trim().toLowerCase();
  return choices.find((choice) => choice === value);
}

/** The options an element's data- attributes set (attributes that are absent set nothing). */
export function readDataOptions(element: Element): WidgetOptions {
  const options: WidgetOptions = {};
  const root = element.getAttribute('data-root')?.trim();
  if (root) options.root = root;
  const glossary = element.getAttribute('data-glossary')?.trim();
  if (glossary) options.glossary = glossary;
  const exclude = element.getAttribute('data-exclude')?.trim();
  if (exclude) options.exclude = exclude;
  const firstOnly = readFlag(element, 'data-first-only');
  if (firstOnly !== undefined) options.firstOnly = firstOnly;
  const unknown = readFlag(element, 'data-unknown');
  if (unknown !== undefined) options.unknown = unknown;
  const theme = readChoice(element, 'data-theme', ['light', 'dark', 'auto'] as const);
  if (theme) options.theme = theme;
  const locale = element.getAttribute('data-locale')?.trim();
  if (locale) options.locale = locale;
  const mode = readChoice(element, 'data-mode', ['wrap', 'highlight'] as const);
  if (mode) options.mode = mode;
  return options;
}

/** `exclude` as the list of selectors the annotator takes. */
export function excludeList(exclude: WidgetOptions['exclude']): string[] {
  if (exclude === undefined) return [];
  return (typeof exclude === 'string' ? [exclude] : [...exclude]).map((s) => s.trim()).filter(Boolean);
}
