// The tooltip's states and what moves it between them (pointer, keyboard, touch, focus), as a
// pure transition function: the controller turns page events into these events and carries out
// the effects (drawing, focus, timers); nothing here touches the page or the clock. Two timers
// follow the state alone: the hover delay runs while a hover is pending (not yet due), restarted
// by `delay`; the close grace time runs while `closing`.

/** How a tooltip was opened: hover and focus show a tooltip, keyboard and tap a dialog that takes focus. */
export type OpenVia = 'hover' | 'focus' | 'keyboard' | 'tap';

/** A hovered term waiting for the hover delay. */
export interface PendingHover<M> {
  match: M;
  /** The delay ran out while the page was re-rendering the term's text: it opens once found again. */
  due: boolean;
}

/**
 * The tooltip's state. `pending` rides along with a shown tooltip too: the pointer moved to another
 * term, which replaces it once the hover delay is over.
 */
export type TooltipState<M> =
  | { phase: 'idle' }
  | { phase: 'pending'; pending: PendingHover<M> }
  | { phase: 'open'; match: M; via: 'hover' | 'focus'; pending?: PendingHover<M> }
  /** Opened by keyboard or tap: a dialog holding focus; only Esc, a click elsewhere or focus elsewhere close it. */
  | { phase: 'pinned'; match: M; via: 'keyboard' | 'tap'; pending?: PendingHover<M> }
  /**
   * A hover tooltip the pointer left: it closes when the grace time is over, unless the pointer
   * comes back. `after`: left the term (a term the page is re-rendering under the resting pointer
   * may stay) or left the window (closes).
   */
  | { phase: 'closing'; match: M; via: 'hover'; after: 'left-term' | 'left-window'; pending?: PendingHover<M> };

export type TooltipEvent<M> =
  /** The pointer is over the tooltip itself. */
  | { type: 'point-ui' }
  /** The pointer is over no term. */
  | { type: 'point-none' }
  /** The pointer is over a term. */
  | { type: 'point-term'; match: M }
  /** The hover delay is over; `fresh` is the term under the pointer now, if any. */
  | { type: 'hover-delay-over'; fresh?: M }
  /** The close grace time is over. */
  | { type: 'grace-over' }
  /** The re-rendered spot under the resting pointer stayed empty: the page removed the term. */
  | { type: 'watch-over' }
  | { type: 'pointer-left-window' }
  /** A click or tap; `match` is the term it opens (absent: it opens nothing). */
  | { type: 'tap'; match?: M }
  | { type: 'escape' }
  /** Focus moved onto a wrapped term. */
  | { type: 'focus-term'; match: M }
  /** Focus moved elsewhere in the page. */
  | { type: 'focus-other' }
  /** The text of `match` left the page while its tooltip was placed. */
  | { type: 'anchor-lost'; match: M }
  /** Opened by the caller (keyboard walk, showEntry, refresh). */
  | { type: 'open'; match: M; via: OpenVia }
  | { type: 'close'; restoreFocus: boolean };

export type TooltipEffect<M> =
  /** Draw the tooltip for `match`; `from`: the tooltip drawn before, if any. */
  | { do: 'show'; match: M; via: OpenVia; from?: { match: M; via: OpenVia } }
  /** Take the tooltip down; `restoreFocus`: give focus back to where a dialog took it from. */
  | { do: 'hide'; restoreFocus: boolean }
  /** (Re)start the hover delay of the pending hover. */
  | { do: 'delay' }
  /** Hit-test the resting pointer's spot again for a while (the page re-renders the text there). */
  | { do: 'watch' }
  | { do: 'stop-watch' }
  /** Hit-test the pointer's spot now, and watch it if nothing is there. */
  | { do: 'retest' };

/** What the page says at the moment of the event. */
export interface TooltipFacts<M> {
  /** Whether two matches are the same occurrence as a reader sees it (see the controller). */
  same(a: M, b: M): boolean;
  /** Whether the page removed the match's text. */
  replaced(match: M): boolean;
  /** Whether the pointer has stayed where it last was on a term. */
  resting: boolean;
  /** Whether the resting pointer's spot is being watched. */
  watching: boolean;
}

export interface Transition<M> {
  state: TooltipState<M>;
  effects: TooltipEffect<M>[];
}

export const IDLE: TooltipState<never> = { phase: 'idle' };

/** The shown tooltip's match and how it was opened, if one is shown. */
export function shownOf<M>(state: TooltipState<M>): { match: M; via: OpenVia } | undefined {
  return state.phase === 'idle' || state.phase === 'pending' ? undefined : { match: state.match, via: state.via };
}

/** The transition for `event` in `state`. */
export function nextTooltipState<M extends { id: number }>(
  state: TooltipState<M>,
  event: TooltipEvent<M>,
  facts: TooltipFacts<M>,
): Transition<M> {
  const shown = shownOf(state);
  const pending = state.phase === 'idle' ? undefined : state.pending;
  const stay: Transition<M> = { state, effects: [] };
  switch (event.type) {
    case 'point-ui':
      return { state: reopened(withPending(state, undefined)), effects: [] };
    case 'point-none': {
      // A pending hover whose text the page replaced under the resting pointer is kept.
      let next = pending && facts.replaced(pending.match) && facts.resting ? state : withPending(state, undefined);
      if (next.phase === 'open' && next.via === 'hover') next = { ...next, phase: 'closing', via: 'hover', after: 'left-term' };
      return { state: next, effects: [] };
    }
    case 'point-term': {
      const { match } = event;
      if (shown && facts.same(shown.match, match)) {
        // Re-rendered: the tooltip and its active mark move to the term the page has now.
        if (shown.via === 'hover' && match.id !== shown.match.id) return show(state, match, 'hover');
        return { state: reopened(withPending(state, undefined)), effects: [] };
      }
      if (pending && facts.same(pending.match, match)) {
        if (pending.due) return show(state, match, 'hover');
        return { state: withPending(state, { match, due: false }), effects: [] };
      }
      return { state: withPending(state, { match, due: false }), effects: [{ do: 'delay' }] };
    }
    case 'hover-delay-over': {
      if (!pending) return stay;
      if (event.fresh && facts.same(pending.match, event.fresh)) return show(state, event.fresh, 'hover');
      if (!facts.replaced(pending.match)) return show(state, pending.match, 'hover');
      return { state: withPending(state, { match: pending.match, due: true }), effects: [{ do: 'watch' }] };
    }
    case 'grace-over': {
      if (state.phase !== 'closing') return stay;
      // A term the page is re-rendering under the resting pointer: the watch decides (watch-over).
      if (state.after === 'left-term' && facts.replaced(state.match) && facts.watching && facts.resting) {
        return { state: reopened(state), effects: [] };
      }
      return close(state, false);
    }
    case 'watch-over': {
      if (shown?.via === 'hover' && facts.replaced(shown.match)) return close(state, false);
      return { state: pending && facts.replaced(pending.match) ? withPending(state, undefined) : state, effects: [] };
    }
    case 'pointer-left-window':
      if (state.phase !== 'open' || state.via !== 'hover') return stay;
      return {
        state: { phase: 'closing', match: state.match, via: 'hover', after: 'left-window' },
        effects: [],
      };
    case 'tap':
      if (event.match) return show(state, event.match, 'tap');
      return shown ? close(state, false) : stay;
    case 'escape':
      return shown ? close(state, true) : stay;
    case 'focus-term':
      return shown?.match.id === event.match.id ? stay : show(state, event.match, 'focus');
    case 'focus-other':
      return shown && shown.via !== 'hover' ? close(state, false) : stay;
    case 'anchor-lost':
      if (shown?.match !== event.match) return stay;
      if (shown.via !== 'hover') return close(state, false);
      return { state, effects: [{ do: 'retest' }] };
    case 'open':
      return show(state, event.match, event.via);
    case 'close':
      return close(state, event.restoreFocus);
  }
}

function show<M>(state: TooltipState<M>, match: M, via: OpenVia): Transition<M> {
  const from = shownOf(state);
  const next: TooltipState<M> =
    via === 'keyboard' || via === 'tap' ? { phase: 'pinned', match, via } : { phase: 'open', match, via };
  return { state: next, effects: [{ do: 'show', match, via, from }] };
}

function close<M>(state: TooltipState<M>, restoreFocus: boolean): Transition<M> {
  const effects: TooltipEffect<M>[] = [{ do: 'stop-watch' }];
  const shown = shownOf(state);
  if (shown) effects.push({ do: 'hide', restoreFocus: restoreFocus && (shown.via === 'keyboard' || shown.via === 'tap') });
  return { state: IDLE, effects };
}

function withPending<M>(state: TooltipState<M>, pending: PendingHover<M> | undefined): TooltipState<M> {
  if (state.phase === 'idle' || state.phase === 'pending') return pending ? { phase: 'pending', pending } : IDLE;
  const { pending: _dropped, ...rest } = state;
  return pending ? { ...rest, pending } : rest;
}

/** A closing tooltip the pointer came back to (or that stays) is open again. */
function reopened<M>(state: TooltipState<M>): TooltipState<M> {
  if (state.phase !== 'closing') return state;
  const { after: _after, ...rest } = state;
  return { ...rest, phase: 'open' };
}
