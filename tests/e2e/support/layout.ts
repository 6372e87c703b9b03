// Layout checks that stand in for looking at a screenshot: the boxes of the elements a test names
// are there, inside the viewport, not overlapping one another, and the page does not scroll sideways.
import type { Frame, Page } from 'puppeteer-core';

/** One element (or every element) a layout check looks at. */
export interface LayoutTarget {
  /** How a problem report names it. */
  name: string;
  /** A CSS selector; `host >>> inner` looks inside the open shadow root of `host` (repeatable). */
  selector: string;
  /** `viewport` (default): wholly inside the viewport; `width`: within its width only (below the fold is fine). */
  within?: 'viewport' | 'width';
  /** Every visible match rather than the first. */
  all?: boolean;
}

export interface LayoutOptions {
  /** Whether the page may scroll sideways (a hostile page's own CSS may make it so). Default: no. */
  horizontalScroll?: boolean;
  /** Pixels of rounding allowed at each edge and in each overlap. Default 1. */
  tolerance?: number;
  /**
   * The viewport's edges: `client` (default) without the scroll bars, `window` the window's own size
   * (scroll bars included), for a known defect the caller names.
   */
  viewport?: 'client' | 'window';
  /** A selector whose box stands in for the viewport (a popup window takes its content's size). */
  container?: string;
}

/**
 * What is wrong with the layout of `targets` in `page`, in words; [] when nothing is. A target with no
 * visible element, a box outside the viewport, two boxes overlapping (an element and its own
 * descendants excepted) and a horizontal scroll bar are problems.
 */
export function layoutProblems(page: Page | Frame, targets: LayoutTarget[], options: LayoutOptions = {}): Promise<string[]> {
  return page.evaluate(
    (targets, horizontalScroll, tolerance, edges, container) => {
      const problems: string[] = [];
      const frame = container ? document.querySelector(container)?.getBoundingClientRect() : undefined;
      if (container && !frame) problems.push(`${container}: not found`);
      const left = frame?.left ?? 0;
      const top = frame?.top ?? 0;
      const width = frame?.right ?? (edges === 'window' ? innerWidth : document.documentElement.clientWidth);
      const height = frame?.bottom ?? (edges === 'window' ? innerHeight : document.documentElement.clientHeight);
      const find = (selector: string): Element[] => {
        const parts = selector.split('>>>').map((part) => part.trim());
        let scopes: Array<Document | ShadowRoot> = [document];
        for (const part of parts.slice(0, -1)) {
          scopes = scopes.flatMap((scope) => [...scope.querySelectorAll(part)]).flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : []));
        }
        return scopes.flatMap((scope) => [...scope.querySelectorAll(parts[parts.length - 1] ?? '')]);
      };
      const boxes: Array<{ name: string; element: Element; box: DOMRect }> = [];
      for (const target of targets) {
        const visible = find(target.selector)
          .map((element) => ({ element, box: element.getBoundingClientRect() }))
          .filter(({ element, box }) => box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden');
        if (visible.length === 0) {
          problems.push(`${target.name}: not shown`);
          continue;
        }
        visible.slice(0, target.all ? undefined : 1).forEach(({ element, box }, i) => {
          const name = target.all ? `${target.name} #${i + 1}` : target.name;
          const outside =
            box.left < left - tolerance ||
            box.right > width + tolerance ||
            (target.within !== 'width' && (box.top < top - tolerance || box.bottom > height + tolerance));
          if (outside) {
            problems.push(
              `${name}: box ${Math.round(box.left)},${Math.round(box.top)} – ${Math.round(box.right)},${Math.round(box.bottom)} ` +
                `outside ${container ?? 'the viewport'} (${Math.round(left)},${Math.round(top)} – ${Math.round(width)},${Math.round(height)})`,
            );
          }
          boxes.push({ name, element, box });
        });
      }
      const related = (a: Element, b: Element): boolean => a.contains(b) || b.contains(a);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (related(a.element, b.element)) continue;
          const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (across > tolerance && down > tolerance) problems.push(`${a.name} and ${b.name} overlap by ${Math.round(across)}×${Math.round(down)} px`);
        }
      }
      const scroller = document.scrollingElement ?? document.documentElement;
      if (!horizontalScroll && scroller.scrollWidth > scroller.clientWidth + tolerance) {
        problems.push(`the page scrolls sideways: ${scroller.scrollWidth} px of content in ${scroller.clientWidth} px`);
      }
      return problems;
    },
    targets,
    options.horizontalScroll ?? false,
    options.tolerance ?? 1,
    options.viewport ?? 'client',
    options.container,
  );
}

// The extension pages' check (options, popup, first run): every visible sibling box of `root`.
/** What is wrong with the page's layout, one line each (empty when nothing is). */
export function pageLayoutProblems(page: Page, root = 'body'): Promise<string[]> {
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
