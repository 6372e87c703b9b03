// Glossary terms that look like an unknown numbered slogan: the same numeral and at least one
// of its other characters (四个严实 → 四个意识, 四个全面), offered in the slogan's tooltip.
import type { MatchableEntry } from './types';

const NUMERALS = new Set([...'零〇一二两三四五六七八九十百千万0123456789']);
// Measure words, quote marks and the signs that join a name's parts say nothing about which slogan it is.
const FILLER = new Set([...'个项大条种类“”「」‘’"\'+＋×·・、 ']);
const LATIN = /[A-Za-z]/;

/** The numerals of `text` and its other telling characters; a digit before a Latin letter (5G, 4K) names, not counts. */
function parts(text: string): { numerals: string; chars: Set<string> } {
  let numerals = '';
  const chars = new Set<string>();
  const units = [...text];
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!;
    if (NUMERALS.has(c) && !LATIN.test(units[i + 1] ?? '')) numerals += c;
    else if (!FILLER.has(c)) chars.add(c);
  }
  return { numerals, chars };
}

/**
 * Up to `limit` entries (one per term) whose term has the same numerals as `text` and shares at
 * least one other character with it, most shared characters first, then closest in length, then
 * in code-point order (the same everywhere, whatever the locale).
 * `text` itself never comes back; a text without numerals has no close terms.
 */
export function closestTerms<E extends Pick<MatchableEntry, 'term'>>(entries: readonly E[], text: string, limit = 3): E[] {
  const wanted = parts(text);
  if (!wanted.numerals || wanted.chars.size === 0) return [];
  const length = [...text].length;
  const scored = new Map<string, { entry: E; shared: number; gap: number }>();
  for (const entry of entries) {
    if (entry.term === text || scored.has(entry.term)) continue;
    const own = parts(entry.term);
    if (own.numerals !== wanted.numerals) continue;
    let shared = 0;
    for (const c of own.chars) if (wanted.chars.has(c)) shared++;
    if (shared === 0) continue;
    scored.set(entry.term, { entry, shared, gap: Math.abs([...entry.term].length - length) });
  }
  return [...scored.values()]
    .sort((a, b) => b.shared - a.shared || a.gap - b.gap || (a.entry.term < b.entry.term ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.entry);
}
