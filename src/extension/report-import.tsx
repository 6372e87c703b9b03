// Options page: import a report (.docx / .pdf / .txt / .md / .html) with the same importer as
// `policy-glossary import`, review the extracted entries (skip a row; edit term, items one per
// line, definition and a note; see each one's footnote or appendix number and whether the glossary
// already has the term), and save them as a glossary pack of the user's, validated like any
// imported file. A failed save keeps the preview and every edit.
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { stringify } from 'yaml';
import type { GlossaryEntry, GlossaryFile, SourceDocument } from '../core/types';
import { isPdfFile, REPORT_EXTENSIONS } from '../import/file-kinds';
import { readingName } from '../import/file-sniff';
import { importReport } from '../import/import-report';
import type { ImportProblem, ImportResult } from '../import/types';
import { FileDrop } from './file-drop';
import { knownTerms, type KnownTerm } from './glossary-access';
import { importGlossaryText, type ImportOutcome } from './import-file';
import type { ExtensionStrings } from './strings';

/** A report read for preview: its source document, entries and the importer's problems. */
export interface ReportPreview {
  fileName: string;
  source: SourceDocument;
  entries: GlossaryEntry[];
  problems: ImportProblem[];
}

/** A PDF imported with the extension's own pdf.js (the viewer's, its character maps among the extension's files). */
async function importPdfReport(fileName: string, bytes: Uint8Array, reservedIds: Iterable<string>): Promise<ImportResult> {
  const [{ openPdf }, { importPdf }] = await Promise.all([import('../pdf/pdfjs'), import('../import/pdf-import')]);
  return (await importPdf(await openPdf(bytes, `${browser.runtime.getURL('/')}pdfjs/`), fileName, { reservedIds })).result;
}

/** Runs the report importer on a file's bytes (a PDF read first); ids avoid `reservedIds`. */
export async function previewReport(fileName: string, bytes: Uint8Array, reservedIds: Iterable<string>): Promise<ReportPreview> {
  const result = isPdfFile(readingName(bytes, fileName)) ? await importPdfReport(fileName, bytes, reservedIds) : importReport(bytes, fileName, { reservedIds });
  const source: SourceDocument = { kind: 'footnotes', ...result.source, title: result.source.title ?? fileName };
  return { fileName, source, entries: result.entries, problems: result.problems };
}

/** Saves the previewed (possibly edited) entries as a glossary pack named after the report. */
export function saveReportPreview(preview: ReportPreview): Promise<ImportOutcome> {
  const file: GlossaryFile = { source: preview.source, entries: preview.entries };
  const name = preview.fileName.replace(/\.[^.]+$/, '.yaml');
  return importGlossaryText(name, stringify(file, { lineWidth: 0 }));
}

/** One row of the preview as the user edits it: the entry, whether it is skipped, its items as typed. */
export interface PreviewRow {
  entry: GlossaryEntry;
  skip: boolean;
  /** One item per line (an item may itself contain 、, so lines, not 、, separate them). */
  itemsText: string;
}

/** The rows of a fresh preview. */
export function rowsOf(entries: readonly GlossaryEntry[]): PreviewRow[] {
  return entries.map((entry) => ({ entry, skip: false, itemsText: (entry.items ?? []).join('\n') }));
}

/**
 * The entries to save: skipped rows left out, items split at line ends (blank lines dropped), an
 * empty note removed. Fields the preview does not show (id, source, aliases…) are kept.
 */
export function rowsToEntries(rows: readonly PreviewRow[]): GlossaryEntry[] {
  return rows.flatMap(({ entry, skip, itemsText }) => {
    if (skip) return [];
    const items = itemsText
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const note = entry.note?.trim();
    const { items: _items, note: _note, ...rest } = entry;
    return [{ ...rest, ...(items.length > 0 ? { items } : {}), ...(note ? { note } : {}) }];
  });
}

/** Props of {@link ReportImport}. */
export interface ReportImportProps {
  t: ExtensionStrings;
  reservedIds: readonly string[];
  onSaved: () => Promise<void>;
}

/** The report import section: file drop, problems, editable preview table, save. */
export function ReportImport({ t, reservedIds, onSaved }: ReportImportProps) {
  const [preview, setPreview] = useState<ReportPreview>();
  const [rows, setRows] = useState<PreviewRow[]>([]);
  const [known, setKnown] = useState<Map<string, KnownTerm>>(new Map());
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const [savedName, setSavedName] = useState<string>();
  // Which file's preview is shown: a read or a save that ends after another file was chosen leaves
  // that file's preview alone (a save of the last report still in flight when the next is read).
  const shown = useRef(0);

  const read = async (file: File): Promise<void> => {
    const mine = (shown.current += 1);
    setOutcome(undefined);
    const next = await previewReport(file.name, new Uint8Array(await file.arrayBuffer()), reservedIds).catch(
      // Whatever goes wrong reading the file is shown where its preview would be.
      (error: unknown): ReportPreview => ({ fileName: file.name, source: { kind: 'footnotes', title: file.name }, entries: [], problems: [{ severity: 'error', message: error instanceof Error ? error.message : String(error) }] }),
    );
    if (mine !== shown.current) return;
    setPreview(next);
    setRows(rowsOf(next.entries));
    const knownNow = await knownTerms(next.entries.map((e) => e.term)).catch(() => new Map<string, KnownTerm>());
    if (mine === shown.current) setKnown(knownNow);
  };

  const edit = (index: number, change: Partial<PreviewRow> | Partial<GlossaryEntry>, field: 'row' | 'entry' = 'entry'): void => {
    setRows((current) => current.map((row, i) => (i !== index ? row : field === 'row' ? { ...row, ...change } : { ...row, entry: { ...row.entry, ...change } })));
  };

  const save = async (): Promise<void> => {
    if (!preview) return;
    const mine = shown.current;
    const result = await saveReportPreview({ ...preview, entries: rowsToEntries(rows) }).catch(
      (error: unknown): ImportOutcome => ({ ok: false, problems: [error instanceof Error ? error.message : String(error)] }),
    );
    if (mine !== shown.current) {
      // Another report is previewed by now: it stays; a failure of this save is not its failure.
      if (result.ok) await onSaved();
      return;
    }
    setOutcome(result);
    if (result.ok) {
      setSavedName(preview.fileName);
      setPreview(undefined);
      setRows([]);
      await onSaved();
    }
  };

  const kept = rows.filter((row) => !row.skip).length;
  return (
    <div data-section="report-import">
      <p class="pg-hint">{t.importReportHint}</p>
      <FileDrop t={t} label={t.importReport} accept={REPORT_EXTENSIONS} action="import-report" onFile={(file) => void read(file)} />
      {preview && (
        <div class="pg-result">
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
          {rows.length === 0 ? (
            <p class="pg-status">{t.noEntriesFound}</p>
          ) : (
            <>
              <ol class="pg-preview" data-list="report-entries">
                {rows.map((row, i) => (
                  <PreviewRowView key={row.entry.id} t={t} row={row} known={known.get(row.entry.term.trim())} onEdit={(change, field) => edit(i, change, field)} />
                ))}
              </ol>
              {outcome && !outcome.ok && (
                <div role="alert">
                  <p class="pg-status pg-error">{t.reportSaveFailed}</p>
                  <ul class="pg-problems">
                    {outcome.problems.map((problem, i) => (
                      <li key={i}>{problem}</li>
                    ))}
                  </ul>
                </div>
              )}
              <div class="pg-row pg-gap">
                <button type="button" class="pg-primary" data-action="save-report" disabled={kept === 0} onClick={() => void save()}>
                  {t.saveAll(kept)}
                </button>
                <span class="pg-count">{t.reportKeep(kept, rows.length)}</span>
              </div>
            </>
          )}
        </div>
      )}
      {outcome?.ok && (
        <p class="pg-status" role="status">
          {t.importDone(savedName ?? '', outcome.entries)}
        </p>
      )}
    </div>
  );
}

/** One previewed entry: its mark in the report, fields to edit, the glossary's copy if any, skip. */
function PreviewRowView({ t, row, known, onEdit }: { t: ExtensionStrings; row: PreviewRow; known: KnownTerm | undefined; onEdit: (change: Partial<PreviewRow> | Partial<GlossaryEntry>, field?: 'row' | 'entry') => void }) {
  const { entry, skip } = row;
  const id = `r-${entry.id}`;
  const mark = entry.source?.footnote !== undefined ? t.footnoteMark(entry.source.footnote) : entry.source?.appendix !== undefined ? t.appendixMark(entry.source.appendix) : undefined;
  return (
    <li class={skip ? 'pg-entry pg-skipped' : 'pg-entry'} data-entry-id={entry.id} data-skipped={skip ? '' : undefined}>
      <div class="pg-entry-head">
        {mark && (
          <span class="pg-mark" data-field="mark">
            {mark}
          </span>
        )}
        <input type="text" id={`${id}-term`} value={entry.term} aria-label={t.fieldTerm} disabled={skip} onInput={(e) => onEdit({ term: e.currentTarget.value })} />
        <button type="button" data-action="skip" aria-pressed={skip} onClick={() => onEdit({ skip: !skip }, 'row')}>
          {skip ? t.reportRestore : t.reportSkip}
        </button>
      </div>
      {known && (
        <p class="pg-ctx pg-known" data-field="known">
          {t.reportKnown(known.source)}
        </p>
      )}
      {skip ? (
        <p class="pg-ctx">{t.reportSkipped}</p>
      ) : (
        <div class="pg-entry-fields">
          <label>
            {t.fieldDefinition}
            <textarea rows={3} name="definition" value={entry.definition ?? ''} onInput={(e) => onEdit({ definition: e.currentTarget.value })} />
          </label>
          <label>
            {t.fieldItems}
            <textarea rows={3} name="items" value={row.itemsText} onInput={(e) => onEdit({ itemsText: e.currentTarget.value }, 'row')} />
          </label>
          <label class="pg-wide">
            {t.reportNote}
            <input type="text" name="note" value={entry.note ?? ''} onInput={(e) => onEdit({ note: e.currentTarget.value })} />
          </label>
        </div>
      )}
    </li>
  );
}
