// `npm run eval`: the matcher's evaluations on the corpus (numbered slogans, then all unknown terms
// with and without coinages), the importer's, the places' disagreement figures, then the
// collection's held-out check (next year's reports against the collection of earlier years).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The corpus sits beside the repository (../shared/corpus), never inside it: without it there is
// nothing to evaluate, which is not a failure (a clone on its own, CI's standalone copy).
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
if (!existsSync(corpus)) {
  console.log(`评估跳过：找不到语料 ${corpus} / evaluation skipped: no corpus at ${corpus} (it is read from ../shared/corpus beside the repository)`);
  process.exit(0);
}
console.log(`评估语料 corpus: ${corpus}`);
const { runMatcherEval } = await import('./eval-matcher');
await runMatcherEval();
console.log('');
const { runCoinageEval } = await import('./eval-coinages');
await runCoinageEval();
const importEval = new URL('./eval-import.ts', import.meta.url);
if (existsSync(importEval)) {
  const { runImportEval } = (await import(importEval.href)) as { runImportEval: () => Promise<void> };
  console.log('');
  await runImportEval();
}
console.log('');
const { runSensesEval } = await import('./eval-senses');
await runSensesEval();
console.log('');
const { runCollectionEval } = await import('./eval-collection');
await runCollectionEval();
