// The background's part of the PDF viewer: opens a PDF in the viewer for the link control
// (content scripts cannot open extension pages themselves). Its own listener, beside respond.ts's.
import { browser } from 'wxt/browser';
import { isPdfUrl, viewerUrl } from '../pdf/pdf-link';

interface OpenPdfRequest {
  type: 'pg:open-pdf';
  url: string;
  /** Replace the sender's tab instead of opening a new one. */
  here?: boolean;
}

function isOpenPdfRequest(value: unknown): value is OpenPdfRequest {
  const v = value as Partial<OpenPdfRequest> | null;
  return v?.type === 'pg:open-pdf' && typeof v.url === 'string' && isPdfUrl(v.url);
}

/** The viewer's address for a PDF. */
export function extensionViewerUrl(pdfUrl: string): string {
  return viewerUrl(browser.runtime.getURL('/'), pdfUrl);
}

/** Listens for pg:open-pdf from content scripts. */
export function startPdfOpener(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number; index?: number } }) => {
    if (!isOpenPdfRequest(message)) return undefined;
    const url = extensionViewerUrl(message.url);
    const tab = sender.tab;
    const opened = message.here && tab?.id !== undefined
      ? browser.tabs.update(tab.id, { url })
      : browser.tabs.create({ url, ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}), ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}) });
    return opened.then(() => true);
  });
}
