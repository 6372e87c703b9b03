// `npm run eval`: the matcher's evaluations on the corpus (numbered slogans, then all unknown terms
// with and without coinages), then the importer's when it exists.
import { existsSync } from 'node:fs';
import { runCoinageEval } from './eval-coinages';
import { runMatcherEval } from './eval-matcher';

await runMatcherEval();
console.log('');
await runCoinageEval();
const importEval = new URL('./eval-import.ts', import.meta.url);
if (existsSync(importEval)) {
  const { runImportEval } = (await import(importEval.href)) as { runImportEval: () => Promise<void> };
  console.log('');
  await runImportEval();
}
