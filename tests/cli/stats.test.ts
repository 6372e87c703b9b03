// `policy-glossary stats`: entries, distinct terms, places, years, and the terms the places that
// define them disagree on — on small glossaries written here.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from './run-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TWO_PLACES = path.join(ROOT, 'tests/fixtures/glossary/one-term-two-places');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pg-stats-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A one-document glossary of `place` (code, name) and `year` with `entries` [id, term, definition]. */
function glossary(code: string, name: string, year: number, entries: [string, string, string][]): string {
  return [
    'source:',
    `  title: ${name}${year}年政府工作报告`,
    '  kind: 名词解释',
    `  year: ${year}`,
    `  region: { code: "${code}", name: ${name}, level: city }`,
    'entries:',
    ...entries.flatMap(([id, term, definition]) => [`  - id: ${id}`, `    term: ${term}`, `    definition: ${definition}`, '    status: official']),
    '',
  ].join('\n');
}

interface Stats {
  entries: number;
  terms: number;
  places: number;
  years: number[];
  multiPlaceTerms: number;
  disagreeing: { term: string; places: string[] }[];
}

const stats = async (...paths: string[]): Promise<Stats> => {
  const run = await runCliCaptured(dir, ['stats', '--json', ...paths]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Stats;
};

describe('policy-glossary stats', () => {
  it('counts one term defined differently by two places as one term whose places disagree', async () => {
    expect(await stats(TWO_PLACES)).toEqual({
      entries: 2,
      terms: 1,
      places: 2,
      years: [2021, 2022],
      multiPlaceTerms: 1,
      disagreeing: [{ term: '三清', places: ['株洲市 2022', '永州市 2021'] }],
    });
  });

  it('negative: places that define a term alike do not disagree; different terms stay apart', async () => {
    await writeFile(path.join(dir, 'a.yaml'), glossary('431100', '永州市', 2021, [['a-1', '“四个不出村”', '办事、看病、购物、培训不出村。'], ['a-2', '一网通办', '政务服务一网办好。']]));
    await writeFile(path.join(dir, 'b.yaml'), glossary('430200', '株洲市', 2022, [['b-1', '四个不出村', '办事不出村、看病不出村、购物不出村、培训不出村。']]));
    expect(await stats('a.yaml', 'b.yaml')).toEqual({ entries: 3, terms: 2, places: 2, years: [2021, 2022], multiPlaceTerms: 1, disagreeing: [] });
  });

  it('prints the figures for people, and --list names the disagreeing terms', async () => {
    const run = await runCliCaptured(dir, ['stats', '--list', TWO_PLACES]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('词条 entries: 2\n不同术语 distinct terms: 1\n地方 places: 2\n年份 years: 2（2021–2022）\n');
    expect(run.stdout).toContain('各地释义不一致 terms whose places disagree: 1\n  三清: 株洲市 2022、永州市 2021\n');
  });
});
