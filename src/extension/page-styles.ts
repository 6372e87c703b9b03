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
  '.pg-page td:first-child{white-space:nowrap}' +
  '.pg-page a{color:var(--link)}' +
  '.pg-page :focus-visible{outline:2px solid var(--link);outline-offset:2px}' +
  '.pg-page h3{font-size:13px;font-weight:700;margin-top:10px;color:var(--muted)}' +
  '.pg-page .pg-hint{font-size:13px;color:var(--muted);margin:2px 0 8px;max-width:62em}' +
  '.pg-page .pg-lead{font-size:14px;margin:6px 0}' +
  '.pg-page .pg-gap{margin-top:8px}' +
  '.pg-page label.pg-inline{display:inline;margin:0}' +
  '.pg-page .pg-offscreen{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;opacity:0}' +
  // Options page: a readable column, a table of contents, sections set apart.
  '.pg-options{max-width:780px;margin:0 auto;padding:16px 20px 40px;box-sizing:border-box}' +
  '.pg-options h1{font-size:20px;justify-content:flex-start}' +
  '.pg-options h2{font-size:16px;color:var(--fg);margin-top:0}' +
  '.pg-options>section{margin-top:18px;padding:14px 16px;border:1px solid var(--line);border-radius:10px}' +
  '@media (max-width:480px){.pg-options{padding:10px 8px 30px}.pg-options>section{padding:10px}}' +
  '.pg-page button{white-space:nowrap}' +
  '.pg-page ul.pg-plain>li>.pg-row,.pg-page ul.pg-plain>li>button{flex-shrink:0}' +
  '.pg-toc{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:8px 0 0}' +
  '.pg-page ul.pg-columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));column-gap:16px}' +
  '.pg-page .pg-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:4px 16px}' +
  // The file drop zone: the whole box takes a dropped file; the button opens the picker.
  '.pg-drop{display:flex;flex-direction:column;align-items:flex-start;gap:4px;margin-top:10px;padding:12px 14px;border:2px dashed var(--line);border-radius:8px;background:var(--soft)}' +
  '.pg-drop.pg-over{border-color:var(--link)}' +
  '.pg-drop-label{font-weight:700;font-size:14px}' +
  '.pg-drop-action{font-size:13px}' +
  // The report-import preview: one card per entry.
  '.pg-page ol.pg-preview{list-style:none;padding:0;margin:8px 0 0;display:flex;flex-direction:column;gap:8px}' +
  '.pg-entry{padding:8px 10px;border:1px solid var(--line);border-radius:8px}' +
  '.pg-entry.pg-skipped{opacity:.6;border-style:dashed}' +
  '.pg-entry-head{display:flex;align-items:center;gap:8px}' +
  '.pg-entry-head input{flex:1;font-weight:700}' +
  '.pg-mark{font-size:12px;color:var(--muted);white-space:nowrap}' +
  '.pg-known{color:var(--badge-fg);background:var(--badge-bg);padding:1px 6px;border-radius:4px;margin-top:4px;display:inline-block}' +
  '.pg-entry-fields{display:grid;grid-template-columns:3fr 2fr;gap:0 10px}' +
  '.pg-entry-fields .pg-wide{grid-column:1/-1}' +
  '@media (max-width:560px){.pg-entry-fields{grid-template-columns:1fr}}' +
  // The popup: search on top, then the site and the page's terms.
  // max-width: a page-opened popup whose window shows a vertical scroll bar (Firefox) must not scroll sideways.
  '.pg-popup{width:380px;max-width:100%;box-sizing:border-box;min-height:0}' +
  '.pg-popup h1{margin:0 0 8px}' +
  '.pg-search input[type=search]{font-size:15px;padding:7px 10px}' +
  '.pg-page ul.pg-results{margin-top:6px}' +
  '.pg-page ul.pg-results>li{display:block;padding:0}' +
  '.pg-result-btn{display:block;width:100%;text-align:start;border:0 !important;background:none !important;padding:6px 2px !important;border-radius:0 !important}' +
  '.pg-result-btn:hover{background:var(--soft) !important}' +
  '.pg-result-term{display:block;font-weight:700;color:var(--link);font-size:14px}' +
  '.pg-result-def{display:block;font-size:12px;color:var(--muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.pg-site{margin-top:10px;padding-top:8px;border-top:1px solid var(--line)}' +
  '.pg-site-row{justify-content:space-between;flex-wrap:nowrap}' +
  '.pg-site-row .pg-status{margin:0}' +
  '.pg-site-row button{white-space:nowrap}' +
  '.pg-popup ul.pg-chips{max-height:220px;overflow:auto}' +
  '.pg-foot-link{margin-top:12px;display:flex;flex-wrap:wrap;gap:4px 16px}' +
  // The first-run page.
  '.pg-welcome{max-width:680px;margin:0 auto;padding:24px 20px 40px;box-sizing:border-box;font-size:15px;line-height:1.7}' +
  '.pg-welcome h1{font-size:22px;justify-content:flex-start}' +
  '.pg-lead-list{padding-inline-start:1.4em;margin:10px 0}' +
  '.pg-lead-list li{margin:4px 0}' +
  '.pg-example{margin:16px 0;padding:14px 16px;border:1px solid var(--line);border-radius:10px;background:var(--soft)}' +
  '.pg-example h2{margin-top:0}' +
  '.pg-sample{font-size:17px;margin:6px 0 10px}' +
  '.pg-sample-term{background:none;color:inherit;text-decoration:underline solid #1a73e8 2px;text-underline-offset:3px}' +
  '.pg-sample-tip h3{font-size:17px;font-weight:700;color:var(--accent)}' +
  '.pg-sample-tip{max-width:420px;padding:10px 12px;background:var(--bg);border:1px solid var(--line);border-radius:8px;box-shadow:var(--shadow)}';

/** Adds the stylesheet to an extension page. */
export function applyPageStyles(doc: Document): void {
  const style = doc.createElement('style');
  style.textContent = CARD_STYLES + PAGE_CSS;
  doc.head.append(style);
}
