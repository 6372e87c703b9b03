// `npm run eval`: the matcher's evaluation on the corpus, then the importer's when it exists, then
// the collection's held-out check (next year's reports against the collection of earlier years).
import { existsSync } from 'node:fs';
import { runMatcherEval } from './eval-matcher';
import { runCollectionEval } from './eval-collection';

await runMatcherEval();
const importEval = new URL('./eval-import.ts', import.meta.url);
if (existsSync(importEval)) {
  const { runImportEval } = (await import(importEval.href)) as { runImportEval: () => Promise<void> };
  console.log('');
  await runImportEval();
}
console.log('');
await runCollectionEval();
