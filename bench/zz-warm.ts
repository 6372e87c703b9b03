import { readFileSync } from 'node:fs';
import { decodeCleanUtf8, decodeStored, cliMatcherOfDecoded } from '../src/cli/scan-parts';
import { loadMatcherSource } from '../src/cli/glossary-files';
import { readForPage } from '../src/core/match-context';
import { tally } from '../src/cli/scan-summary';
const t0 = performance.now();
const lap = (() => { let last = t0; return (name: string) => { const now = performance.now(); process.stdout.write(`${name} ${(now - last).toFixed(0)}  `); last = now; }; })();
const bytes = readFileSync(process.argv[2]!);
const source = await loadMatcherSource([], process.cwd(), false);
const m = cliMatcherOfDecoded(decodeStored(source.compiled!));
lap('setup');
const W = Number(process.argv[3] ?? 0);
if (W > 0) {
  let end = W; while ((bytes[end]! & 0xc0) === 0x80) end++;
  const prefix = bytes.toString('utf8', 0, end);
  tally(prefix, readForPage(prefix, (p) => m.scan(p)));
  lap('warm');
}
const text = decodeCleanUtf8(bytes)!;
lap('decode');
const t = tally(text, readForPage(text, (p) => m.scan(p)));
lap('read');
console.log('total', (performance.now() - t0).toFixed(0), t.terms.size);
