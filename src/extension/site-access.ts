// Runs the content script on hosts the user turned on: asks for the host permission (from the
// popup's click, which browsers require), registers the script for those hosts (scripting API in
// MV3, contentScripts in Firefox MV2) and injects it into the tab already open.
import { browser } from 'wxt/browser';
import { hostPattern } from './sites';

/** Paths of the built content scripts inside the extension: the glossary's, and the one that reads a page's own notes. */
export const CONTENT_SCRIPT_FILES = ['/content-scripts/content.js', '/content-scripts/page-notes.js'] as const;

const REGISTRATION_ID = 'policy-glossary-user-sites';

/** Firefox MV2's dynamic content scripts (not in the Chrome typings). */
interface FirefoxContentScripts {
  register(options: { matches: string[]; js: { file: string }[]; runAt?: string; allFrames?: boolean }): Promise<{ unregister(): Promise<void> }>;
}

/** MV2's tabs.executeScript (not in the MV3 typings). */
type ExecuteScriptV2 = (tabId: number, details: { file: string; runAt?: string }) => Promise<unknown>;

const api = browser as unknown as {
  scripting?: typeof browser.scripting;
  contentScripts?: FirefoxContentScripts;
  tabs: { executeScript?: ExecuteScriptV2 };
};

/** Asks the browser for access to `host`; must run inside a user gesture (a click in the popup). */
export function requestHostPermission(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [hostPattern(host)] });
}

/** True when the extension may run on `host` (granted optional permission). */
export function hasHostPermission(host: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [hostPattern(host)] });
}

let firefoxRegistration: { matches: string[]; registration: { unregister(): Promise<void> } } | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the dynamic registration match `hosts` exactly (those still granted), so the content
 * script starts on them on every page load. Returns the hosts registered. Calls run one after
 * the other: overlapping unregister/register pairs would collide on the registration id.
 */
export function syncRegisteredHosts(hosts: readonly string[]): Promise<string[]> {
  const run = queue.then(() => registerHosts(hosts));
  queue = run.catch(() => undefined);
  return run;
}

async function registerHosts(hosts: readonly string[]): Promise<string[]> {
  const granted: string[] = [];
  for (const host of hosts) if (await hasHostPermission(host)) granted.push(host);
  const matches = granted.map(hostPattern);
  if (api.scripting?.registerContentScripts) {
    const [existing] = await api.scripting.getRegisteredContentScripts({ ids: [REGISTRATION_ID] });
    const script = { id: REGISTRATION_ID, matches, js: CONTENT_SCRIPT_FILES.map((file) => file.slice(1)), runAt: 'document_idle' as const, allFrames: true, persistAcrossSessions: true };
    // Left alone when it already names these hosts and files in all frames, changed in place when it does not:
    // taken away and added again on every settings change (turning a site on made two), it left
    // moments in which a page of those hosts loading meanwhile started without the script.
    if (existing && sameList(existing.matches ?? [], matches) && sameList(existing.js ?? [], script.js) && existing.allFrames === true) return granted;
    if (matches.length > 0) await (existing ? api.scripting.updateContentScripts([script]) : api.scripting.registerContentScripts([script]));
    else if (existing) await api.scripting.unregisterContentScripts({ ids: [REGISTRATION_ID] });
  } else if (api.contentScripts) {
    // Firefox MV2 registers for this background page's life only, and cannot change one in place.
    if (firefoxRegistration && sameList(firefoxRegistration.matches, matches)) return granted;
    await firefoxRegistration?.registration.unregister();
    firefoxRegistration = undefined;
    if (matches.length > 0) {
      firefoxRegistration = { matches, registration: await api.contentScripts.register({ matches, js: CONTENT_SCRIPT_FILES.map((file) => ({ file })), runAt: 'document_idle', allFrames: true }) };
    }
  }
  return granted;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((match) => b.includes(match));

/** Starts the content scripts in a tab that is already open (each ignores a second start). */
export async function injectIntoTab(tabId: number): Promise<void> {
  if (api.scripting?.executeScript) {
    await api.scripting.executeScript({ target: { tabId }, files: [...CONTENT_SCRIPT_FILES] });
  } else if (api.tabs.executeScript) {
    for (const file of CONTENT_SCRIPT_FILES) await api.tabs.executeScript(tabId, { file, runAt: 'document_idle' });
  }
}
