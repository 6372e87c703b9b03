// Which frames run the content script's own reading. The script runs in every frame of a page it
// matches: a report republished in a frame of another origin (a site's 信息公开 subdomain in its
// portal's page) has no other way to be read. A frame in an iframe of a same-origin page is left to
// that page's script, whose annotator follows same-origin iframes (src/dom/annotator.ts), so its
// text is read once; a <frame> of a frameset, which the annotator does not follow, reads its own.
import { hasChineseText } from './chinese-text';

/** Whether the page's own script reads this frame's text (see the module comment). */
export function followedByParent(win: Window): boolean {
  if (win === win.top) return false;
  let holder: Element | null;
  try {
    // null when the parent is of another origin.
    holder = win.frameElement;
  } catch {
    return false;
  }
  if (!holder || holder.localName !== 'iframe') return false;
  // The parent's script starts once its page has Chinese text: before that, nothing reads this one.
  const parent = holder.ownerDocument;
  return hasChineseText(parent);
}
