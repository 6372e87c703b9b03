// The background: installs the bundled glossary, keeps the merged pack and the registration of
// user-enabled hosts current, updates subscriptions periodically, and answers the other parts.
import { browser } from 'wxt/browser';
import { installBundledPack, BUNDLED_GLOSSARY_FILE } from './bundled';
import { isBackgroundRequest, type BackgroundRequest, type EntryDraft } from './messages';
import { onRequest } from './respond';
import { loadSettings, updateSettings, watchSettings } from './settings';
import { injectIntoTab, syncRegisteredHosts } from './site-access';
import { getCompiledPack, getMergedPack } from './merged-pack';
import { keepMergedPackInMemory } from './merged-memo';
import { pageEntries, sloganAnswer } from './entries';
import { choosePageSenses } from './page-senses';
import { learnPageNotes, learnPdfNotes, notesPageUrl } from './page-notes';
import { VIEWER_PATH } from '../pdf/pdf-link';
import { compileMergedPack, rebuildMergedPack } from './store';
import { SUBSCRIPTION_ALARM, SUBSCRIPTION_PERIOD_MINUTES, updateAllSubscriptions } from './subscriptions';
import { saveEntryDraft } from './drafts';
import { TOOLTIP_STYLES } from '../ui/styles';

const readBundledGlossary = async (): Promise<string> => {
  const response = await fetch(browser.runtime.getURL(`/${BUNDLED_GLOSSARY_FILE}`));
  return response.text();
};

/** Starts the background; listeners are added synchronously, as MV3 service workers require. */
export function startBackground(): void {
  /** The turned-off source groups the merged pack was last built for. */
  let disabledGroups: string | undefined;
  keepMergedPackInMemory();
  const init = async (): Promise<void> => {
    await installBundledPack(readBundledGlossary);
    const settings = await loadSettings();
    disabledGroups ??= settings.disabledGroups.join('\n');
    await syncRegisteredHosts(settings.enabledHosts);
    if (!(await browser.alarms.get(SUBSCRIPTION_ALARM))) {
      browser.alarms.create(SUBSCRIPTION_ALARM, { periodInMinutes: SUBSCRIPTION_PERIOD_MINUTES, delayInMinutes: 1 });
    }
  };
  const ready = init().catch((error: unknown) => console.error('[policy-glossary] background start failed', error));

  let registeredHosts = '';
  watchSettings((settings) => {
    // Turned-off source groups are left out of the merged pack itself (the options page also
    // rebuilds at once; this covers changes made while it was closed, e.g. synced storage).
    const groups = settings.disabledGroups.join('\n');
    if (groups !== disabledGroups) void rebuildMergedPack();
    disabledGroups = groups;
    const key = settings.enabledHosts.join('\n');
    if (key === registeredHosts) return;
    registeredHosts = key;
    void syncRegisteredHosts(settings.enabledHosts);
  });

  // The first-run page explains the product once, on a fresh install (not on updates).
  // Opened beside what the reader is doing, not over it (a page being read keeps its focus).
  browser.runtime.onInstalled.addListener(({ reason }) => void (reason === 'install' && browser.tabs.create({ url: browser.runtime.getURL('/welcome.html'), active: false })));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SUBSCRIPTION_ALARM) void updateAllSubscriptions();
  });

  onRequest(isBackgroundRequest, async (request: BackgroundRequest, sender) => {
    await ready;
    switch (request.type) {
      case 'pg:page-senses':
        return choosePageSenses(request.clues, request.entryIds, sender.url);
      case 'pg:page-entries':
        return pageEntries(request.clues, request.entryIds, sender.url);
      case 'pg:page-notes':
        return learnPageNotes(request, notesPageUrl(request.pageUrl, sender.url));
      case 'pg:pdf-notes':
        return learnPdfNotes(request, sender.url, browser.runtime.getURL(VIEWER_PATH));
      case 'pg:slogan-usage':
        return sloganAnswer(request.text);
      case 'pg:get-pack':
        return getMergedPack();
      case 'pg:styles':
        return TOOLTIP_STYLES;
      case 'pg:get-compiled':
        await compileMergedPack();
        return getCompiledPack();
      case 'pg:enable-host':
        return enableHost(request.host, request.tabId);
      case 'pg:sync-hosts':
        return syncRegisteredHosts((await loadSettings()).enabledHosts);
      case 'pg:update-subscriptions':
        return updateAllSubscriptions();
      case 'pg:open-entry-form':
        return openEntryForm(request.draft);
      case 'pg:open-search':
        return browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(request.text)}`) }).then(() => undefined);
    }
  });
}

async function enableHost(host: string, tabId: number | undefined): Promise<boolean> {
  const settings = await updateSettings((s) => ({
    enabledHosts: s.enabledHosts.includes(host) ? s.enabledHosts : [...s.enabledHosts, host],
    disabledHosts: s.disabledHosts.filter((h) => h !== host),
  }));
  const registered = await syncRegisteredHosts(settings.enabledHosts);
  if (tabId !== undefined && registered.includes(host)) await injectIntoTab(tabId);
  return registered.includes(host);
}

async function openEntryForm(draft: EntryDraft): Promise<void> {
  await saveEntryDraft(draft);
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#add') });
}
