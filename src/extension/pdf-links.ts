// A small content script of its own (the main one is at its size budget): on pages where the
// extension is on, each link to a PDF gets an "在术语助手中打开 / Open in Policy Glossary" button,
// and with the option on, plain clicks on those links open the viewer instead of the browser's.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isPdfUrl } from '../pdf/pdf-link';
import { loadSettings, localeFor, watchSettings, type ExtensionSettings } from './settings';
import { siteState } from './sites';
import { UI_HOST_ATTRIBUTE } from '../dom/text-collect';

/** Marks our button's host element (also the annotator's "never scan" attribute). */
const CONTROL_ATTRIBUTE = 'data-policy-glossary-pdf';
/** Links looked at per pass: a page with thousands of PDF links gets buttons on the first ones. */
const MAX_LINKS = 300;
const RESCAN_MS = 500;

/** Asks the background to open `url` in the viewer (in this tab when `here`). */
export function openInViewer(url: string, here = false): Promise<unknown> {
  return browser.runtime.sendMessage({ type: 'pg:open-pdf', url, here });
}

/** Runs the link controls until the context is invalidated. */
export async function runPdfLinks(ctx: ContentScriptContext): Promise<void> {
  let settings = await loadSettings();
  if (ctx.isInvalid) return;
  // In the language setting's language (the browser's under 跟随浏览器), as the tooltip speaks.
  const zh = /^zh/i.test(localeFor(settings.language, browser.i18n.getUILanguage()));
  const label = zh ? '在术语助手中打开' : 'Open in Policy Glossary';
  const seen = new WeakSet<HTMLAnchorElement>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const on = (): boolean => siteState(settings, location.href) === 'on';

  const decorate = (): void => {
    timer = undefined;
    if (!on()) return;
    let count = 0;
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
      if (seen.has(link) || !isPdfUrl(link.href)) continue;
      if (++count > MAX_LINKS) break;
      seen.add(link);
      link.after(controlFor(link, label));
    }
  };
  const schedule = (): void => {
    timer ??= setTimeout(decorate, RESCAN_MS);
  };

  // With the option on, a plain left click on a PDF link opens it in the viewer, in this tab.
  const onClick = (event: MouseEvent): void => {
    if (!settings.openPdfsInViewer || !on()) return;
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!link || !isPdfUrl(link.href) || link.hasAttribute('download')) return;
    event.preventDefault();
    void openInViewer(link.href, link.target === '' || link.target === '_self');
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('click', onClick, true);
  const unwatch = watchSettings((next: ExtensionSettings) => {
    settings = next;
    if (on()) schedule();
    else for (const control of Array.from(document.querySelectorAll(`[${CONTROL_ATTRIBUTE}]`))) control.remove();
  });
  ctx.onInvalidated(() => {
    observer.disconnect();
    document.removeEventListener('click', onClick, true);
    unwatch();
    clearTimeout(timer);
    for (const control of Array.from(document.querySelectorAll(`[${CONTROL_ATTRIBUTE}]`))) control.remove();
  });
  decorate();
}

/**
 * The button after a link, in a shadow root so the page's CSS cannot restyle it; styled through
 * CSSOM (allowed under any style-src CSP, unlike a <style> element).
 */
function controlFor(link: HTMLAnchorElement, label: string): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute(CONTROL_ATTRIBUTE, '');
  host.setAttribute(UI_HOST_ATTRIBUTE, '');
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.title = '在术语助手中打开 / Open in Policy Glossary';
  button.style.cssText =
    'all:initial;display:inline-block;margin:0 0 0 6px;padding:0 6px;border:1px solid #1a73e8;border-radius:4px;' +
    'font:12px/18px system-ui,sans-serif;color:#1a73e8;background:#fff;cursor:pointer;vertical-align:baseline;white-space:nowrap';
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    void openInViewer(link.href);
  });
  root.append(button);
  return host;
}
