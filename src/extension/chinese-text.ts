// Whether a page has Chinese text, and a wait until it has: a content script loads no glossary
// and does no scan work on a page that is not ours (one read of its text nodes, stopping at the
// first Chinese one), and starts as soon as Chinese text appears (a single-page app's content).
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether `root` (or an open shadow root inside it) has a text node with Chinese in it. */
export function hasChineseText(root: Node): boolean {
  if (root.nodeType === Node.TEXT_NODE) return CJK.test((root as Text).data);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (CJK.test((node as Text).data)) return true;
    } else {
      const shadow = (node as Element).shadowRoot;
      if (shadow && hasChineseText(shadow)) return true;
    }
  }
  return false;
}

/**
 * Resolves once `doc` has Chinese text: at once when it has, otherwise when a change adds some.
 * `cancel()` stops watching (the promise then never resolves).
 */
export function whenChineseText(doc: Document): { ready: Promise<void>; cancel: () => void } {
  if (hasChineseText(doc)) return { ready: Promise.resolve(), cancel: () => {} };
  let observer: MutationObserver | undefined;
  const ready = new Promise<void>((resolve) => {
    observer = new MutationObserver((records) => {
      const found = records.some((record) =>
        record.type === 'characterData' ? hasChineseText(record.target) : [...record.addedNodes].some((node) => hasChineseText(node)),
      );
      if (!found) return;
      observer?.disconnect();
      resolve();
    });
    observer.observe(doc, { childList: true, subtree: true, characterData: true });
  });
  return { ready, cancel: () => observer?.disconnect() };
}
