// The reading chunk (policy-glossary-reading.mjs): the matcher and the page reading (core/matcher-base.ts,
// core/match-context.ts with the slogan and coinage detectors), loaded at init beside the glossary
// fetch that the first highlight waits for anyway, so the initial script stays small.
export { createBaseMatcher } from '../core/matcher-base';
export { readForPage } from '../core/match-context';
