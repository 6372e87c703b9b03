// Imports a glossary file chosen on the options page (YAML glossary file or built glossary.json):
// validated whole first, problems reported as `file:line:col: message`, nothing saved on error.
// Also exports the user's own entries as a YAML glossary file that imports back unchanged.
import { stringify } from 'yaml';
import { formatProblem, validateGlossarySources } from '../core/glossary-validate';
import { parsePack } from '../core/pack';
import type { GlossaryEntry, GlossaryFile, GlossaryPack, PackEntry } from '../core/types';
import { USER_DOCUMENT } from './merge';
import { getUserEntries, getUserEntryKeys, savePack, setUserEntries } from './store';
import { searchKeysFor } from './user-keys';

/** Result of an import, for the options page. */
export type ImportOutcome = { ok: true; entries: number } | { ok: false; problems: string[] };

/** A glossary read from a file: either a YAML glossary file or a compiled pack. */
export type ReadGlossary = { ok: true; pack: GlossaryPack; entries: GlossaryEntry[] } | { ok: false; problems: string[] };

const looksLikeJson = (name: string, text: string): boolean => /\.json$/i.test(name) || /^\s*\{/.test(text);

/** Strips the build-time fields from a pack entry, giving back the glossary file's entry. */
export function fileEntry(entry: PackEntry): GlossaryEntry {
  const { doc: _doc, forms: _forms, keys: _keys, ...rest } = entry;
  return rest;
}

/**
 * Parses and validates a glossary file's text with the same checks as `policy-glossary validate`;
 * never throws. YAML is compiled like the build does (pinyin keys, variants); that compiler is
 * loaded on demand because its conversion tables are large.
 */
export async function readGlossaryText(name: string, text: string): Promise<ReadGlossary> {
  if (looksLikeJson(name, text)) {
    try {
      const pack = parsePack(text);
      return { ok: true, pack, entries: pack.entries.map(fileEntry) };
    } catch (error) {
      return { ok: false, problems: [`${name}: ${error instanceof Error ? error.message : String(error)}`] };
    }
  }
  const check = validateGlossarySources([{ path: name, text }]);
  const parsed = check.files[0];
  if (check.errorCount > 0 || !parsed?.file) {
    return { ok: false, problems: check.problems.filter((p) => p.severity === 'error').map(formatProblem) };
  }
  const { compileGlossaryPack } = await import('../core/glossary-compile');
  return { ok: true, pack: compileGlossaryPack([{ path: name, file: parsed.file }]), entries: parsed.file.entries };
}

/** A storage failure (full, interrupted) as an import problem: the earlier data stays as it was. */
const notSaved = (name: string, error: unknown): ImportOutcome => ({
  ok: false,
  problems: [`${name}: 未能保存，原有词库保持不变 / could not be saved, nothing changed: ${error instanceof Error ? error.message : String(error)}`],
});

/** Validates a file and stores it as an imported pack (replacing an earlier import of the same name). */
export async function importGlossaryText(name: string, text: string): Promise<ImportOutcome> {
  const read = await readGlossaryText(name, text);
  if (!read.ok) return read;
  try {
    await savePack({ id: `file:${name}`, kind: 'file', name, enabled: true }, read.pack);
  } catch (error) {
    return notSaved(name, error);
  }
  return { ok: true, entries: read.pack.entries.length };
}

/** Validates a file and adds its entries to the user's own (same id → replaced). */
export async function importIntoUserEntries(name: string, text: string): Promise<ImportOutcome> {
  const read = await readGlossaryText(name, text);
  if (!read.ok) return read;
  const incoming = new Map(read.entries.map((entry) => [entry.id, entry]));
  const current = await getUserEntries();
  const kept = current.filter((entry) => !incoming.has(entry.id));
  try {
    await setUserEntries([...kept, ...incoming.values()], await searchKeysFor([...incoming.values()], await getUserEntryKeys()));
  } catch (error) {
    return notSaved(name, error);
  }
  return { ok: true, entries: incoming.size };
}

/** The user's entries as a YAML glossary file (imports back to the same entries). */
export function exportUserEntriesYaml(entries: readonly GlossaryEntry[]): string {
  const file: GlossaryFile = { source: { ...USER_DOCUMENT }, entries: [...entries] };
  return `# yaml-language-server: $schema=https://policy-glossary.org/schema.json\n${stringify(file, { lineWidth: 0 })}`;
}
