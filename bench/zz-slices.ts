import { readFileSync } from 'node:fs';
import { decodeCleanUtf8, decodeStored, cliMatcherOfDecoded } from '../src/cli/scan-parts';
import { loadMatcherSource } from '../src/cli/glossary-files';
const text = decodeCleanUtf8(readFileSync(process.argv[2]!))!;
const source = await loadMatcherSource([], process.cwd(), false);
const m = cliMatcherOfDecoded(decodeStored(source.compiled!));
const N = Number(process.argv[3] ?? 15);
const size = Math.ceil(text.length / N);
const times: string[] = [];
for (let i = 0; i < N; i++) { const s = performance.now(); m.scan(text.slice(i * size, (i + 1) * size)); times.push((performance.now() - s).toFixed(0)); }
console.log(times.join(' '));
const s = performance.now(); m.scan(text); console.log('whole after', (performance.now() - s).toFixed(0));
