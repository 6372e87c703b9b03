// The toolbar popup: on/off for the current site, the page's terms (click → the page scrolls to
// the first occurrence and opens its tooltip), glossary search, and the page's unknown slogans.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PdfTabButton } from './pdf-controls';
import { createGlossarySearch } from '../core/search';
import type { GlossaryPack } from '../core/types';
import { EntryCard } from '../ui/entry-card';
import { createStrings } from '../ui/strings';
import type { PageReport } from './messages';
import { applyPageStyles } from './page-styles';
import { askBackground, askTab } from './respond';
import { loadSettings, setHostDisabled, updateSettings, watchSettings, type ExtensionSettings } from './settings';
import { injectIntoTab, requestHostPermission } from './site-access';
import { siteHost, siteState } from './sites';
import { getMergedPack, watchMergedPack } from './merged-pack';
import { currentStrings, type ExtensionStrings } from './strings';
import { downloadText } from './download';

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

function Popup() {
  const t = currentStrings();
  const ui = createStrings(browser.i18n.getUILanguage());
  const [tab, setTab] = useState<{ id?: number; url?: string }>();
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [pack, setPack] = useState<GlossaryPack | null>(null);
  const [report, setReport] = useState<PageReport | 'unavailable'>();
  const [message, setMessage] = useState<string>();
  const [query, setQuery] = useState('');
  const [openEntry, setOpenEntry] = useState<string>();

  useEffect(() => {
    void targetTab().then(setTab);
    void loadSettings().then(setSettings);
    void getMergedPack().then(setPack);
    const unwatchPack = watchMergedPack(setPack);
    const unwatchSettings = watchSettings(setSettings);
    return () => {
      unwatchPack();
      unwatchSettings();
    };
  }, []);

  const state = settings ? siteState(settings, tab?.url) : undefined;
  const host = siteHost(tab?.url);

  useEffect(() => {
    if (tab?.id === undefined) return;
    let cancelled = false;
    let injected = false;
    const poll = async (): Promise<void> => {
      try {
        const next = await askTab<PageReport>(tab.id as number, { type: 'pg:report' });
        if (cancelled) return;
        setReport(next);
        if (next.scanning || (state === 'on' && !next.active)) setTimeout(() => void poll(), 300);
      } catch {
        if (cancelled) return;
        // A tab opened before the extension was installed has no content script yet: start it
        // once (the toolbar click grants activeTab), then ask again.
        if (state === 'on' && !injected) {
          injected = true;
          const started = await injectIntoTab(tab.id as number).then(
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
    };
  }, [tab?.id, state]);

  const search = useMemo(() => (pack ? createGlossarySearch(pack) : undefined), [pack]);
  const results = search && query.trim() ? search.search(query.trim(), 8) : [];

  const enableHere = async (): Promise<void> => {
    if (!host) return;
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

  const toggleSite = (disabled: boolean): void => {
    if (host) void updateSettings((s) => setHostDisabled(s, host, disabled));
  };

  const showOnPage = (request: ShowRequest): void => {
    if (tab?.id !== undefined) void askTab(tab.id, request);
  };

  const exportStubs = async (): Promise<void> => {
    if (!report || report === 'unavailable') return;
    const { slogansToStubYaml } = await import('./stubs');
    downloadText('glossary-stubs.yaml', slogansToStubYaml(report.slogans, report.url, pack), 'application/yaml');
  };

  if (!settings) return null;
  const siteLine =
    state === 'on' ? t.siteOn(host ?? '') : state === 'off-site' ? t.siteOffSite(host ?? '') : state === 'not-enabled' ? t.siteNotEnabled(host ?? '') : state === 'off-global' ? t.siteOffGlobal : t.siteUnsupported;

  return (
    <div class="pg-root pg-auto pg-page" lang={t.lang} style="width:360px">
      <h1>
        <span>{t.appName}</span>
        <label class="pg-count">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => void updateSettings(() => ({ enabled: e.currentTarget.checked }))} />
          {settings.enabled ? t.globalOn : t.globalOff}
        </label>
      </h1>
      <section aria-live="polite">
        <p class="pg-status" data-site-state={state}>{siteLine}</p>
        <div class="pg-row">
          {state === 'on' && <button type="button" onClick={() => toggleSite(true)}>{t.turnOffSite}</button>}
          {state === 'off-site' && <button type="button" onClick={() => toggleSite(false)}>{t.turnOnSite}</button>}
          {state === 'not-enabled' && (
            <button type="button" class="pg-primary" data-action="enable-site" onClick={() => void enableHere()}>
              {t.enableSite}
            </button>
          )}
        </div>
        {message && <p class="pg-status pg-error">{message}</p>}
      </section>
      <PdfTabButton tab={tab} />
      {state === 'on' && <PageTerms t={t} report={report} onShow={showOnPage} onExport={() => void exportStubs()} />}
      <section>
        <h2>{t.search}</h2>
        <input type="search" placeholder={t.searchPlaceholder} aria-label={t.search} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {query.trim() && results.length === 0 && <p class="pg-status">{t.noResults}</p>}
        <ul class="pg-plain" data-list="search">
          {results.map(({ entry }) => (
            <li key={entry.id} style="display:block">
              <button type="button" class="pg-termbtn" aria-expanded={openEntry === entry.id} onClick={() => setOpenEntry(openEntry === entry.id ? undefined : entry.id)}>
                {entry.term}
              </button>
              {openEntry === entry.id && pack && <EntryCard entry={entry} pack={pack} strings={ui} headingId={`e-${entry.id}`} onShowEntry={setOpenEntry} />}
            </li>
          ))}
        </ul>
      </section>
      <p class="pg-status">
        <button type="button" class="pg-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.openOptions}
        </button>
      </p>
    </div>
  );
}

/** A request that scrolls the page to a match and opens its tooltip. */
type ShowRequest = { type: 'pg:show-entry'; entryId: string } | { type: 'pg:show-slogan'; text: string };

/** The page's terms (chips with counts) and unknown slogans (with context and stub export). */
function PageTerms({ t, report: r, onShow, onExport }: { t: ExtensionStrings; report: PageReport | 'unavailable' | undefined; onShow: (request: ShowRequest) => void; onExport: () => void }) {
  if (r === undefined) return <p class="pg-status">{t.scanning}</p>;
  if (r === 'unavailable' || !r.active) return <p class="pg-status">{r === 'unavailable' ? t.pageNotReady : t.scanning}</p>;
  return (
    <>
      <section>
        <h2>
          {t.termsOnPage}
          {r.scanning && <span class="pg-count"> {t.scanning}</span>}
        </h2>
        {r.terms.length === 0 && <p class="pg-status">{t.noTermsOnPage}</p>}
        <ul class="pg-chips" data-list="terms">
          {r.terms.map((term) => (
            <li key={term.entryId}>
              <button type="button" class="pg-chip" data-entry-id={term.entryId} onClick={() => onShow({ type: 'pg:show-entry', entryId: term.entryId })}>
                {term.term}
                <span class="pg-count">{t.count(term.count)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>{t.slogansOnPage}</h2>
        {r.slogans.length === 0 && <p class="pg-status">{t.noSlogans}</p>}
        <ul class="pg-plain" data-list="slogans">
          {r.slogans.map((slogan) => (
            <li key={slogan.text}>
              <span>
                <button type="button" class="pg-termbtn" onClick={() => onShow({ type: 'pg:show-slogan', text: slogan.text })}>
                  {slogan.text}
                </button>
                <span class="pg-ctx">{slogan.context}</span>
              </span>
              <span class="pg-count">{t.count(slogan.count)}</span>
            </li>
          ))}
        </ul>
        {r.slogans.length > 0 && (
          <button type="button" onClick={onExport}>
            {t.exportStubs}
          </button>
        )}
      </section>
    </>
  );
}

/** Renders the popup into `root`. */
export function mountPopup(root: HTMLElement): void {
  applyPageStyles(root.ownerDocument);
  document.documentElement.lang = currentStrings().lang;
  render(<Popup />, root);
}
