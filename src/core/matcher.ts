// The matcher every reader of the glossary uses: the base matcher (glossary terms and numbered
// slogans) with fuse.js-based resolution of near misses of glossary terms switched on by default.
import { createFuzzyResolver } from './fuzzy';
import { createBaseMatcher } from './matcher-base';
import type { Matcher, MatcherGlossary } from './matcher-base';

export { createBaseMatcher } from './matcher-base';
export type { BaseMatcherOptions, FuzzyResolverFactory, Matcher, MatcherGlossary } from './matcher-base';

/** What the matcher looks for besides glossary terms. */
export interface MatcherOptions {
  /** Report numbered slogans the glossary does not have (`unknown-slogan`). Default true. */
  slogans?: boolean;
  /** Report slogans that are near misses of glossary terms (`fuzzy`), even with `slogans` off. Default true. */
  fuzzy?: boolean;
}

/**
 * Builds a matcher for `glossary` (done once; `scan` is cheap per call). A surface form claimed
 * by two entries goes to the first.
 */
export function createMatcher(glossary: MatcherGlossary, options: MatcherOptions = {}): Matcher {
  return createBaseMatcher(glossary, { slogans: options.slogans, fuzzy: options.fuzzy === false ? undefined : createFuzzyResolver });
}
