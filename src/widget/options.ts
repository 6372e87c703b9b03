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
  /**
   * Also explain terms from the collection (every place's reports), loaded after the glossary: a
   * URL (relative URLs resolve against the page), or '' for collection.json beside the widget's
   * files. `data-collection` (bare, or with a URL). The town's own entries always come first.
   */
  collection?: string;
  /** The town's place, a GB/T 2260 code (310115) or a name (浦东新区), for the collection's choice. `data-region`. */
  region?: string;
}

/** Flag values: a bare attribute, true/on/yes/1, or false/off/no/0 (any case). */
const TRUE = /^(|true|on|yes|1)$/;
const FALSE = /^(false|off|no|0)$/;

// Pairs, not an object to walk with for…in: pages add enumerable properties to Object.prototype.
const CHOICES = [
  ['theme', ['light', 'dark', 'auto']],
  ['mode', ['wrap', 'highlight']],
] as const;

/**
 * The options an element's data- attributes set (attributes that are absent or unreadable set
 * nothing). One table-driven pass: the embed script's every byte counts against its 20 KB.
 */
export function readDataOptions(element: Element): WidgetOptions {
  const options: Record<string, unknown> = {};
  const read = (name: string) => element.getAttribute(`data-${name}`)?.trim();
  for (const name of ['root', 'glossary', 'exclude', 'locale', 'region', 'collection']) {
    const value = read(name);
    // A bare data-collection turns the collection on (from beside the script).
    if (value || (value === '' && name === 'collection')) options[name] = value;
  }
  for (const [key, name] of [['firstOnly', 'first-only'], ['unknown', 'unknown']] as const) {
    const value = read(name)?.toLowerCase() ?? '-';
    if (TRUE.test(value)) options[key] = true;
    else if (FALSE.test(value)) options[key] = false;
  }
  for (const [name, choices] of CHOICES) {
    const value = read(name)?.toLowerCase();
    if ((choices as readonly unknown[]).includes(value)) options[name] = value;
  }
  return options as WidgetOptions;
}

/** `exclude` as the list of selectors the annotator takes. */
export function excludeList(exclude: WidgetOptions['exclude']): string[] {
  if (exclude === undefined) return [];
  return (typeof exclude === 'string' ? [exclude] : [...exclude]).map((s) => s.trim()).filter(Boolean);
}
