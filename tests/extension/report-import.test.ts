import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { previewReport, rowsOf, rowsToEntries, saveReportPreview } from '../../src/extension/report-import';
import { findKnown } from '../../src/extension/glossary-access';
import { listPacks } from '../../src/extension/store';
import { getMergedPack } from '../../src/extension/merged-pack';

beforeEach(() => {
  fakeBrowser.reset();
});

const REPORT = [
  '某镇2021年政府工作报告',
  '今年，我们扎实做好“六稳”[footnoteRef:1]工作，全面落实“六保”[footnoteRef:2]任务。',
  '[1: 、六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。]',
  '[2: 、六保：保居民就业、保基本民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。]',
].join('\n');

const bytes = (text: string) => new TextEncoder().encode(text);

describe('importing a report on the options page', () => {
  it('extracts the footnoted terms for preview, with ids clear of the reserved ones', async () => {
    const preview = await previewReport('report.txt', bytes(REPORT), ['liu-wen']);
    expect(preview.entries.map((e) => [e.term, e.items?.length, e.source?.footnote])).toEqual([
      ['六稳', 6, 1],
      ['六保', 6, 2],
    ]);
    expect(preview.entries[0]?.id).not.toBe('liu-wen');
    expect(preview.source.title).toBeTruthy();
  });

  it('saves the edited preview as a pack that pages use', async () => {
    const preview = await previewReport('report.txt', bytes(REPORT), []);
    preview.entries[1] = { ...preview.entries[1]!, definition: '改过的释义' };
    expect(await saveReportPreview(preview)).toEqual({ ok: true, entries: 2 });
    expect((await listPacks()).map((r) => r.name)).toEqual(['report.yaml']);
    expect((await getMergedPack())?.entries.map((e) => [e.term, e.definition])).toEqual([
      ['六稳', '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。'],
      ['六保', '改过的释义'],
    ]);
  });

  it('saves nothing when an edit breaks an entry', async () => {
    const preview = await previewReport('report.txt', bytes(REPORT), []);
    preview.entries[0] = { ...preview.entries[0]!, term: '' };
    const outcome = await saveReportPreview(preview);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatch(/^report\.yaml:\d+:\d+: /);
    expect(await listPacks()).toEqual([]);
  });

  it.each([
    ['a file type the importer does not read', 'report.odt', REPORT],
    ['a text without footnotes or appendix', 'plain.txt', '今天天气很好。'],
  ])('shows no entries for %s', async (_name, fileName, text) => {
    expect((await previewReport(fileName, bytes(text), [])).entries).toEqual([]);
  });
});

describe('editing the preview', () => {
  it('skipped rows are left out; items are split at line ends, not at 、; an empty note goes', async () => {
    const preview = await previewReport('report.txt', bytes(REPORT), []);
    const rows = rowsOf(preview.entries);
    expect(rows[0]?.itemsText.split('\n')).toEqual(preview.entries[0]?.items);
    // Six items, one of them holding a 、 of its own.
    rows[0] = { ...rows[0]!, itemsText: '稳就业\n稳金融、稳外贸\n\n 稳外资 \n稳投资\n稳预期\n稳产业链\n', entry: { ...rows[0]!.entry, note: '  ' } };
    rows[1] = { ...rows[1]!, skip: true };
    const entries = rowsToEntries(rows);
    expect(entries.map((e) => [e.term, e.items, e.note])).toEqual([['六稳', ['稳就业', '稳金融、稳外贸', '稳外资', '稳投资', '稳预期', '稳产业链'], undefined]]);
    // Fields the preview does not show are kept.
    expect(entries[0]?.source?.footnote).toBe(1);
    expect(await saveReportPreview({ ...preview, entries })).toEqual({ ok: true, entries: 1 });
    expect((await getMergedPack())?.entries.map((e) => e.term)).toEqual(['六稳']);
  });

  it('an edit that breaks the entry is refused with file, line and reason (the preview keeps it)', async () => {
    const rows = rowsOf((await previewReport('report.txt', bytes(REPORT), [])).entries);
    rows[0] = { ...rows[0]!, itemsText: '稳就业\n稳金融' };
    const outcome = await saveReportPreview({ ...(await previewReport('report.txt', bytes(REPORT), [])), entries: rowsToEntries(rows) });
    expect(outcome.ok ? [] : outcome.problems).toEqual([expect.stringMatching(/^report\.yaml:\d+:\d+: items 有 2 项/)]);
    expect(await listPacks()).toEqual([]);
  });

  it('a note typed into the preview is saved with the entry', async () => {
    const rows = rowsOf((await previewReport('report.txt', bytes(REPORT), [])).entries);
    rows[1] = { ...rows[1]!, entry: { ...rows[1]!.entry, note: '原文“大事项决策”应为“重大事项决策”' } };
    expect(rowsToEntries(rows)[1]?.note).toBe('原文“大事项决策”应为“重大事项决策”');
  });

  it('emptied items drop the field rather than saving an empty list', async () => {
    const rows = rowsOf((await previewReport('report.txt', bytes(REPORT), [])).entries).map((row) => ({ ...row, itemsText: '\n  \n' }));
    expect(rowsToEntries(rows).every((e) => e.items === undefined)).toBe(true);
  });
});

describe('terms the glossary already has', () => {
  const pack = {
    documents: [
      { title: '某市政府工作报告', kind: 'footnotes' as const, region: { code: '510100', name: '成都市', level: 'city' as const } },
      { title: '编者补充', kind: 'editorial' as const },
    ],
    entries: [
      { id: 'a', term: '六稳', forms: ['六稳'], doc: 0, status: 'official' as const, keys: [] },
      { id: 'b', term: '三重一大', aliases: ['三重一大制度'], forms: ['三重一大'], doc: 1, status: 'editorial' as const, keys: [] },
    ],
  };
  it.each([
    ['a term', '六稳', 'a', '成都市 · 某市政府工作报告'],
    ['an alias', '三重一大制度', 'b', '编者补充'],
    ['a term with spaces around it', ' 六稳 ', 'a', '成都市 · 某市政府工作报告'],
  ])('finds %s with its source', (_name, term, id, source) => {
    const found = findKnown(pack, [term]).get(term.trim());
    expect([found?.entry.id, found?.source]).toEqual([id, source]);
  });
  it.each([['a new term', '六保'], ['part of a term', '六'], ['an empty term', '']])('does not find %s', (_name, term) => {
    expect(findKnown(pack, [term]).size).toBe(0);
  });
});
