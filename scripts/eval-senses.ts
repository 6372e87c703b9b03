// `npx tsx scripts/eval-senses.ts`: how often a term defined by more than one corpus report means
// different things (core/sense-choice definitionsAgree), and whether two agreeing places predict a
// third. Reads ../shared/corpus at run time only; skips cleanly without it.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlaceIndex } from '../src/core/places';
import { agreedSense, definitionsAgree } from '../src/core/sense-choice';
import type { PackEntry } from '../src/core/types';
import type { GlossaryEntry } from '../src/core/types';
import { importReport } from '../src/import/import-report';
import { loadDivisions } from '../src/places/divisions';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

interface Sense {
  place: string;
  year: number;
  entry: GlossaryEntry;
}

/** Every report with its place (the folder's name; sichuan/ and chengdu/ by their government) and year. */
function reports(): { place: string; year: number; path: string }[] {
  const found: { place: string; year: number; path: string }[] = [];
  const walk = (dir: string, place: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, name);
      else if (/^\d{4}\.md$/u.test(name)) found.push({ place, year: Number(name.slice(0, 4)), path });
    }
  };
  walk(join(CORPUS, 'reports'), '');
  walk(join(CORPUS, 'sichuan'), '四川省');
  walk(join(CORPUS, 'chengdu'), '成都市');
  return found;
}

const key = (term: string) => term.replace(/[“”"‘’「」『』\s]/gu, '');
const pairs = <T>(list: T[]) => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as const));

export function runSensesEval(): void {
  if (!existsSync(CORPUS)) {
    console.log('eval-senses: ../shared/corpus not found, skipped.');
    return;
  }
  const index = createPlaceIndex(loadDivisions());
  const terms = new Map<string, Sense[]>();
  let unresolved = 0;
  for (const report of reports()) {
    const division = index.resolve(report.place);
    if (!division) unresolved += 1;
    const place = division?.code ?? report.place;
    for (const entry of importReport(readFileSync(report.path, 'utf8'), report.path).entries) {
      terms.set(key(entry.term), [...(terms.get(key(entry.term)) ?? []), { place, year: report.year, entry }]);
    }
  }
  const multi = [...terms].filter(([, senses]) => senses.length > 1);
  const latestPerPlace = (senses: Sense[]) =>
    [...new Map([...senses].sort((a, b) => a.year - b.year).map((s) => [s.place, s])).values()];
  const anyDisagree = (senses: Sense[]) => pairs(senses).some(([a, b]) => !definitionsAgree(a.entry, b.entry));

  const multiPlace = multi.filter(([, senses]) => latestPerPlace(senses).length > 1);
  const placeDisagree = multiPlace.filter(([, senses]) => anyDisagree(latestPerPlace(senses)));
  const samePlaceYears = [...terms].flatMap(([, senses]) => {
    const byPlace = new Map<string, Sense[]>();
    for (const s of senses) byPlace.set(s.place, [...(byPlace.get(s.place) ?? []), s]);
    return [...byPlace.values()].filter((list) => new Set(list.map((s) => s.year)).size > 1);
  });
  const yearDisagree = samePlaceYears.filter(anyDisagree);
  // Do two agreeing places predict the rest? Among terms of ≥ 3 places, the two earliest.
  const three = multiPlace.map(([, s]) => latestPerPlace(s)).filter((list) => list.length >= 3);
  const firstTwoAgree = three.filter((list) => {
    const [a, b] = [...list].sort((x, y) => x.year - y.year);
    return definitionsAgree(a!.entry, b!.entry);
  });
  const thenBroken = firstTwoAgree.filter(anyDisagree);
  const asPack = (list: Sense[]) => [...list].sort((a, b) => b.year - a.year).map((s) => s.entry as PackEntry);
  const thenNoConsensus = firstTwoAgree.filter((list) => agreedSense(asPack(list)) === undefined);

  console.log(`eval-senses: ${terms.size} terms from the corpus reports (${unresolved} report folders not resolved to a place)`);
  console.log(`  terms defined by more than one report: ${multi.length}`);
  console.log(`  … by more than one place: ${multiPlace.length}; places disagree (latest per place, any pair): ${placeDisagree.length} (${((100 * placeDisagree.length) / multiPlace.length).toFixed(1)}%)`);
  console.log(`  (term, place) pairs defined in several years: ${samePlaceYears.length}; the years disagree: ${yearDisagree.length}`);
  console.log(`  terms of ≥ 3 places whose two earliest agree: ${firstTwoAgree.length}; a later place then disagrees: ${thenBroken.length}; no meaning in general use once all places count: ${thenNoConsensus.length}`);
  const withConsensus = multiPlace.filter(([, senses]) => agreedSense(asPack(latestPerPlace(senses))) !== undefined);
  const crossPairs = multiPlace.flatMap(([, senses]) => pairs(latestPerPlace(senses)));
  const pairDisagree = crossPairs.filter(([a, b]) => !definitionsAgree(a.entry, b.entry));
  console.log(`  pairs of places' latest definitions: ${crossPairs.length}; disagree: ${pairDisagree.length} (${((100 * pairDisagree.length) / crossPairs.length).toFixed(1)}%)`);
  console.log(`  terms of > 1 place with a meaning in general use (agreedSense): ${withConsensus.length}; without (shown as 其他地方的用法): ${multiPlace.length - withConsensus.length}`);
  for (const term of ['五个一批', '两个基地', '三个一批', '四个一批', '五化', '六大行动', '六稳', '三公经费', '放管服']) {
    const senses = terms.get(term);
    if (!senses) continue;
    const latest = latestPerPlace(senses);
    const verdict = latest.length < 2 ? 'one place' : anyDisagree(latest) ? 'some pair disagrees' : 'all agree';
    const general = agreedSense(asPack(latest)) ? 'a meaning in general use' : 'no meaning in general use';
    console.log(`  ${term}: ${latest.length} places, ${verdict}, ${general}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runSensesEval();
