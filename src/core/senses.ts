// One term, many sources: groups the pack's entries that are the same term (quotes, full/half width,
// traditional characters, a 工程/行动/制度-style suffix on a distinctive stem) so each place's definition
// of it can be found from any one of them.
import { createNormaliser } from './normalise';
import type { Normaliser } from './normalise';
import type { GlossaryPack, PackEntry } from './types';

/**
 * Generic words a report glues onto a slogan without changing what it names (“三高四新”战略 is the
 * 三高四新 strategy); longest first so 行动计划 goes before 计划.
 */
export const GENERIC_TERM_SUFFIXES: readonly string[] = [
  '专项行动', '行动计划', '攻坚行动', '攻坚战', '工程', '行动', '制度', '机制', '战略', '计划', '建设', '体系', '模式', '改革', '活动', '理念',
];

const OPEN_QUOTES = '“‘「『"\'〝＂';
const CLOSE_QUOTES = '”’」』"\'〞＂';
/** Quote marks, to take out with `replace` (global: never `test` with it). Also match-context.ts's. */
export const QUOTE = /[“”‘’「」『』"'〝〞＂]/gu;
const NUMERAL = /[0-9０-９零〇一二两三四五六七八九十百千万]/u;
/** A stem that is only a count (三大, 十个, 两项, 3年): too vague to name one thing. */
const COUNT_ONLY = /^[0-9０-９零〇一二两三四五六七八九十百千万]+[大个项条类种批张方年]?$/u;
/**
 * A stem whose last word is a count of the suffix (一平台三|体系, 乡村振兴十大|行动): the suffix is
 * what is counted, so it cannot go. A count after a measure word (四个一, 五个一批) names the term itself.
 */
const COUNTS_SUFFIX = /[^0-9０-９零〇一二两三四五六七八九十百千万大个项条类种批张方][0-9０-９零〇一二两三四五六七八九十百千万]+[大个项条类种批张方年]?$/u;

/**
 * The distinctive stem of a form with a generic suffix, or undefined when stripping it would leave an
 * ordinary word: the stem must be quoted whole in the form (“一带一路”建设) or hold a numeral and be
 * more than a count (三高四新战略 → 三高四新; 乡村振兴战略 and 三大工程 keep their suffix).
 */
export function distinctiveStem(form: string): string | undefined {
  const trimmed = form.trim();
  const suffix = GENERIC_TERM_SUFFIXES.find((s) => trimmed.endsWith(s) && trimmed.length > s.length);
  if (suffix === undefined) return undefined;
  const raw = trimmed.slice(0, -suffix.length);
  const bare = raw.replace(QUOTE, '');
  // A bare count (三大, 500) is not a name, quoted or not.
  if ([...bare].length < 2 || COUNT_ONLY.test(bare) || !/\p{Script=Han}/u.test(bare)) return undefined;
  // Two characters without a numeral hide inside ordinary words (“新网”工程 → 新网 in 创新网络).
  const quotedWhole =
    (NUMERAL.test(bare) || [...bare].length >= 3) &&
    OPEN_QUOTES.includes(raw[0] ?? '') && CLOSE_QUOTES.includes(raw[raw.length - 1] ?? '') && raw.slice(1, -1).replace(QUOTE, '') === raw.slice(1, -1);
  const numbered = NUMERAL.test(bare) && !COUNTS_SUFFIX.test(bare);
  return quotedWhole || numbered ? bare : undefined;
}

/**
 * Extra surface forms the matcher should find for a term: the distinctive stem of each form with a
 * generic suffix (“三高四新”战略 → 三高四新). Quote and width variants need none: the matcher's
 * normalisation already drops quotes and folds full width (专精特新“小巨人” matches 专精特新小巨人).
 */
export function derivedForms(forms: readonly string[]): string[] {
  const own = new Set(forms.map((form) => form.replace(QUOTE, '')));
  const derived: string[] = [];
  for (const form of forms) {
    const stem = distinctiveStem(form);
    if (stem !== undefined && !own.has(stem) && !derived.includes(stem)) derived.push(stem);
  }
  return derived;
}

/** The key under which two forms are the same term: the matcher's normalisation of the distinctive stem, else of the form. */
export function senseKey(form: string, normaliser: Normaliser = createNormaliser()): string {
  return normaliser.key(distinctiveStem(form) ?? form);
}

/** Looks up the entries of a pack that are the same term. */
export interface SenseIndex {
  /** All entries of the pack that are the same term as `entryId`, the entry itself first, then in pack order; [] for an unknown id. */
  sensesOf(entryId: string): PackEntry[];
  /** Every group of two or more entries, in pack order of their first entry. */
  groups(): PackEntry[][];
}

/**
 * Groups the pack's entries by the sense keys of their forms (term and aliases; an entry whose
 * forms share a key with another's joins its group). Computed at load rather than stored in the
 * pack: it takes milliseconds for 5,000 entries, keeps the pack format unchanged, and also groups a
 * reader's own entries and subscribed packs merged in the browser with the bundled ones.
 */
export function createSenseIndex(pack: GlossaryPack): SenseIndex {
  const normaliser = createNormaliser(pack.variants ?? {});
  const parent = pack.entries.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) {
      const next = parent[i]!;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  const byKey = new Map<string, number>();
  pack.entries.forEach((entry, i) => {
    const forms = [entry.term, ...(entry.aliases ?? [])];
    for (const form of forms) {
      const key = senseKey(form, normaliser);
      if (key === '') continue;
      const other = byKey.get(key);
      if (other === undefined) byKey.set(key, i);
      else {
        const a = find(i);
        const b = find(other);
        // The smaller index becomes the root, so groups come out in pack order.
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const members = new Map<number, PackEntry[]>();
  pack.entries.forEach((entry, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(entry);
    else members.set(root, [entry]);
  });
  const indexOf = new Map(pack.entries.map((entry, i) => [entry.id, i]));
  return {
    sensesOf(entryId) {
      const i = indexOf.get(entryId);
      if (i === undefined) return [];
      const entry = pack.entries[i]!;
      return [entry, ...(members.get(find(i)) ?? []).filter((other) => other !== entry)];
    },
    groups() {
      return [...members.values()].filter((group) => group.length > 1);
    },
  };
}
