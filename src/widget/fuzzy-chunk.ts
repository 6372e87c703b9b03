// The fuzzy chunk (policy-glossary-fuzzy.mjs): near-miss resolution (core/fuzzy.ts) and what the glossary
// knows about an unknown slogan (core/slogan-usage.ts), loaded only when a page contains numbered
// slogans the glossary lacks word for word.
import { sloganUsage, type SloganUsage } from '../core/slogan-usage';
import type { GlossaryPack, PackEntry } from '../core/types';

export { createFuzzyResolver } from '../core/fuzzy';

/** An unknown slogan's usage in `pack`, worked out once per slogan (a pass over every entry). */
export function createSloganUsage(pack: GlossaryPack): (text: string) => SloganUsage<PackEntry> {
  const known = new Map<string, SloganUsage<PackEntry>>();
  return (text) => {
    let usage = known.get(text);
    if (!usage) known.set(text, (usage = sloganUsage(pack.entries, pack.documents, text)));
    return usage;
  };
}
