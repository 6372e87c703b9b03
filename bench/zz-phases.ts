import { readFileSync } from 'node:fs';
import { decodeCleanUtf8, decodeStored, cliMatcherOfDecoded } from '../src/cli/scan-parts';
import { loadMatcherSource } from '../src/cli/glossary-files';
import { readInContext } from '../src/core/match-context';
import { tally } from '../src/cli/scan-summary';
const t0 = performance.now();
const lap = (() => { let last = t0; return (name: string) => { const now = performance.now(); console.log(name.padEnd(20), (now - last).toFixed(1)); last = now; }; })();
const bytes = readFileSync(process.argv[2]!);
lap('read');
const text = decodeCleanUtf8(bytes)!;
lap('decode');
const source = await loadMatcherSource([], process.cwd(), false);
const m = cliMatcherOfDecoded(decodeStored(source.compiled!));
lap('matcher');
const raw = m.scan(text);
lap('scan');
const read = readInContext(text, raw);
lap('readInContext');
const t = tally(text, read);
lap('tally');
console.log('raw', raw.length, 'read', read.length, Object.fromEntries(['term','fuzzy','unknown-slogan'].map(k=>[k, raw.filter(x=>x.kind===k).length])));
for (let i = 0; i < 3; i++) { m.scan(text); lap('scan again'); }
const { scanSlogans } = await import('../src/core/slogans');
for (let i = 0; i < 2; i++) { scanSlogans(text); lap('scanSlogans'); }
