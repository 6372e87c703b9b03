// Compiles validated glossary files into the pack the extension and widget load: surface forms,
// pinyin search keys and a traditional→simplified table, precomputed here so browsers never need
// pinyin-pro or OpenCC.
import { pinyin } from 'pinyin-pro';
import { hashPackContent } from './glossary-hash';
import { toHalfWidthDigits } from './numerals';
import { derivedForms } from './senses';
import { convertAll, TRADITIONAL_PRESETS } from './traditional-forms';
import type { GlossaryEntry, GlossaryFile, GlossaryPack, PackEntry } from './types';
import { PACK_SCHEMA_VERSION } from './types';

/** A validated glossary file and the path it was read from (used only to order the pack). */
export interface CompileInput {
  path: string;
  file: GlossaryFile;
}

/**
 * Polyphones that policy terms use in more than one reading and that pinyin-pro's context rules
 * misread in short slogans (三重一大 is sān zhòng yī dà, not chóng); these get every reading as a
 * key. Other characters keep only their contextual reading, so keys stay few and precise.
 */
const POLYPHONES = new Set(['重', '行', '长', '调']);

/** At most this many readings per form, so a form full of polyphones cannot blow up the keys. */
const MAX_READINGS = 4;

/**
 * Builds the pack: files ordered by path, entries in file order, unfinished entries left out,
 * related ids that point at left-out entries dropped. Same input, same pack, same hash.
 */
export function compileGlossaryPack(inputs: readonly CompileInput[]): GlossaryPack {
  const ordered = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const kept = ordered.map((input) => input.file.entries.filter((entry) => !entry.unfinished));
  const ids = new Set(kept.flat().map((entry) => entry.id));
  const entries: PackEntry[] = kept.flatMap((fileEntries, doc) =>
    fileEntries.map((entry) => packEntry(entry, doc, ids)),
  );
  const content = {
    schemaVersion: PACK_SCHEMA_VERSION as typeof PACK_SCHEMA_VERSION,
    documents: ordered.map((input) => ({ ...input.file.source })),
    entries,
    variants: buildVariants(entries.flatMap((entry) => entry.forms)),
  };
  return { ...content, hash: hashPackContent(content) };
}

function packEntry(entry: GlossaryEntry, doc: number, ids: ReadonlySet<string>): PackEntry {
  const { unfinished: _unfinished, related, ...rest } = entry;
  // Derived forms (“三高四新”战略 → 三高四新) let the matcher find the shorter way a page writes a
  // distinctive term; they come after the file's own forms, so the term stays first.
  const written = [entry.term, ...(entry.aliases ?? [])];
  const forms = unique([...written, ...derivedForms(written)]);
  const kept = related?.filter((id) => ids.has(id));
  return {
    ...rest,
    ...(kept && kept.length > 0 ? { related: kept } : {}),
    doc,
    forms,
    keys: unique(forms.flatMap(searchKeys)),
  };
}

/**
 * Pinyin keys of one form, without tones or spaces: the contextual reading, other readings of
 * the listed polyphones (三重一大 → sanchongyida, sanzhongyida), and the initials of each
 * (scyd, szyd). Digits stay; punctuation and quotes go.
 */
export function searchKeys(form: string): string[] {
  const chars = [...toHalfWidthDigits(form).toLowerCase()];
  const contextual = pinyin(chars.join(''), { toneType: 'none', type: 'array', v: true });
  const perChar = contextual.length === chars.length ? contextual : chars.map((c) => pinyin(c, { toneType: 'none', v: true }));
  let readings: string[][] = [[]];
  for (const [i, char] of chars.entries()) {
    const first = clean(perChar[i] ?? char);
    if (first === '') continue;
    const alternatives = POLYPHONES.has(char)
      ? unique([first, ...pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true }).map(clean)])
      : [first];
    readings = readings.flatMap((reading) => alternatives.map((syllable) => [...reading, syllable])).slice(0, MAX_READINGS);
  }
  const full = readings.map((reading) => reading.join(''));
  const initials = readings.map((reading) => reading.map((syllable) => (/^[0-9]+$/.test(syllable) ? syllable : syllable[0])).join(''));
  return unique([...full, ...initials].filter((key) => key !== ''));
}

function clean(syllable: string): string {
  return syllable.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Traditional → simplified for the characters of the glossary's own forms, from OpenCC's
 * cn→t, cn→tw and cn→hk conversions of each whole form (so context picks 幹部, not 乾部; built
 * from only the dictionary entries the forms can meet, traditional-forms.ts). A character that the
 * glossary itself uses is never remapped.
 */
export function buildVariants(forms: readonly string[]): Record<string, string> {
  const own = new Set(forms.flatMap((form) => [...form]));
  // Each form converted whole by each standard; a character alone where a conversion changed a
  // form's length (characters then cannot be paired by position).
  const chars = [...own];
  // One conversion per standard for both: each text converts alone as among others, and each call
  // reads OpenCC's dictionaries through once.
  const converted = TRADITIONAL_PRESETS.map((preset) => {
    const all = convertAll([...forms, ...chars], preset);
    const charAlone = new Map(chars.map((char, i) => [char, all[forms.length + i]!]));
    return { whole: all.slice(0, forms.length), charAlone };
  });
  const variants: Record<string, string> = {};
  for (const [index, form] of forms.entries()) {
    const simplified = [...form];
    for (const { whole, charAlone } of converted) {
      const spelled = [...whole[index]!];
      const pairs = spelled.length === simplified.length
        ? simplified.map((char, i): [string, string] => [char, spelled[i]!])
        : simplified.map((char): [string, string] => [char, charAlone.get(char)!]);
      for (const [simple, traditional] of pairs) {
        if (traditional !== simple && [...traditional].length === 1 && !own.has(traditional) && !(traditional in variants)) {
          variants[traditional] = simple;
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(variants).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
