// The fuzzy chunk (policy-glossary-fuzzy.mjs): near-miss resolution (core/fuzzy.ts), loaded only when a
// page contains numbered slogans the glossary lacks word for word.
export { createFuzzyResolver } from '../core/fuzzy';
