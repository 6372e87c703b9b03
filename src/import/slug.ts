// Stable ASCII ids for imported entries, spelled in pinyin (六稳 → liu-wen) so that an official can
// still read them; pinyin-pro is fine here because importers never ship in the widget bundle.
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

/** The ASCII slug of a term: pinyin syllables, digits and Latin letters joined by `-`. */
export function slugOf(term: string): string {
  const syllables = pinyin(term, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const chars = [...term];
  const words: string[] = [];
  let index = 0;
  for (const syllable of syllables) {
    const char = chars[index] ?? '';
    if (HAN.test(char)) {
      words.push(syllable);
      index += 1;
    } else {
      words.push(...syllable.normalize('NFKC').toLowerCase().split(/[^a-z0-9]+/u));
      index += [...syllable].length;
    }
  }
  const slug = words
    .map((word) => word.toLowerCase().replace(/[^a-z0-9]/gu, ''))
    .filter((word) => word.length > 0)
    .join('-');
  return slug.length > 0 ? slug.slice(0, 60).replace(/-+$/u, '') : 'term';
}

/** Hands out unique slugs, never one of `reserved` (ids already used by other glossary files). */
export function createSlugger(reserved: Iterable<string> = []): (term: string) => string {
  const used = new Set(reserved);
  return (term) => {
    const base = slugOf(term);
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
