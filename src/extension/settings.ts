// The user's settings in storage.local: global switch, per-site switches, highlight style and
// hover delay. Stored values are merged over the defaults so new fields appear after an update.
import type { HighlightPreset } from '../dom/annotator';
import { localItem } from './storage-item';

/** How highlighted terms look on the page (the page layer's presets). */
export type HighlightStyle = HighlightPreset;

/** Everything the options page and popup let the user change. */
export interface ExtensionSettings {
  /** Global switch. */
  enabled: boolean;
  /** Hosts the user turned off (bundled government hosts included). */
  disabledHosts: string[];
  /** Other hosts the user turned on from the popup (permission granted for each). */
  enabledHosts: string[];
  highlightStyle: HighlightStyle;
  /** Milliseconds the pointer rests on a term before its tooltip opens. */
  hoverDelay: number;
  /** Also mark numbered slogans the glossary does not know yet. */
  unknownSlogans: boolean;
  theme: 'auto' | 'light' | 'dark';
  /** Source groups turned off (province codes, 'central', 'editorial', 'user', 'other'; see source-groups.ts). */
  disabledGroups: string[];
  /** Plain clicks on PDF links of pages where the extension is on open the PDF viewer (issue #20). */
  openPdfsInViewer: boolean;
  /** The extension's own words: the browser's UI language, or Chinese or English whatever the browser says. */
  language: LanguageSetting;
  /** How many of a page's matches are drawn (see {@link Density}). */
  density: Density;
  /** Pages the reader hid the highlights on from the popup ({@link pageKey}s, newest last). */
  hiddenPages: string[];
}

/**
 * How many matches are drawn: every occurrence, the first of each term, or none until the
 * pointer rests on one (Alt+Shift+↓ shows them all; hover, the tooltip and Alt+Shift+←/→ work
 * in every density).
 */
export type Density = 'all' | 'first' | 'hover';

/** Most pages remembered as hidden: the oldest is forgotten first, so storage stays small. */
export const HIDDEN_PAGES_LIMIT = 500;

/** The language choices of the options page. */
export type LanguageSetting = 'auto' | 'zh-CN' | 'en';

/** Settings of a fresh install. */
export const DEFAULT_SETTINGS: Readonly<ExtensionSettings> = Object.freeze({
  enabled: true,
  disabledHosts: [],
  enabledHosts: [],
  highlightStyle: 'underline',
  hoverDelay: 300,
  unknownSlogans: true,
  theme: 'auto',
  disabledGroups: [],
  openPdfsInViewer: false,
  language: 'auto',
  // Measured on 31 real www.gov.cn pages with the national collection (scripts/eval-density.ts):
  // every occurrence drew up to 106 highlights on a page (median 6), the first of each term up to
  // 16 (median 3); the median page keeps its terms, the busiest loses its wall of underlines.
  density: 'first',
  hiddenPages: [],
});

/** Bounds of the hover delay the options page accepts, in milliseconds. */
export const HOVER_DELAY_RANGE = { min: 0, max: 3000 } as const;

const settingsItem = localItem<Partial<ExtensionSettings>>('settings', {});

/** Fills in missing or malformed fields of a stored settings object from the defaults. */
export function normaliseSettings(stored: unknown): ExtensionSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof ExtensionSettings, unknown>>;
  // One helper per kind of field: the content script carries this, on every government page.
  const strings = (value: unknown): string[] => (Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : []);
  const hosts = (value: unknown): string[] => [...new Set(strings(value).map((h) => h.toLowerCase()))];
  const flag = (key: 'enabled' | 'unknownSlogans' | 'openPdfsInViewer'): boolean => (typeof s[key] === 'boolean' ? (s[key] as boolean) : DEFAULT_SETTINGS[key]);
  const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
  const delay = typeof s.hoverDelay === 'number' && Number.isFinite(s.hoverDelay) ? s.hoverDelay : DEFAULT_SETTINGS.hoverDelay;
  return {
    enabled: flag('enabled'),
    disabledHosts: hosts(s.disabledHosts),
    enabledHosts: hosts(s.enabledHosts),
    highlightStyle: oneOf(s.highlightStyle, ['background', 'off'], 'underline'),
    hoverDelay: Math.min(HOVER_DELAY_RANGE.max, Math.max(HOVER_DELAY_RANGE.min, Math.round(delay))),
    unknownSlogans: flag('unknownSlogans'),
    theme: oneOf(s.theme, ['light', 'dark'], 'auto'),
    disabledGroups: strings(s.disabledGroups),
    openPdfsInViewer: flag('openPdfsInViewer'),
    language: oneOf(s.language, ['zh-CN', 'en'], 'auto'),
    density: oneOf(s.density, ['all', 'hover'], DEFAULT_SETTINGS.density),
    hiddenPages: strings(s.hiddenPages).slice(-HIDDEN_PAGES_LIMIT),
  };
}

/**
 * The locale the extension speaks: the chosen one, or the browser's UI language under 'auto'.
 * An official with an English browser can still have the extension in Chinese, and the reverse.
 */
export function localeFor(language: LanguageSetting, browserLanguage: string): string {
  return language === 'auto' ? browserLanguage : language;
}

/** Reads the settings. */
export async function loadSettings(): Promise<ExtensionSettings> {
  return normaliseSettings(await settingsItem.getValue());
}

/** Applies `change` to the stored settings and returns the result. */
export async function updateSettings(change: (current: ExtensionSettings) => Partial<ExtensionSettings>): Promise<ExtensionSettings> {
  const current = await loadSettings();
  const next = normaliseSettings({ ...current, ...change(current) });
  await settingsItem.setValue(next);
  return next;
}

/** Calls `listener` whenever the stored settings change; returns the unsubscribe function. */
export function watchSettings(listener: (settings: ExtensionSettings) => void): () => void {
  return settingsItem.watch((value) => listener(normaliseSettings(value)));
}

/** Turns the extension on or off for one host (a bundled or a user-enabled one). */
export function setHostDisabled(settings: ExtensionSettings, host: string, disabled: boolean): Partial<ExtensionSettings> {
  const others = settings.disabledHosts.filter((h) => h !== host);
  return { disabledHosts: disabled ? [...others, host] : others };
}

/**
 * The key a page is hidden under: its address without the fragment, query kept (a CMS often
 * tells its articles apart by `?id=`), so jumping within a page keeps it hidden.
 */
export function pageKey(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/** Hides or shows again the highlights of one page. */
export function setPageHidden(settings: ExtensionSettings, url: string, hidden: boolean): Partial<ExtensionSettings> {
  const key = pageKey(url);
  const others = settings.hiddenPages.filter((p) => p !== key);
  return { hiddenPages: hidden ? [...others, key].slice(-HIDDEN_PAGES_LIMIT) : others };
}
