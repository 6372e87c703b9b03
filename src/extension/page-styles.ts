// CSS of the popup and options page (extension pages, so a plain <style> is fine), built on the
// entry card's colour variables so both follow the browser's light/dark scheme.
import { CARD_STYLES } from '../ui/styles';

const PAGE_CSS =
  'html,body{margin:0;padding:0}body{background:#fff}@media (prefers-color-scheme:dark){body{background:#202226}}' +
  '.pg-page{background:var(--bg);min-height:100vh;padding:10px 12px}' +
  '.pg-page h1{font-size:16px;font-weight:700;display:flex;align-items:center;justify-content:space-between;gap:8px}' +
  '.pg-page h2{font-size:14px;font-weight:700;margin-top:14px;margin-bottom:4px;color:var(--muted)}' +
  '.pg-page section{margin-top:10px}' +
  '.pg-page input[type=search],.pg-page input[type=url],.pg-page input[type=text],.pg-page input[type=number],.pg-page textarea,.pg-page select{width:100%;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}' +
  '.pg-page input[type=checkbox]{width:auto;margin-inline-end:6px;vertical-align:middle}' +
  '.pg-page label{display:block;margin-top:6px}' +
  '.pg-page .pg-row{display:flex;align-items:center;gap:8px;flex-wrap:wrap}' +
  '.pg-page .pg-row>input{flex:1}' +
  '.pg-page ul.pg-plain{list-style:none}' +
  '.pg-page ul.pg-plain>li{display:flex;align-items:baseline;justify-content:space-between;gap:8px;padding:4px 0;border-bottom:1px solid var(--line)}' +
  '.pg-page .pg-termbtn{border:0;background:none;padding:0;color:var(--link);text-align:start;font-size:14px}' +
  '.pg-page ul.pg-chips{list-style:none;display:flex;flex-wrap:wrap;gap:4px 6px}' +
  '.pg-page button.pg-chip{display:inline-flex;align-items:baseline;gap:4px;border-radius:12px;padding:1px 8px;color:var(--link)}' +
  '.pg-page .pg-count{font-size:12px;color:var(--muted);white-space:nowrap}' +
  '.pg-page .pg-ctx{display:block;font-size:12px;color:var(--muted)}' +
  '.pg-page .pg-status{font-size:13px;color:var(--muted);margin-top:4px}' +
  '.pg-page .pg-error{color:var(--accent)}' +
  '.pg-page .pg-problems{font-size:13px;color:var(--accent);padding-inline-start:1.4em;list-style:disc;margin-top:4px}' +
  '.pg-page .pg-problems li{display:list-item}' +
  '.pg-page .pg-result{margin-top:8px;padding:8px 10px;border:1px solid var(--line);border-radius:8px}' +
  '.pg-page button.pg-primary{background:var(--link);color:var(--bg);border-color:var(--link)}' +
  '.pg-page table{border-collapse:collapse;width:100%;font-size:13px}' +
  '.pg-page td,.pg-page th{border:1px solid var(--line);padding:4px;vertical-align:top;text-align:start;overflow-wrap:anywhere}' +
  '.pg-page td:first-child{white-space:nowrap}';

/** Adds the stylesheet to an extension page. */
export function applyPageStyles(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = CARD_STYLES + PAGE_CSS;
  doc.head.append(style);
}
