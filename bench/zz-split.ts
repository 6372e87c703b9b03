import { readFileSync } from 'node:fs';
import { decodeCleanUtf8, decodeStored, cliMatcherOfDecoded } from '../src/cli/scan-parts';
import { loadMatcherSource } from '../src/cli/glossary-files';
import { scanSlogans } from '../src/core/slogans';
import { readInContext } from '../src/core/match-context';
const text = decodeCleanUtf8(readFileSync(process.argv[2]!))!;
const source = await loadMatcherSource([], process.cwd(), false);
const m = cliMatcherOfDecoded(decodeStored(source.compiled!));
const order = process.argv[3] ?? 'sm';
const time = (name: string, f: () => unknown) => { const s = performance.now(); const r = f(); process.stdout.write(`${name} ${(performance.now() - s).toFixed(0)}  `); return r; };
for (let round = 0; round < 3; round++) {
  const copy = (text + ' ').slice(0, -1); // a new string each round, defeating any memo by identity
  for (const c of order) {
    if (c === 's') time('slogans', () => scanSlogans(copy));
    if (c === 'm') { const r = time('scan', () => m.scan(copy)) as any; time('ctx', () => readInContext(copy, r)); }
  }
  console.log();
}
