// `policy-glossary stats [paths…] [--json] [--list]`: how big the glossary is — entries, distinct
// terms, places, years — and which terms the places that define them disagree on.
import { agreedSense } from '../../core/sense-choice';
import { createSenseIndex } from '../../core/senses';
import type { GlossaryPack, PackEntry } from '../../core/types';
import { loadGlossaryPack } from '../glossary-files';
import type { CliCommand } from '../io';
import { UsageError } from '../io';

const HELP = `用法 / usage: policy-glossary stats [路径 paths…] [--json] [--list]

统计术语表：词条数、不同术语数（同一术语的不同写法和来源算一个，见 src/core/senses.ts）、地方数、
年份，以及各地释义不一致的术语。一致性判定（与页面选择释义相同，src/core/sense-choice.ts agreedSense）：
每个地方取其最新的释义，至少两地且三分之二以上的地方释义相符（definitionsAgree：列举项 60% 以上相近，
或释义文字双字组 Dice ≥ 0.5）即为一致，否则为不一致。
Glossary statistics: entries, distinct terms (forms and sources of one term count once, see
src/core/senses.ts), places, years, and terms whose places disagree on the meaning. Agreement test:
the one pages use (src/core/sense-choice.ts agreedSense): each place's most recent definition; a
term agrees when at least two places and two thirds of them share one meaning (definitionsAgree:
≥60% of list items alike, or prose bigram Dice ≥ 0.5), and disagrees otherwise.

  --json   以 JSON 输出 / print JSON
  --list   列出各地释义不一致的术语 / list the terms whose places disagree
`;

/** What `stats` reports. */
export interface GlossaryStats {
  entries: number;
  terms: number;
  /** Distinct issuing governments (GB/T 2260 codes of the documents' regions). */
  places: number;
  /** Distinct report years, ascending. */
  years: number[];
  /** Terms defined by two or more places. */
  multiPlaceTerms: number;
  /** Terms of several places with no meaning shared by two thirds of them (agreedSense): the term as first written, and the places. */
  disagreeing: { term: string; places: string[] }[];
}

function yearOf(pack: GlossaryPack, entry: PackEntry): number | undefined {
  const doc = pack.documents[entry.doc];
  if (doc?.year !== undefined) return doc.year;
  const fromDate = doc?.date ? Number(doc.date.slice(0, 4)) : NaN;
  return Number.isFinite(fromDate) ? fromDate : undefined;
}

/** Computes the statistics of a compiled pack. */
export function glossaryStats(pack: GlossaryPack): GlossaryStats {
  const index = createSenseIndex(pack);
  const seen = new Set<string>();
  const groups: PackEntry[][] = [];
  for (const entry of pack.entries) {
    if (seen.has(entry.id)) continue;
    const group = index.sensesOf(entry.id);
    for (const member of group) seen.add(member.id);
    groups.push(group);
  }
  const places = new Set(pack.documents.map((doc) => doc.region?.code).filter((code): code is string => code !== undefined));
  const years = [...new Set(pack.entries.map((entry) => yearOf(pack, entry)).filter((year): year is number => year !== undefined))].sort((a, b) => a - b);
  let multiPlaceTerms = 0;
  const disagreeing: GlossaryStats['disagreeing'] = [];
  for (const group of groups) {
    // Each place's most recent definition (an official entry with a placed source).
    const latest = new Map<string, PackEntry>();
    for (const entry of group) {
      const region = pack.documents[entry.doc]?.region;
      if (!region || entry.status !== 'official') continue;
      const held = latest.get(region.code);
      if (!held || (yearOf(pack, entry) ?? 0) > (yearOf(pack, held) ?? 0)) latest.set(region.code, entry);
    }
    if (latest.size < 2) continue;
    multiPlaceTerms += 1;
    const senses = [...latest.values()].sort((a, b) => (yearOf(pack, b) ?? 0) - (yearOf(pack, a) ?? 0));
    // Agreement, not the display threshold: two places alike agree (the tooltip asks three before
    // it shows a meaning in general use, AGREED_MIN_PLACES).
    if (agreedSense(senses, 2) === undefined) {
      disagreeing.push({
        term: group[0]!.term,
        places: senses.map((entry) => `${pack.documents[entry.doc]!.region!.name} ${yearOf(pack, entry) ?? ''}`.trim()),
      });
    }
  }
  return { entries: pack.entries.length, terms: groups.length, places: places.size, years, multiPlaceTerms, disagreeing };
}

/** Runs `stats`. */
export const runStats: CliCommand = async (args, io) => {
  const paths: string[] = [];
  let json = false;
  let list = false;
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') {
      io.stdout(HELP);
      return 0;
    }
    if (arg === '--json') json = true;
    else if (arg === '--list') list = true;
    else if (arg.startsWith('-')) throw new UsageError(`未知选项 unknown option ${arg}\n\n${HELP}`);
    else paths.push(arg);
  }
  const stats = glossaryStats(await loadGlossaryPack(paths, io.cwd));
  if (json) {
    io.stdout(`${JSON.stringify(stats, null, 1)}\n`);
    return 0;
  }
  const years = stats.years.length === 0 ? '—' : `${stats.years.length}（${stats.years[0]}–${stats.years[stats.years.length - 1]}）`;
  const lines = [
    `词条 entries: ${stats.entries}`,
    `不同术语 distinct terms: ${stats.terms}`,
    `地方 places: ${stats.places}`,
    `年份 years: ${years}`,
    `多地释义的术语 terms defined by several places: ${stats.multiPlaceTerms}`,
    `各地释义不一致 terms whose places disagree: ${stats.disagreeing.length}`,
  ];
  if (list) for (const { term, places } of stats.disagreeing) lines.push(`  ${term}: ${places.join('、')}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
