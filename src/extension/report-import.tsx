// Options page: import a report (.docx / .txt / .md / .html) with the same importer as
// `policy-glossary import`, preview the extracted entries in a table, fix terms or definitions,
// and save them as a glossary pack of the user's (validated like any imported file).
import { useState } from 'preact/hooks';
import { stringify } from 'yaml';
import type { GlossaryEntry, GlossaryFile, SourceDocument } from '../core/types';
import { importReport, IMPORT_EXTENSIONS } from '../import/import-report';
import type { ImportProblem } from '../import/types';
import { importGlossaryText, type ImportOutcome } from './import-file';
import type { ExtensionStrings } from './strings';

/** A report read for preview: its source document, entries and the importer's problems. */
export interface ReportPreview {
  fileName: string;
  source: SourceDocument;
  entries: GlossaryEntry[];
  problems: ImportProblem[];
}

/** Runs the report importer on a file's bytes; ids avoid `reservedIds`. */
export function previewReport(fileName: string, bytes: Uint8Array, reservedIds: Iterable<string>): ReportPreview {
  const result = importReport(bytes, fileName, { reservedIds });
  const source: SourceDocument = { kind: 'footnotes', ...result.source, title: result.source.title ?? fileName };
  return { fileName, source, entries: result.entries, problems: result.problems };
}

/** Saves the previewed (possibly edited) entries as a glossary pack named after the report. */
export function saveReportPreview(preview: ReportPreview): Promise<ImportOutcome> {
  const file: GlossaryFile = { source: preview.source, entries: preview.entries };
  const name = preview.fileName.replace(/\.[^.]+$/, '.yaml');
  return importGlossaryText(name, stringify(file, { lineWidth: 0 }));
}

/** Props of {@link ReportImport}. */
export interface ReportImportProps {
  t: ExtensionStrings;
  reservedIds: readonly string[];
  onSaved: () => Promise<void>;
}

/** The report import section: file input, problems, editable preview table, save. */
export function ReportImport({ t, reservedIds, onSaved }: ReportImportProps) {
  const [preview, setPreview] = useState<ReportPreview>();
  const [outcome, setOutcome] = useState<ImportOutcome>();

  const read = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setOutcome(undefined);
    setPreview(previewReport(file.name, new Uint8Array(await file.arrayBuffer()), reservedIds));
  };

  const edit = (index: number, change: Partial<GlossaryEntry>): void => {
    if (!preview) return;
    setPreview({ ...preview, entries: preview.entries.map((entry, i) => (i === index ? { ...entry, ...change } : entry)) });
  };

  const save = async (): Promise<void> => {
    if (!preview) return;
    const result = await saveReportPreview(preview);
    setOutcome(result);
    if (result.ok) {
      setPreview(undefined);
      await onSaved();
    }
  };

  return (
    <div class="pg-result" data-section="report-import">
      <label>
        {t.importReport}
        <input type="file" accept={IMPORT_EXTENSIONS.join(',')} data-action="import-report" onChange={(e) => void read(e.currentTarget.files?.[0])} />
      </label>
      <p class="pg-status">{t.importReportHint}</p>
      {preview && (
        <>
          <p class="pg-status">
            <b>{preview.source.title}</b>
            {preview.source.date && ` · ${preview.source.date}`}
          </p>
          {preview.problems.length > 0 && (
            <ul class="pg-problems">
              {preview.problems.map((problem, i) => (
                <li key={i}>
                  {problem.line !== undefined && `${preview.fileName}:${problem.line}: `}
                  {problem.message}
                </li>
              ))}
            </ul>
          )}
          {preview.entries.length === 0 ? (
            <p class="pg-status">{t.noEntriesFound}</p>
          ) : (
            <>
              <table data-list="report-entries" style="table-layout:fixed">
                <colgroup>
                  <col style="width:2.5em" />
                  <col style="width:22%" />
                  <col style="width:48%" />
                  <col />
                </colgroup>
                <thead>
                  <tr>
                    <th>#</th>
                    <th>{t.fieldTerm}</th>
                    <th>{t.fieldDefinition}</th>
                    <th>{t.items}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.entries.map((entry, i) => (
                    <tr key={entry.id}>
                      <td>{entry.source?.footnote ?? entry.source?.appendix ?? i + 1}</td>
                      <td>
                        <input type="text" value={entry.term} aria-label={t.fieldTerm} onInput={(e) => edit(i, { term: e.currentTarget.value })} />
                      </td>
                      <td>
                        <textarea rows={4} value={entry.definition ?? ''} aria-label={t.fieldDefinition} onInput={(e) => edit(i, { definition: e.currentTarget.value })} />
                      </td>
                      <td>{entry.items?.join('、')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" class="pg-primary" style="margin-top:6px" onClick={() => void save()}>
                {t.saveAll(preview.entries.length)}
              </button>
            </>
          )}
        </>
      )}
      {outcome && !outcome.ok && (
        <ul class="pg-problems" role="alert">
          {outcome.problems.map((problem, i) => (
            <li key={i}>{problem}</li>
          ))}
        </ul>
      )}
      {outcome?.ok && <p class="pg-status" role="status">{t.importDone(preview?.fileName ?? '', outcome.entries)}</p>}
    </div>
  );
}
