// The toolbar popup: glossary search first (focused on open), then this site's switch, how this
// page is drawn (density, hide on this page), the page's terms and unknown slogans, and the way to
// the settings. Sections in src/extension/popup/.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LocalPdfLink, PdfTabButton } from './pdf-controls';
import { createStrings } from '../ui/strings';
import { downloadText } from './download';
import { getMergedPack } from './merged-pack';
import { watchGlossarySearch, type GlossarySearchAccess } from './glossary-access';
import { isFrameReport, type PageReport } from './messages';
import { mergeFrameReports } from './page-report';
import { applyPageStyles } from './page-styles';
import { PageDisplay } from './popup/page-display';
import { PageTerms, type ShowRequest } from './popup/page-terms';
import { SearchSection } from './popup/search-section';
import { SiteSection, type PopupSiteState } from './popup/site-section';
import { askBackground, askTab } from './respond';
import { loadSettings, pageKey, setHostDisabled, updateSettings, watchSettings, type ExtensionSettings } from './settings';
import { injectIntoTab, requestHostPermission } from './site-access';
import { LOCAL_FILES, siteHost, siteState } from './sites';
import { currentStrings, pageLocale } from './strings';

/**
 * The tab the popup acts on: the active tab, or `?tab=ID&url=URL` when the popup is opened as a
 * page (tests, keyboard users); the URL parameter stands in when the browser withholds the tab's
 * URL (no activeTab grant without a click on the toolbar button).
 */
async function targetTab(): Promise<{ id?: number; url?: string } | undefined> {
  const params = new URLSearchParams(location.search);
  const id = params.get('tab');
  if (!id) {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab;
  }
  const tab = await browser.tabs.get(Number(id));
  return { id: tab.id, url: tab.url ?? params.get('url') ?? undefined };
}

/** How long the popup keeps asking a page's frames for their reports after it opens (they may still load). */
const FRAME_WAIT_MS = 3000;

/**
 * Asks the tab's content script for its report until the scan is done, starting the script once if
 * needed; the frames that read their own text (a report framed from another government host,
 * src/extension/frames.ts) send theirs, merged in (page-report.ts mergeFrameReports).
 */
function usePageReport(tabId: number | undefined, on: boolean): PageReport | 'unavailable' | undefined {
  const [report, setReport] = useState<PageReport | 'unavailable'>();
  const [frames, setFrames] = useState<ReadonlyMap<number, PageReport>>(new Map());
  useEffect(() => {
    if (tabId === undefined) return;
    let cancelled = false;
    let injected = false;
    // The frames' latest reports: one still scanning keeps the polling on, as the top page's scan
    // does, and so do the first seconds, while a frame may still be loading.
    const latest = new Map<number, PageReport>();
    const until = Date.now() + FRAME_WAIT_MS;
    const onFrameReport = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }): undefined => {
      if (cancelled || !isFrameReport(message) || sender.tab?.id !== tabId || sender.frameId === undefined || sender.frameId === 0) return;
      latest.set(sender.frameId, message.report);
      setFrames(new Map(latest));
    };
    browser.runtime.onMessage.addListener(onFrameReport);
    // Sent to every frame; each one reading its own text answers with a message (onFrameReport).
    const askFrames = (): void => void browser.tabs.sendMessage(tabId, { type: 'pg:report-frames' }).catch(() => undefined);
    const poll = async (): Promise<void> => {
      try {
        const next = await askTab<PageReport>(tabId, { type: 'pg:report' });
        if (cancelled) return;
        setReport(next);
        askFrames();
        const framesBusy = Date.now() < until || [...latest.values()].some((frame) => frame.scanning);
        if (next.scanning || (next.active && framesBusy) || (on && !next.active)) setTimeout(() => void poll(), 300);
      } catch {
        if (cancelled) return;
        // A tab still loading (a reload) gets its content scripts as it loads: asked again, never
        // injected into meanwhile (an injection into a reloading page raced the registered scripts,
        // and in Chromium the page's load event then never came).
        if ((await browser.tabs.get(tabId).catch(() => undefined))?.status === 'loading') {
          if (!cancelled) setTimeout(() => void poll(), 300);
          return;
        }
        if (cancelled) return;
        // A tab opened before the extension was installed has no content script yet: start it
        // once (the toolbar click grants activeTab), then ask again.
        if (on && !injected) {
          injected = true;
          const started = await injectIntoTab(tabId).then(
            () => true,
            () => false,
          );
          if (started && !cancelled) {
            setTimeout(() => void poll(), 300);
            return;
          }
        }
        setReport('unavailable');
      }
    };
    void poll();
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onFrameReport);
    };
  }, [tabId, on]);
  return report === undefined || report === 'unavailable' ? report : mergeFrameReports(report, frames);
}

function Popup() {
  const [tab, setTab] = useState<{ id?: number; url?: string }>();
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [access, setAccess] = useState<GlossarySearchAccess>();
  const [message, setMessage] = useState<string>();
  // Whether the browser runs content scripts in file: pages (Chromium's per-extension switch; always false in Firefox).
  const [fileAccess, setFileAccess] = useState<boolean>();

  useEffect(() => {
    void targetTab().then(setTab);
    void loadSettings().then(setSettings);
    const unwatchGlossary = watchGlossarySearch(setAccess);
    const unwatchSettings = watchSettings(setSettings);
    return () => {
      unwatchGlossary();
      unwatchSettings();
    };
  }, []);

  const host = siteHost(tab?.url);
  useEffect(() => {
    if (host === LOCAL_FILES) void browser.extension.isAllowedFileSchemeAccess().then(setFileAccess, () => setFileAccess(false));
  }, [host]);
  const site = settings ? siteState(settings, tab?.url) : undefined;
  // A local file the browser keeps the content scripts out of: nothing runs there, whatever the switch says.
  const state: PopupSiteState | undefined = host === LOCAL_FILES && fileAccess === false && (site === 'on' || site === 'off-site') ? 'no-file-access' : site;
  const hidden = settings !== undefined && tab?.url !== undefined && settings.hiddenPages.includes(pageKey(tab.url));
  const report = usePageReport(tab?.id, state === 'on' && !hidden);
  const t = settings ? currentStrings(settings.language) : undefined;
  useEffect(() => {
    if (t) document.documentElement.lang = t.lang;
  }, [t?.lang]);

  const enableHere = async (): Promise<void> => {
    if (!host || !t) return;
    try {
      if (!(await requestHostPermission(host))) {
        setMessage(t.permissionDenied);
        return;
      }
      await askBackground({ type: 'pg:enable-host', host, tabId: tab?.id });
      setMessage(undefined);
    } catch (error) {
      setMessage(`${t.permissionDenied}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // A term or slogan first found in a frame is shown there.
  const showOnPage = (request: ShowRequest, frameId?: number): void => {
    if (tab?.id !== undefined) void askTab(tab.id, request, frameId);
  };

  const exportStubs = async (): Promise<void> => {
    if (!report || report === 'unavailable') return;
    const { slogansToStubYaml } = await import('./stubs');
    downloadText('glossary-stubs.yaml', slogansToStubYaml(report.slogans, report.url, await getMergedPack()), 'application/yaml');
  };

  if (!settings || !t) return null;
  const ui = createStrings(pageLocale(settings.language));
  return (
    <div class="pg-root pg-auto pg-page pg-popup" lang={t.lang}>
      <h1>
        <span>{t.appName}</span>
        <label class="pg-count">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => {
              // Read now: updateSettings applies the change after an await, when currentTarget is null.
              const enabled = e.currentTarget.checked;
              void updateSettings(() => ({ enabled }));
            }}
          />
          {settings.enabled ? t.globalOn : t.globalOff}
        </label>
      </h1>
      <SearchSection t={t} ui={ui} access={access} initialQuery={new URLSearchParams(location.search).get('q') ?? ''} />
      <SiteSection t={t} state={state} host={host} message={message} onToggle={(disabled) => host && void updateSettings((s) => setHostDisabled(s, host, disabled))} onEnable={() => void enableHere()} onOpenDetails={chromiumDetails} />
      <PdfTabButton tab={tab} language={settings.language} />
      {state === 'on' && tab?.url && <PageDisplay t={t} settings={settings} url={tab.url} hidden={hidden} />}
      {state === 'on' && !hidden && <PageTerms t={t} report={report} onShow={showOnPage} onExport={() => void exportStubs()} />}
      <p class="pg-status pg-foot-link">
        <button type="button" class="pg-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.openOptions}
        </button>
        <LocalPdfLink language={settings.language} />
      </p>
    </div>
  );
}

/**
 * Opens Chromium's page for this extension's details, where its "Allow access to file URLs" switch
 * is; undefined in Firefox, which has no such switch.
 */
const chromiumDetails = browser.runtime.getURL('/').startsWith('chrome-extension:')
  ? () => void browser.tabs.create({ url: `chrome://extensions/?id=${browser.runtime.id}` })
  : undefined;

/** Renders the popup into `root`. */
export function mountPopup(root: HTMLElement): void {
  applyPageStyles(root.ownerDocument);
  render(<Popup />, root);
}
