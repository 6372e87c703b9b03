// Waits for the reader's first attempt to open a tooltip (the pointer on a term, focus on a term, a
// tap, Alt+Shift+→/←), so the tooltip UI is downloaded only on pages where someone reaches for it.
import type { Annotator, PageMatch } from '../dom/annotator';
import { cancelTimer, now, startTimer } from '../dom/natives';
import { listenForHover } from '../ui/hover-listeners';
import { termStepFromKey } from '../ui/shortcut';

/** The reader's first attempt to open a tooltip, to be carried out once the UI has loaded. */
export type Intent =
  | { via: 'hover'; match: PageMatch; /** When the pointer reached the term. */ at: number }
  | { via: 'focus' | 'tap'; match: PageMatch }
  | { via: 'keyboard'; direction: 1 | -1 };

/** A running watch; it keeps following the pointer until stopped. */
export interface IntentWatch {
  /** Where the pointer was last seen, in the top document's client coordinates. */
  pointer(): { x: number; y: number } | undefined;
  stop(): void;
}

const isElement = (target: EventTarget | null): target is Element => (target as Node | null)?.nodeType === 1;

/**
 * Calls `onIntent` for each attempt to open a tooltip on `annotator`'s matches in `doc` (the first
 * one loads the UI; later ones update what it opens). Pointer moves are hit-tested at most once
 * per 50 ms. Listeners as the tooltip controller's (see listenForHover).
 */
export function watchIntent(
  doc: Document,
  annotator: Pick<Annotator, 'matchAtPoint' | 'matchForNode'>,
  onIntent: (intent: Intent) => void,
): IntentWatch {
  const target: EventTarget = doc.defaultView ?? doc;
  let pointer: { x: number; y: number } | undefined;
  let pointerType = 'mouse';
  let tested = -Infinity;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let hovered: number | undefined;

  const guard =
    <A extends unknown[]>(handler: (...args: A) => void) =>
    (...args: A) => {
      try {
        handler(...args);
      } catch {
        // Watching is best effort: the page must never see our errors.
      }
    };

  const hitTest = () => {
    trailing = undefined;
    if (!pointer) return;
    tested = now();
    const match = annotator.matchAtPoint(pointer.x, pointer.y);
    if (match && match.id !== hovered) onIntent({ via: 'hover', match, at: tested });
    hovered = match?.id;
  };
  const stopListening = listenForHover(target, {
    pointermove: guard((event: PointerEvent) => {
      pointerType = event.pointerType;
      if (event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY };
      // At most one hit test per 50 ms, and always one for where the pointer came to rest.
      if (trailing !== undefined) return;
      const wait = 50 - (now() - tested);
      if (wait <= 0) hitTest();
      else trailing = startTimer(guard(hitTest), wait);
    }),
    pointerdown: guard((event: PointerEvent) => {
      pointerType = event.pointerType;
    }),
    click: guard((event: MouseEvent) => {
      const match = annotator.matchAtPoint(event.clientX, event.clientY);
      if (match && (match.element || pointerType === 'touch' || pointerType === 'pen')) onIntent({ via: 'tap', match });
    }),
    focusin: guard((event: FocusEvent) => {
      if (!isElement(event.target)) return;
      const match = annotator.matchForNode(event.target);
      if (match && match.element === event.target) onIntent({ via: 'focus', match });
    }),
    keydown: guard((event: KeyboardEvent) => {
      const direction = termStepFromKey(event);
      if (direction === undefined) return;
      event.preventDefault();
      onIntent({ via: 'keyboard', direction });
    }),
  });

  return {
    pointer: () => pointer,
    stop() {
      cancelTimer(trailing);
      stopListening();
    },
  };
}
