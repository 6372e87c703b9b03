// The PDF viewer's controls in the popup (open the PDF of the current tab in the viewer, or a PDF
// from this computer) and the options page (plain clicks on PDF links open the viewer). Each is one
// component, added to its page with one line, and carries its own bilingual words, in the language
// setting's language.
import { browser } from 'wxt/browser';
import { isLocalPdfUrl, isPdfUrl, localViewerUrl, pdfFileName, viewerUrl } from '../pdf/pdf-link';
import { requestHostPermission } from './site-access';
import { updateSettings, type ExtensionSettings, type LanguageSetting } from './settings';
import { siteHost } from './sites';
import { pageLocale } from './strings';

/** Chinese unless the language setting (or, under 跟随浏览器, the browser) says otherwise. */
const zh = (language: LanguageSetting): boolean => /^zh/i.test(pageLocale(language));

/**
 * "在术语助手中打开 / Open in Policy Glossary" for a tab showing a PDF in the browser's viewer.
 * The click asks for the site's permission first when needed (the viewer reads the PDF from its
 * site, and the popup's click is the user gesture browsers require), then opens the viewer there.
 * A PDF from this computer (Chromium shows file:///…/报告.pdf) is not read by its address: a new
 * tab of the viewer asks the reader to choose that file (pdf-link.ts localViewerUrl).
 */
export function PdfTabButton({ tab, language }: { tab: { id?: number; url?: string } | undefined; language: LanguageSetting }) {
  const url = tab?.url;
  const local = isLocalPdfUrl(url);
  if (!local && !isPdfUrl(url)) return null;
  const open = async (): Promise<void> => {
    if (local) {
      await browser.tabs.create({ url: localViewerUrl(browser.runtime.getURL('/'), pdfFileName(url as string)) });
      window.close();
      return;
    }
    const host = siteHost(url);
    if (host) await requestHostPermission(host).catch(() => false);
    const target = viewerUrl(browser.runtime.getURL('/'), url as string);
    if (tab?.id !== undefined) await browser.tabs.update(tab.id, { url: target });
    else await browser.tabs.create({ url: target });
    window.close();
  };
  return (
    <section>
      <button type="button" class="pg-primary" data-action="open-pdf" onClick={() => void open()}>
        {zh(language) ? '在术语助手中打开此 PDF' : 'Open this PDF in Policy Glossary'}
      </button>
    </section>
  );
}

/** "打开电脑上的 PDF / Open a PDF from this computer": the viewer in a new tab, choosing a file. */
export function LocalPdfLink({ language }: { language: LanguageSetting }) {
  const open = async (): Promise<void> => {
    await browser.tabs.create({ url: localViewerUrl(browser.runtime.getURL('/')) });
    window.close();
  };
  return (
    <button type="button" class="pg-link" data-action="open-local-pdf" onClick={() => void open()}>
      {zh(language) ? '打开电脑上的 PDF' : 'Open a PDF from this computer'}
    </button>
  );
}

/** The options page's switch for opening PDF links in the viewer (off by default). */
export function PdfOption({ settings }: { settings: ExtensionSettings }) {
  return (
    <label>
      <input type="checkbox" data-setting="open-pdfs" checked={settings.openPdfsInViewer} onChange={(e) => void updateSettings(() => ({ openPdfsInViewer: e.currentTarget.checked }))} />
      {zh(settings.language) ? '在政府网站上点击 PDF 链接时，用术语助手的阅读器打开（原文仍可一键打开或下载）' : 'Open PDF links on government sites in the Policy Glossary viewer (the original stays one click away)'}
    </label>
  );
}
