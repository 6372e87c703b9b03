import { describe, expect, it } from 'vitest';
import { revealFromKey, termStepFromKey } from '../../src/ui/shortcut';

type Key = { key: string; altKey?: boolean; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; target?: string };

/** A keydown on a new `target` element (a tag name; a paragraph when absent). */
function keydown({ target = 'p', ...init }: Key): KeyboardEvent {
  const element = document.createElement(target);
  document.body.append(element);
  let event: KeyboardEvent | undefined;
  element.addEventListener('keydown', (e) => (event = e));
  element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init }));
  element.remove();
  return event as KeyboardEvent;
}

describe('revealFromKey (Alt+Shift+↓ draws every match under density "hover")', () => {
  it.each([
    ['Alt+Shift+↓', { key: 'ArrowDown', altKey: true, shiftKey: true }, true],
    ['↓ alone', { key: 'ArrowDown' }, false],
    ['Alt+↓', { key: 'ArrowDown', altKey: true }, false],
    ['Shift+↓', { key: 'ArrowDown', shiftKey: true }, false],
    ['Ctrl+Alt+Shift+↓', { key: 'ArrowDown', altKey: true, shiftKey: true, ctrlKey: true }, false],
    ['Alt+Shift+→ walks terms, it does not draw', { key: 'ArrowRight', altKey: true, shiftKey: true }, false],
    ['Alt+Shift+↓ while typing in a field', { key: 'ArrowDown', altKey: true, shiftKey: true, target: 'input' }, false],
    ['Alt+Shift+↓ in a text area', { key: 'ArrowDown', altKey: true, shiftKey: true, target: 'textarea' }, false],
  ] as const)('%s', (_name, init, expected) => {
    expect(revealFromKey(keydown(init))).toBe(expected);
  });

  it('never takes the keys that walk the terms', () => {
    const down = keydown({ key: 'ArrowDown', altKey: true, shiftKey: true });
    expect(termStepFromKey(down)).toBeUndefined();
    for (const key of ['ArrowRight', 'ArrowLeft']) expect(revealFromKey(keydown({ key, altKey: true, shiftKey: true }))).toBe(false);
  });
});
