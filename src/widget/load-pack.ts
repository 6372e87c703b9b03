// Gets the glossary pack the widget was pointed at: fetched once per URL (the annotator and every
// <policy-glossary> element share it) or taken inline, and always checked by parsePack.
import { parsePack } from '../core/pack';
import type { GlossaryPack } from '../core/types';

const cache = new Map<string, Promise<GlossaryPack>>();

async function fetchPack(url: string): Promise<GlossaryPack> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new Error(`无法加载术语表 could not load the glossary ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`无法加载术语表 could not load the glossary ${url}: HTTP ${response.status}`);
  const text = await response.text();
  try {
    return parsePack(text);
  } catch (error) {
    throw new Error(`${url}: ${(error as Error).message}`);
  }
}

/**
 * The pack from a URL (resolved against `base`) or an inline pack object. Rejects with a message
 * naming the URL and the reason when it cannot be loaded or is not a valid pack.
 */
export function loadPack(source: string | object, base: string): Promise<GlossaryPack> {
  if (typeof source !== 'string') {
    try {
      return Promise.resolve(parsePack(source));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  const url = new URL(source, base).href;
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchPack(url);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return pending;
}
