// Entry of the npm package's `policy-glossary/core`: the matcher and the pack reader, pure
// TypeScript with no DOM, bundled to dist/lib/core.mjs by scripts/build-package.ts.
export { createBaseMatcher, createMatcher } from '../core/matcher';
export type { BaseMatcherOptions, Matcher, MatcherGlossary, MatcherOptions } from '../core/matcher';
export { mergePacks, parsePack, serializePack } from '../core/pack';
export * from '../core/types';
