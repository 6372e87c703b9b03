// Layout checks that back every screenshot of the extension pages: no horizontal scroll, nothing
// visible outside the viewport's width, and no two visible sibling boxes overlapping.
import type { Page } from 'puppeteer-core';

/** What is wrong with the page's layout, one line each (empty when nothing is). */
export function layoutProblems(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) problems.push(`horizontal scroll: ${document.documentElement.scrollWidth} > ${width}`);
    const name = (el: Element): string => {
      const text = (el.textContent ?? '').trim().slice(0, 24);
      return `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${text}"`;
    };
    const visible = (el: Element): DOMRect | undefined => {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0' || style.position === 'absolute' && style.clip !== 'auto') return undefined;
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 ? rect : undefined;
    };
    const all = [...(document.querySelector(rootSelector)?.querySelectorAll('*') ?? [])];
    for (const el of all) {
      const rect = visible(el);
      if (!rect) continue;
      // Inside a box that scrolls or clips, overflow is that box's business.
      if (el.closest('ul.pg-chips, textarea, select, option')) continue;
      if (rect.left < -1 || rect.right > width + 1) problems.push(`outside the viewport: ${name(el)} (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width})`);
    }
    for (const parent of all) {
      // Boxes only: an inline run that wraps has a bounding box wider than its text.
      const kids = [...parent.children]
        .map((el) => [el, visible(el)] as const)
        .filter((pair): pair is readonly [Element, DOMRect] => pair[1] !== undefined && getComputedStyle(pair[0]).position === 'static' && getComputedStyle(pair[0]).display !== 'inline');
      for (let i = 0; i < kids.length; i++) {
        for (let j = i + 1; j < kids.length; j++) {
          const [a, ra] = kids[i]!;
          const [b, rb] = kids[j]!;
          const overlapX = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const overlapY = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (overlapX > 1 && overlapY > 1) problems.push(`overlap: ${name(a)} and ${name(b)}`);
        }
      }
    }
    return problems;
  }, root);
}
