// The keyboard shortcuts: Alt+Shift+→ / Alt+Shift+← walk the page's terms, Alt+Shift+↓ draws
// them all when the density is 'none until hovered'. Shared by the tooltip controller, the
// content script and the widget's light listener that loads the tooltip UI on first use, so it
// stays free of Preact.
import { matches } from '../dom/natives';

// Nodes of same-origin iframes belong to another realm, where `instanceof` fails: duck-type.
const isElement = (target: EventTarget | null | undefined): target is HTMLElement =>
  typeof (target as Node | null)?.nodeType === 'number' && (target as Node).nodeType === 1;

/** Whether the event comes from a place the reader types in (where the arrows are theirs). */
export const isEditable = (target: EventTarget | null | undefined): boolean =>
  isElement(target) && (matches(target, 'input,textarea,select') || target.isContentEditable);

/** 1 for Alt+Shift+→, -1 for Alt+Shift+←, undefined for any other key or when typing. */
export function termStepFromKey(event: KeyboardEvent): 1 | -1 | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return undefined;
  if (isEditable(event.composedPath()[0])) return undefined;
  return event.key === 'ArrowRight' ? 1 : -1;
}

/**
 * Whether the event is Alt+Shift+↓, the key that draws every match when only hovered ones are.
 * An arrow, not a letter: Firefox gives Alt+Shift+letter to the page's accesskeys.
 */
export function revealFromKey(event: KeyboardEvent): boolean {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.key !== 'ArrowDown') return false;
  return !isEditable(event.composedPath()[0]);
}
