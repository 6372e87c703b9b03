// Options page, 释义来源: each province, central, editorial and the user's own definitions, with
// counts and a switch each.
import { useEffect, useState } from 'preact/hooks';
import { divisionName } from '../place-lookup';
import { updateSettings } from '../settings';
import { GROUP_CENTRAL, GROUP_EDITORIAL, GROUP_OTHER, GROUP_USER, type SourceGroupCount } from '../source-groups';
import { rebuildMergedPack } from '../store';
import type { ExtensionStrings } from '../strings';

/** The sources of definitions with counts and a switch each. */
export function SourceGroupsSection({ t, groups, off }: { t: ExtensionStrings; groups: SourceGroupCount[]; off: string[] }) {
  const [names, setNames] = useState<Record<string, string>>({});
  const provinces = groups.map((g) => g.id).filter((id) => /^\d{6}$/.test(id));
  useEffect(() => {
    void Promise.all(provinces.map(async (code) => [code, await divisionName(code).catch(() => undefined)] as const)).then((found) =>
      setNames(Object.fromEntries(found.filter((pair): pair is readonly [string, string] => pair[1] !== undefined))),
    );
  }, [provinces.join()]);
  const label = (id: string): string =>
    id === GROUP_USER ? t.groupUser : id === GROUP_CENTRAL ? t.groupCentral : id === GROUP_EDITORIAL ? t.groupEditorial : id === GROUP_OTHER ? t.groupOther : (names[id] ?? t.groupProvince(id));
  const toggle = async (id: string, on: boolean) => {
    await updateSettings((s) => ({ disabledGroups: on ? s.disabledGroups.filter((g) => g !== id) : [...s.disabledGroups.filter((g) => g !== id), id] }));
    await rebuildMergedPack();
  };
  return (
    <section id="sources" aria-labelledby="sources-h">
      <h2 id="sources-h">{t.sourceGroups}</h2>
      <p class="pg-hint">{t.sourceGroupsHint}</p>
      <ul class="pg-plain pg-columns" data-list="source-groups">
        {groups.map((group) => (
          <li key={group.id} data-group={group.id}>
            <label class="pg-inline">
              <input type="checkbox" checked={!off.includes(group.id)} onChange={(e) => void toggle(group.id, e.currentTarget.checked)} />
              <b>{label(group.id)}</b>
            </label>
            <span class="pg-count">{t.packEntries(group.entries)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
