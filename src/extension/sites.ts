// Which pages the extension works on: government hosts by default, other sites the user turned on,
// minus the sites and the global switch the user turned off.
import { pageKey, type ExtensionSettings } from './settings';

/** Hosts the content script is declared for in the manifest (match patterns). */
export const BUNDLED_SITE_PATTERNS = ['*://*.gov.cn/*', '*://*.12371.cn/*', '*://*.qstheory.cn/*'] as const;

/** Host suffixes equivalent to BUNDLED_SITE_PATTERNS, for checks on a page's host name. */
const BUNDLED_HOST_SUFFIXES = BUNDLED_SITE_PATTERNS.map((pattern) => pattern.slice('*://*.'.length, -'/*'.length));

/**
 * The site key of every local file (a page saved to disk and opened from there; no host name can be
 * it). wxt.config.ts declares `file:///*` for the page and page-notes content scripts of Chromium
 * builds, where the browser runs them once file access is allowed (always for an unpacked
 * extension, after the user's switch for an installed one). Firefox runs no extension's content
 * scripts in file: pages.
 */
export const LOCAL_FILES = 'file:';

/** True when the host is covered by the bundled patterns (gov.cn and its subdomains, …, and local files). */
export function isBundledHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === LOCAL_FILES || BUNDLED_HOST_SUFFIXES.some((suffix) => h === suffix || h.endsWith(`.${suffix}`));
}

/** The host name of an http(s) URL, LOCAL_FILES for a file: URL, or undefined for other pages (about:, the extension's own). */
export function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'file:') return LOCAL_FILES;
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** The match pattern asked for and registered when the user turns a host on (any scheme and port). */
export function hostPattern(host: string): string {
  return `*://${host}/*`;
}

/** How the extension stands on one page, as the popup shows it. */
export type SiteState = 'on' | 'off-site' | 'off-global' | 'not-enabled' | 'unsupported';

/** Decides whether the extension works on `url` under `settings`. */
export function siteState(settings: ExtensionSettings, url: string | undefined): SiteState {
  const host = siteHost(url);
  if (!host) return 'unsupported';
  if (!settings.enabled) return 'off-global';
  if (settings.disabledHosts.includes(host)) return 'off-site';
  if (isBundledHost(host) || settings.enabledHosts.includes(host)) return 'on';
  return 'not-enabled';
}

/** Whether the extension highlights on the page at `url`: its site is on and the reader has not hidden the page. */
export function pageIsOn(settings: ExtensionSettings, url: string): boolean {
  return siteState(settings, url) === 'on' && !settings.hiddenPages.includes(pageKey(url));
}
