// Pinyin search keys for the user's own entries, so that 三会一代理 added on the options page is
// found by "sanhui" or "shydl" like the bundled entries. The build computes them for glossary
// files; here the same compiler is loaded on demand (its pinyin tables are large), only by the
// options page.
import type { GlossaryEntry } from '../core/types';
import { formsOf, type SearchKeys } from './merge';

/**
 * Pinyin search keys of the forms of `entries` that `known` does not have yet. Never rejects: keys
 * are a convenience, so should their tables fail to load the answer is none, and entries are
 * still saved (searchable in Chinese).
 */
export async function searchKeysFor(entries: readonly GlossaryEntry[], known: SearchKeys = {}): Promise<SearchKeys> {
  const missing = formsOf(entries).filter((form) => !known[form]);
  if (missing.length === 0) return {};
  try {
    const { searchKeys } = await import('../core/glossary-compile');
    return Object.fromEntries(missing.map((form) => [form, searchKeys(form)]));
  } catch {
    return {};
  }
}
