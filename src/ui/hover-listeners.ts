// The events a reader opens a tooltip with, and how we listen for them: one table for the tooltip
// controller and for the widget's wait for the first attempt (src/widget/intent.ts).

/** A handler for each event type we listen to; absent ones are not listened for. */
export interface HoverHandlers {
  pointermove?: (event: PointerEvent) => void;
  pointerover?: (event: PointerEvent) => void;
  pointerout?: (event: PointerEvent) => void;
  pointerdown?: (event: PointerEvent) => void;
  click?: (event: MouseEvent) => void;
  keydown?: (event: KeyboardEvent) => void;
  focusin?: (event: FocusEvent) => void;
}

const HOVER_EVENTS = ['pointermove', 'pointerover', 'pointerout', 'pointerdown', 'click', 'keydown', 'focusin'] as const;

/**
 * Listens on `target` (a window, or a document without one) in the capture phase, so no page
 * handler can stop an event before us; passive except keydown, which may take the shortcut keys.
 * Returns the function that removes every listener it added.
 */
export function listenForHover(target: EventTarget, handlers: HoverHandlers): () => void {
  const added: Array<[string, EventListener]> = [];
  for (const type of HOVER_EVENTS) {
    const handler = handlers[type];
    if (!handler) continue;
    const listener = handler as EventListener;
    target.addEventListener(type, listener, { capture: true, passive: type !== 'keydown' });
    added.push([type, listener]);
  }
  return () => {
    for (const [type, listener] of added) target.removeEventListener(type, listener, { capture: true });
  };
}
