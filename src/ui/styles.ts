// The UI's CSS as string constants, applied inside shadow roots only (adoptStyles), so no page CSS
// reaches our elements and none of ours reaches the page. Colours are variables so light/dark is one switch.

/** Colour scheme: `auto` follows the page's `prefers-color-scheme`. */
export type Theme = 'light' | 'dark' | 'auto';

/** Class list of a UI root (the element every view renders inside) for a theme. */
export const themeClass = (theme: Theme = 'auto'): string => `pg-root pg-${theme}`;

const FONT = 'system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif';

const LIGHT = '--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--soft:#f3f5f7;--accent:#b42318;--link:#0b57d0;--badge-bg:#fff4d6;--badge-fg:#7a4a00;--shadow:0 6px 24px rgba(0,0,0,.18);color-scheme:light';
const DARK = '--bg:#202226;--fg:#e8eaed;--muted:#a8b0b9;--line:#40454d;--soft:#2b2e33;--accent:#ff8a7a;--link:#8ab4f8;--badge-bg:#4a3a12;--badge-fg:#ffd98a;--shadow:0 6px 24px rgba(0,0,0,.6);color-scheme:dark';

/** Colours, typography and the entry card; shared by the tooltip and the glossary panel. */
export const CARD_STYLES =
  `.pg-root{${LIGHT};font:14px/1.6 ${FONT};color:var(--fg);overflow-wrap:anywhere}` +
  `.pg-dark{${DARK}}@media (prefers-color-scheme:dark){.pg-auto{${DARK}}}` +
  // Isolation keeps a bidi override inside glossary text from reordering the text around it.
  '.pg-root *{box-sizing:border-box;font:inherit;color:inherit;margin:0;padding:0;unicode-bidi:isolate}' +
  '.pg-card{display:block}' +
  '.pg-head{display:flex;align-items:baseline;flex-wrap:wrap;gap:4px 8px}' +
  '.pg-term{font-size:17px;font-weight:700;line-height:1.4;color:var(--accent)}' +
  '.pg-badge{font-size:12px;line-height:1.5;padding:0 6px;border-radius:4px;background:var(--badge-bg);color:var(--badge-fg);white-space:nowrap}' +
  '.pg-en{font-size:12px;color:var(--muted);margin-top:2px}' +
  '.pg-items{margin:6px 0 0;padding-inline-start:1.8em;list-style:decimal}' +
  '.pg-items li{display:list-item;padding-inline-start:2px}' +
  '.pg-def,.pg-note,.pg-small{margin-top:6px;white-space:pre-line}' +
  '.pg-small,.pg-src{font-size:12px;color:var(--muted)}' +
  '.pg-label{font-weight:700;margin-inline-end:4px}' +
  '.pg-related{display:flex;flex-wrap:wrap;align-items:center;gap:4px 6px;margin-top:8px;font-size:13px}' +
  '.pg-foot{display:flex;align-items:flex-end;justify-content:space-between;gap:8px;margin-top:8px;padding-top:6px;border-top:1px solid var(--line)}' +
  '.pg-root button{cursor:pointer;font-size:13px;line-height:1.4;min-height:24px;padding:2px 10px;border:1px solid var(--line);border-radius:4px;background:var(--soft);color:var(--fg)}' +
  '.pg-root button:hover{border-color:var(--muted)}' +
  '.pg-root button:focus-visible,.pg-search:focus-visible{outline:2px solid var(--link);outline-offset:1px}' +
  '.pg-root button.pg-link{border:0;background:none;padding:0 4px;color:var(--link);text-decoration:underline}' +
  '.pg-copy{flex:none}' +
  // 脚注 16, a date or a place name broken across lines reads as two things.
  '.pg-nb{white-space:nowrap}' +
  '.pg-unknown .pg-term{color:var(--fg)}' +
  '.pg-unknown button{margin-top:8px}' +
  // 添加到我的词库 and 在词库中搜索 are two buttons, not one (seen on the screenshots: they touched).
  '.pg-unknown>button+button{margin-inline-start:6px}' +
  '.pg-close ul{list-style:none;margin:2px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:2px 4px}' +
  '.pg-unknown .pg-close button{margin-top:0}' +
  // One term a line with its place and year: a row of several would read as one place's list.
  '.pg-close ul.pg-placed{display:block}' +
  '.pg-placed li{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 6px}' +
  '.pg-at{font-size:12px;color:var(--muted)}';

/**
 * The tooltip's shadow host and floating box. The host rules are `!important` because inside a
 * shadow tree that beats even `* { all: unset !important }` on the page.
 */
export const TOOLTIP_STYLES =
  CARD_STYLES +
  ':host{all:initial!important;display:block!important;zoom:1!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;visibility:visible!important;opacity:1!important;transform:none!important;pointer-events:auto!important}' +
  '.pg-tip{position:fixed;top:0;left:0;z-index:2147483647;width:max-content;max-width:min(360px,calc(100vw - 16px));max-height:min(60vh,480px);overflow:auto;overscroll-behavior:contain;padding:10px 12px;background:var(--bg);border:1px solid var(--line);border-radius:8px;box-shadow:var(--shadow)}' +
  '.pg-tip:focus-visible{outline:none;border-color:var(--link)}' +
  '.pg-tip .pg-head{padding-inline-end:22px}' +
  '.pg-tip .pg-foot{position:sticky;bottom:-10px;margin-bottom:-10px;padding-bottom:10px;background:var(--bg)}' +
  '.pg-bar{margin-bottom:4px}' +
  '.pg-root button.pg-x{position:absolute;top:4px;right:4px;min-width:28px;min-height:28px;border:0;background:none;font-size:18px;line-height:1;padding:0;color:var(--muted)}' +
  '.pg-maybe{font-size:13px;color:var(--muted);margin-bottom:4px}';

/** The glossary panel (`<policy-glossary>`): search box, tag groups, entry cards. */
export const PANEL_STYLES =
  CARD_STYLES +
  ':host{all:initial!important;display:block!important}' +
  // Its own background: a dark-mode reader on a light page must not get light text on white.
  '.pg-panel{display:block;padding:12px;border-radius:10px;background:var(--soft)}' +
  '.pg-search{display:block;width:100%;font-size:16px;padding:8px 10px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}' +
  '.pg-count{font-size:12px;color:var(--muted);margin:6px 2px}' +
  '.pg-group{margin-top:16px;font-size:15px;font-weight:700;color:var(--muted)}' +
  '.pg-list{list-style:none}' +
  '.pg-list>li{display:block;margin-top:10px;padding:12px 14px;background:var(--bg);border:1px solid var(--line);border-radius:8px}' +
  '.pg-single{display:block;padding:12px 14px;background:var(--bg);border:1px solid var(--line);border-radius:8px}';

/**
 * Applies a stylesheet to a shadow root: a constructed sheet via `adoptedStyleSheets` (allowed under
 * a strict `style-src` CSP), or a `<style>` element where constructed sheets are unavailable.
 * `first`: before the sheets already there (the base sheet arriving after the ones that build on it).
 */
export function adoptStyles(root: ShadowRoot, css: string, first = false): void {
  const view = root.ownerDocument.defaultView;
  try {
    const sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = first ? [sheet, ...root.adoptedStyleSheets] : [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Older engines and some extension sandboxes cannot adopt sheets: use an element instead.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
