// The definitions chunk (policy-glossary-definitions.mjs): the whole pack's check (parsePack), loaded
// when a tooltip or the <policy-glossary> panel first needs definitions (glossary-source.ts), so a
// page that only shows highlights never downloads it.
export { parsePack } from '../core/pack';
