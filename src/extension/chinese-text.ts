// Whether a page has Chinese text, and a wait until it has: a content script loads no glossary
// and does no scan work on a page that is not ours (one read of its text nodes, stopping at the
// first Chinese one), and starts as soon as Chinese text appears (a single-page app's content).
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_ALL = /[\u3400-\u9fff\uf900-\ufaff]/g;

/**
 * Whether `root` (or an open shadow root inside it) has Chinese text: a text node with a Chinese
 * character in it, or, with `minimum` above 1, that many Chinese characters in all (the walk stops
 * once it has them).
 */
export function hasChineseText(root: Node, minimum = 1): boolean {
  return chineseCount(root, minimum) >= minimum;
}

/** Chinese characters in `root`, counted up to `enough` (a node with one counts 1 when `enough` is 1). */
function chineseCount(root: Node, enough: number): number {
  const inText = (data: string): number => (enough <= 1 ? (CJK.test(data) ? 1 : 0) : (data.match(CJK_ALL)?.length ?? 0));
  if (root.nodeType === Node.TEXT_NODE) return inText((root as Text).data);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let count = 0;
  for (let node: Node | null = walker.currentNode; node && count < enough; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) count += inText((node as Text).data);
    else {
      const shadow = (node as Element).shadowRoot;
      if (shadow) count += chineseCount(shadow, enough - count);
    }
  }
  return count;
}

/**
 * Resolves once `doc` has Chinese text (`minimum` characters of it, see hasChineseText): at once
 * when it has, otherwise when a change adds some. `cancel()` stops watching (the promise then
 * never resolves).
 */
export function whenChineseText(doc: Document, minimum = 1): { ready: Promise<void>; cancel: () => void } {
  if (hasChineseText(doc, minimum)) return { ready: Promise.resolve(), cancel: () => {} };
  let observer: MutationObserver | undefined;
  const ready = new Promise<void>((resolve) => {
    observer = new MutationObserver((records) => {
      const added = records.some((record) =>
        record.type === 'characterData' ? hasChineseText(record.target) : [...record.addedNodes].some((node) => hasChineseText(node)),
      );
      // Chinese came: with a minimum, the whole document is counted again.
      if (!added || (minimum > 1 && !hasChineseText(doc, minimum))) return;
      observer?.disconnect();
      resolve();
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
  return { ready, cancel: () => observer?.disconnect() };
}
