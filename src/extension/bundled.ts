// Installs the glossary compiled into the extension (glossary.json) as the bundled pack, keeping
// the user's enable/disable choice across updates.
import { parsePack } from '../core/pack';
import { getMergedPack } from './merged-pack';
import { BUNDLED_PACK_ID, compileMergedPack, getPack, listPacks, rebuildMergedPack, savePack } from './store';

/** File name of the compiled glossary in the extension package. */
export const BUNDLED_GLOSSARY_FILE = 'glossary.json';

/**
 * Loads the shipped glossary and stores it when its hash differs from the stored copy, and makes
 * sure a merged pack exists. Runs on every background start (MV3 service workers start often),
 * so an unchanged glossary writes nothing and open pages are not re-annotated. Returns the
 * bundled pack's entry count.
 */
export async function installBundledPack(readText: () => Promise<string>): Promise<number> {
  const pack = parsePack(await readText());
  const previous = (await listPacks()).find((r) => r.id === BUNDLED_PACK_ID);
  const stored = await getPack(BUNDLED_PACK_ID);
  if (previous && stored?.hash === pack.hash) {
    if (!(await getMergedPack())) await rebuildMergedPack();
    // An extension updated from a version that had no compiled matcher compiles it once.
    else await compileMergedPack();
    return pack.entries.length;
  }
  await savePack({ id: BUNDLED_PACK_ID, kind: 'bundled', name: 'glossary.json', enabled: previous?.enabled ?? true }, pack);
  return pack.entries.length;
}
