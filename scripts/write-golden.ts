// `npm run test:write`: regenerates the golden files the tests compare against. Review the diff: a golden
// file is written by the code under test, so it records what the code does, not what is right.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedParagraphs } from '../demo/seed-page';
import { loadGlossaryPack } from '../src/cli/glossary-files';
import { createMatcher } from '../src/core/matcher';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The seed report's own glossary: the national collection's longer terms (六稳六保) would change the scan.
const pack = await loadGlossaryPack(['glossary/chuansha-2020h1.yaml', 'glossary/editorial.yaml'], root);
const matches = createMatcher(pack).scan(seedParagraphs().join('\n'));
const target = join(root, 'tests/core/golden/seed-scan.json');
mkdirSync(dirname(target), { recursive: true });
const golden = {
  about:
    'createMatcher(seed + editorial glossary).scan(seedParagraphs().join("\\n")); written by npm run test:write. ' +
    'Produced by the code under test, so it only detects change: review its diff. The independent truth is the ' +
    'footnote-mark checks in tests/core/matcher-seed.test.ts (every body occurrence of the 19 footnoted terms, ' +
    "located from the report's own [footnoteRef:N] marks, and negative rows), which do not read this file.",
  glossaryHash: pack.hash,
  matches,
};
writeFileSync(target, JSON.stringify(golden, null, 1) + '\n');
console.log(`wrote ${target}: ${matches.length} matches`);
