// The tooltip's state machine (src/ui/tooltip-state.ts), one row a transition: the state, the
// event, what the page says at that moment, the state after and the effects asked for. Negative
// rows: events that must leave the state as it was and ask for nothing.
import { describe, expect, it } from 'vitest';
import {
  IDLE,
  nextTooltipState,
  type PendingHover,
  type TooltipEffect,
  type TooltipEvent,
  type TooltipFacts,
  type TooltipState,
} from '../../src/ui/tooltip-state';

/** A match: `term` is what a reader sees, `id` changes when the page re-renders its text. */
interface M {
  id: number;
  term: string;
  gone?: boolean;
}

const A: M = { id: 1, term: '六稳' };
const B: M = { id: 2, term: '六保' };
const GONE: M = { id: 3, term: '三重一大', gone: true }; // text the page removed
const GONE2: M = { id: 13, term: '三重一大' }; // its re-rendered successor

const facts = (over: Partial<TooltipFacts<M>> = {}): TooltipFacts<M> => ({
  same: (a, b) => a.id === b.id || (a.gone === true && a.term === b.term),
  replaced: (m) => m.gone === true,
  resting: false,
  watching: false,
  ...over,
});

const pending = (match: M, due = false): PendingHover<M> => ({ match, due });
const open = (match: M, via: 'hover' | 'focus' = 'hover', wait?: PendingHover<M>): TooltipState<M> =>
  wait ? { phase: 'open', match, via, pending: wait } : { phase: 'open', match, via };
const pinned = (match: M, via: 'keyboard' | 'tap' = 'keyboard'): TooltipState<M> => ({ phase: 'pinned', match, via });
const closing = (match: M, after: 'left-term' | 'left-window' = 'left-term', wait?: PendingHover<M>): TooltipState<M> =>
  wait ? { phase: 'closing', match, via: 'hover', after, pending: wait } : { phase: 'closing', match, via: 'hover', after };
const waiting = (match: M, due = false): TooltipState<M> => ({ phase: 'pending', pending: pending(match, due) });

type Via = 'hover' | 'focus' | 'keyboard' | 'tap';
const DELAY: TooltipEffect<M> = { do: 'delay' };
const STOP_WATCH: TooltipEffect<M> = { do: 'stop-watch' };
const show = (match: M, via: Via, from?: { match: M; via: Via }): TooltipEffect<M> => ({ do: 'show', match, via, from });
const hide = (restoreFocus: boolean): TooltipEffect<M> => ({ do: 'hide', restoreFocus });

interface Row {
  name: string;
  state: TooltipState<M>;
  event: TooltipEvent<M>;
  facts?: Partial<TooltipFacts<M>>;
  after: TooltipState<M>;
  effects: TooltipEffect<M>[];
}

const rows: Row[] = [
  // Pointer: hover delay, then open.
  { name: 'idle, pointer on a term: pending, hover delay starts', state: IDLE, event: { type: 'point-term', match: A }, after: waiting(A), effects: [DELAY] },
  { name: 'pending, pointer on another term: the delay starts over for it', state: waiting(A), event: { type: 'point-term', match: B }, after: waiting(B), effects: [DELAY] },
  { name: 'pending, pointer on nothing: back to idle', state: waiting(A), event: { type: 'point-none' }, after: IDLE, effects: [] },
  { name: 'pending, pointer over the tooltip UI: idle', state: waiting(A), event: { type: 'point-ui' }, after: IDLE, effects: [] },
  { name: 'pending, delay over, term still under the pointer: open', state: waiting(A), event: { type: 'hover-delay-over', fresh: A }, after: open(A), effects: [show(A, 'hover')] },
  { name: 'pending, delay over, pointer elsewhere but text intact: opens the pending term', state: waiting(A), event: { type: 'hover-delay-over' }, after: open(A), effects: [show(A, 'hover')] },
  { name: 'pending, delay over, text re-rendered and found again: opens the new match', state: waiting(GONE), event: { type: 'hover-delay-over', fresh: GONE2 }, after: open(GONE2), effects: [show(GONE2, 'hover')] },
  { name: 'pending, delay over, text re-rendered and not found yet: due, watch', state: waiting(GONE), event: { type: 'hover-delay-over' }, after: waiting(GONE, true), effects: [{ do: 'watch' }] },
  { name: 'due, the re-rendered term found under the pointer: open at once', state: waiting(GONE, true), event: { type: 'point-term', match: GONE2 }, after: open(GONE2), effects: [show(GONE2, 'hover')] },
  { name: 'pending whose text was replaced, pointer moved off: idle', state: waiting(GONE, true), event: { type: 'point-none' }, after: IDLE, effects: [] },
  { name: 'pending whose text stays gone, watch over: idle', state: waiting(GONE, true), event: { type: 'watch-over' }, after: IDLE, effects: [] },

  // Pointer: an open hover tooltip, closing and coming back.
  { name: 'open, pointer on nothing: closing, grace time starts', state: open(A), event: { type: 'point-none' }, after: closing(A), effects: [] },
  { name: 'open, pointer on another term: that one pending, this one stays open', state: open(A), event: { type: 'point-term', match: B }, after: open(A, 'hover', pending(B)), effects: [DELAY] },
  { name: 'open with another term pending, pointer back on the open one: the pending one dropped', state: open(A, 'hover', pending(B)), event: { type: 'point-term', match: A }, after: open(A), effects: [] },
  { name: 'open with another term pending, delay over: the other one opens', state: open(A, 'hover', pending(B)), event: { type: 'hover-delay-over', fresh: B }, after: open(B), effects: [show(B, 'hover', { match: A, via: 'hover' })] },
  { name: 'open, its text re-rendered under the pointer: follows the new match', state: open(GONE), event: { type: 'point-term', match: GONE2 }, after: open(GONE2), effects: [show(GONE2, 'hover', { match: GONE, via: 'hover' })] },
  { name: 'closing, pointer back on the term: open again', state: closing(A), event: { type: 'point-term', match: A }, after: open(A), effects: [] },
  { name: 'closing, pointer onto the tooltip: open again', state: closing(A), event: { type: 'point-ui' }, after: open(A), effects: [] },
  { name: 'closing, grace over: closed', state: closing(A), event: { type: 'grace-over' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'closing a re-rendering term under the watched, resting pointer: grace over keeps it open', state: closing(GONE), event: { type: 'grace-over' }, facts: { watching: true, resting: true }, after: open(GONE), effects: [] },
  { name: 'closing a re-rendering term, pointer moved: grace over closes', state: closing(GONE), event: { type: 'grace-over' }, facts: { watching: true }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'closing after leaving the window, even over a re-rendering term: grace over closes', state: closing(GONE, 'left-window'), event: { type: 'grace-over' }, facts: { watching: true, resting: true }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'open hover whose text stays gone, watch over: closed', state: open(GONE), event: { type: 'watch-over' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'open hover, pointer leaves the window: closing', state: open(A), event: { type: 'pointer-left-window' }, after: closing(A, 'left-window'), effects: [] },
  { name: 'open hover with a term pending, pointer leaves the window: closing, pending dropped', state: open(A, 'hover', pending(B)), event: { type: 'pointer-left-window' }, after: closing(A, 'left-window'), effects: [] },
  { name: 'open hover whose text went, anchor lost: hit-test again', state: open(GONE), event: { type: 'anchor-lost', match: GONE }, after: open(GONE), effects: [{ do: 'retest' }] },

  // Keyboard, tap and focus.
  { name: 'idle, keyboard walk: pinned dialog', state: IDLE, event: { type: 'open', match: A, via: 'keyboard' }, after: pinned(A), effects: [show(A, 'keyboard')] },
  { name: 'closing hover, keyboard walk: pinned on the next term, grace stopped', state: closing(A), event: { type: 'open', match: B, via: 'keyboard' }, after: pinned(B), effects: [show(B, 'keyboard', { match: A, via: 'hover' })] },
  { name: 'pinned, Esc: closed, focus restored', state: pinned(A), event: { type: 'escape' }, after: IDLE, effects: [STOP_WATCH, hide(true)] },
  { name: 'open hover, Esc: closed, no focus to restore', state: open(A), event: { type: 'escape' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'idle, tap on a term: pinned', state: IDLE, event: { type: 'tap', match: A }, after: pinned(A, 'tap'), effects: [show(A, 'tap')] },
  { name: 'pinned by tap, tap elsewhere: closed without moving focus', state: pinned(A, 'tap'), event: { type: 'tap' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'open hover, click on plain text: closed', state: open(A), event: { type: 'tap' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'idle, focus on a wrapped term: open via focus', state: IDLE, event: { type: 'focus-term', match: A }, after: open(A, 'focus'), effects: [show(A, 'focus')] },
  { name: 'open via focus, focus on another term: that one opens', state: open(A, 'focus'), event: { type: 'focus-term', match: B }, after: open(B, 'focus'), effects: [show(B, 'focus', { match: A, via: 'focus' })] },
  { name: 'open via focus, focus elsewhere: closed', state: open(A, 'focus'), event: { type: 'focus-other' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'pinned, focus elsewhere: closed', state: pinned(A), event: { type: 'focus-other' }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'pinned, its text went (anchor lost): closed', state: pinned(GONE), event: { type: 'anchor-lost', match: GONE }, after: IDLE, effects: [STOP_WATCH, hide(false)] },
  { name: 'pinned, pointer on another term: that one pending over the dialog', state: pinned(A), event: { type: 'point-term', match: B }, after: { phase: 'pinned', match: A, via: 'keyboard', pending: pending(B) }, effects: [DELAY] },
  { name: 'refresh of an open tooltip: drawn again', state: open(A), event: { type: 'open', match: A, via: 'hover' }, after: open(A), effects: [show(A, 'hover', { match: A, via: 'hover' })] },
  { name: 'caller closes a pinned dialog: focus restored', state: pinned(A), event: { type: 'close', restoreFocus: true }, after: IDLE, effects: [STOP_WATCH, hide(true)] },
  { name: 'caller closes with nothing open: the pending hover and the watch stop', state: waiting(A), event: { type: 'close', restoreFocus: true }, after: IDLE, effects: [STOP_WATCH] },
];

/** Events that must change nothing in these states. */
const unchanged: Array<{ name: string; state: TooltipState<M>; event: TooltipEvent<M>; facts?: Partial<TooltipFacts<M>> }> = [
  { name: 'idle, pointer on nothing', state: IDLE, event: { type: 'point-none' } },
  { name: 'idle, Esc (left to the page)', state: IDLE, event: { type: 'escape' } },
  { name: 'idle, click on plain text', state: IDLE, event: { type: 'tap' } },
  { name: 'idle, focus elsewhere', state: IDLE, event: { type: 'focus-other' } },
  { name: 'idle, pointer leaves the window', state: IDLE, event: { type: 'pointer-left-window' } },
  { name: 'idle, a stray hover-delay timer', state: IDLE, event: { type: 'hover-delay-over', fresh: A } },
  { name: 'idle, a stray grace timer', state: IDLE, event: { type: 'grace-over' } },
  { name: 'idle, watch over', state: IDLE, event: { type: 'watch-over' } },
  { name: 'pinned, pointer on nothing (a dialog does not close on pointer moves)', state: pinned(A), event: { type: 'point-none' } },
  { name: 'pinned, pointer leaves the window', state: pinned(A), event: { type: 'pointer-left-window' } },
  { name: 'pinned, grace timer', state: pinned(A), event: { type: 'grace-over' } },
  { name: 'open via focus, pointer on nothing', state: open(A, 'focus'), event: { type: 'point-none' } },
  { name: 'open via focus, focus again on the same term', state: open(A, 'focus'), event: { type: 'focus-term', match: A } },
  { name: 'open hover, focus elsewhere (hover is the pointer\'s)', state: open(A), event: { type: 'focus-other' } },
  { name: 'open hover, anchor lost for a match no longer shown', state: open(A), event: { type: 'anchor-lost', match: B } },
  { name: 'open hover, watch over while its text is intact', state: open(A), event: { type: 'watch-over' } },
  { name: 'closing, pointer still on nothing (grace keeps running)', state: closing(A), event: { type: 'point-none' } },
  { name: 'closing, pointer leaves the window (grace already running)', state: closing(A), event: { type: 'pointer-left-window' } },
  { name: 'closing, pending term elsewhere delayed further by a move on it', state: closing(A, 'left-term', pending(B)), event: { type: 'point-term', match: B } },
  { name: 'pending, pointer moves within the same term (the delay keeps running)', state: waiting(A), event: { type: 'point-term', match: A } },
  { name: 'pending whose text was replaced, resting pointer on nothing (kept for the re-render)', state: waiting(GONE, true), event: { type: 'point-none' }, facts: { resting: true } },
  { name: 'open hover, pointer moves within its term', state: open(A), event: { type: 'point-term', match: A } },
  { name: 'open hover, pointer over the tooltip', state: open(A), event: { type: 'point-ui' } },
  { name: 'idle, pointer over the tooltip host', state: IDLE, event: { type: 'point-ui' } },
];

describe('nextTooltipState', () => {
  it.each(rows)('$name', ({ state, event, facts: over, after, effects }) => {
    const move = nextTooltipState(state, event, facts(over));
    expect(move.state).toEqual(after);
    expect(move.effects).toEqual(effects);
  });

  it.each(unchanged)('no change: $name', ({ state, event, facts: over }) => {
    const move = nextTooltipState(state, event, facts(over));
    expect(move.state).toEqual(state);
    expect(move.effects).toEqual([]);
  });
});
