// Options page, 词库: what a glossary is, every pack with its origin, version or date, documents,
// places and entries (enable, update, remove), and importing a glossary file.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FileDrop } from '../file-drop';
import { importGlossaryText, type ImportOutcome } from '../import-file';
import { BUILD_DATE, describePack } from '../pack-origin';
import { askBackground } from '../respond';
import { removePack, updatePackRecord, type PackRecord } from '../store';
import type { ExtensionStrings } from '../strings';

const GLOSSARY_FILES = ['.yaml', '.yml', '.json'] as const;

/** The running extension's version (the manifest's, where the browser API answers) and build date. */
const BUILD = { version: manifestVersion(), buildDate: BUILD_DATE };

function manifestVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    // Only the unit tests' fake browser has no manifest.
    return '';
  }
}

/** Props of {@link PacksSection}. */
export interface PacksSectionProps {
  t: ExtensionStrings;
  packs: PackRecord[];
  onChange: () => Promise<void>;
}

/** The 词库 section. */
export function PacksSection({ t, packs, onChange }: PacksSectionProps) {
  const [result, setResult] = useState<{ name: string; outcome: ImportOutcome }>();
  const onFile = async (file: File): Promise<void> => {
    setResult({ name: file.name, outcome: await importGlossaryText(file.name, await file.text()) });
    await onChange();
  };
  return (
    <section id="packs" aria-labelledby="packs-h">
      <h2 id="packs-h">{t.packs}</h2>
      <p class="pg-hint">{t.packsHint}</p>
      <ul class="pg-plain pg-cards" data-list="packs">
        {packs.map((pack) => (
          <PackRow key={pack.id} pack={pack} t={t} onChange={onChange} />
        ))}
      </ul>
      <FileDrop t={t} label={t.importFile} accept={GLOSSARY_FILES} action="import-pack" onFile={(file) => void onFile(file)} />
      {result && <ImportMessage t={t} {...result} />}
    </section>
  );
}

function PackRow({ pack, t, onChange }: { pack: PackRecord; t: ExtensionStrings; onChange: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const { origin, details } = describePack(pack, t, BUILD);
  const update = async (): Promise<void> => {
    setBusy(true);
    await askBackground({ type: 'pg:update-subscriptions' }).catch(() => undefined);
    setBusy(false);
    await onChange();
  };
  const nameId = `pack-${pack.id}`;
  return (
    <li data-pack-id={pack.id}>
      <span>
        <label class="pg-inline">
          <input type="checkbox" checked={pack.enabled} aria-labelledby={nameId} onChange={(e) => void updatePackRecord(pack.id, { enabled: e.currentTarget.checked }).then(onChange)} />
          <b id={nameId}>{pack.kind === 'bundled' ? t.bundledName : pack.name}</b>
        </label>
        <span class="pg-ctx" data-field="origin">
          {origin}
        </span>
        <span class="pg-ctx" data-field="details">
          {details.join(' · ')}
          {pack.checkedAt !== undefined && ` · ${t.checkedAt(new Date(pack.checkedAt).toLocaleString())}`}
        </span>
        {pack.error && <span class="pg-ctx pg-error">{t.updateFailed(pack.error)}</span>}
      </span>
      <span class="pg-row">
        {pack.kind === 'url' && (
          <button type="button" disabled={busy} onClick={() => void update()}>
            {t.updateNow}
          </button>
        )}
        {pack.kind !== 'bundled' && (
          <button type="button" onClick={() => void removePack(pack.id).then(onChange)}>
            {t.remove}
          </button>
        )}
      </span>
    </li>
  );
}

/** The outcome of importing a glossary file: its entry count, or its problems with file and line. */
export function ImportMessage({ t, name, outcome }: { t: ExtensionStrings; name: string; outcome: ImportOutcome }) {
  if (outcome.ok) return <p class="pg-status" role="status">{t.importDone(name, outcome.entries)}</p>;
  return (
    <div role="alert">
      <p class="pg-status pg-error">{t.importFailed(name)}</p>
      <ul class="pg-problems">
        {outcome.problems.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
