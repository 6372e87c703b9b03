// The fuzzy chunk (policy-glossary-fuzzy.mjs): fuse.js near-miss resolution, loaded only when a
// page contains numbered slogans the glossary lacks word for word.
export { createFuzzyResolver } from '../core/fuzzy';
