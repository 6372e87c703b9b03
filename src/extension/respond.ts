// Answers runtime messages with an async handler in a way both Chrome (sendResponse + `true`)
// and Firefox accept; errors travel back as `{ error }` instead of being lost.
import { browser } from 'wxt/browser';

/** Who sent a message: the tab, and the address of the page or frame (content scripts). */
export interface MessageSender {
  tab?: { id?: number };
  url?: string;
}

/** What an async handler's result looks like on the wire. */
export type Reply<T> = { ok: T } | { error: string };

/** Listens for runtime messages accepted by `accepts` and answers each with `handle`'s result. */
export function onRequest<T>(accepts: (message: unknown) => message is T, handle: (message: T, sender: MessageSender) => Promise<unknown>): () => void {
  const listener = (message: unknown, sender: MessageSender, sendResponse: (reply: Reply<unknown>) => void): boolean => {
    if (!accepts(message)) return false;
    handle(message, sender).then(
      (ok) => sendResponse({ ok: ok ?? null }),
      (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Unwraps a reply, throwing its error. */
export function unwrap<T>(reply: Reply<T> | undefined): T {
  if (!reply) throw new Error('没有回应 / No answer');
  if ('error' in reply) throw new Error(reply.error);
  return reply.ok;
}

/** Sends a request to the background and returns its answer. */
export async function askBackground<T>(message: unknown): Promise<T> {
  return unwrap((await browser.runtime.sendMessage(message)) as Reply<T> | undefined);
}

/**
 * Sends a request to the content script of a tab's page and returns its answer: the top frame's,
 * or the frame `frameId`'s (frames of other origins run their own, src/extension/frames.ts, and
 * would answer first to a request sent to all).
 */
export async function askTab<T>(tabId: number, message: unknown, frameId = 0): Promise<T> {
  return unwrap((await browser.tabs.sendMessage(tabId, message, { frameId })) as Reply<T> | undefined);
}
