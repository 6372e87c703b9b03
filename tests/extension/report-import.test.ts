import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { previewReport, saveReportPreview } from '../../src/extension/report-import';
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
  it('extracts the footnoted terms for preview, with ids clear of the reserved ones', () => {
    const preview = previewReport('report.txt', bytes(REPORT), ['liu-wen']);
    expect(preview.entries.map((e) => [e.term, e.items?.length, e.source?.footnote])).toEqual([
      ['六稳', 6, 1],
      ['六保', 6, 2],
    ]);
    expect(preview.entries[0]?.id).not.toBe('liu-wen');
    expect(preview.source.title).toBeTruthy();
  });

  it('saves the edited preview as a pack that pages use', async () => {
    const preview = previewReport('report.txt', bytes(REPORT), []);
    preview.entries[1] = { ...preview.entries[1]!, definition: '改过的释义' };
    expect(await saveReportPreview(preview)).toEqual({ ok: true, entries: 2 });
    expect((await listPacks()).map((r) => r.name)).toEqual(['report.yaml']);
    expect((await getMergedPack())?.entries.map((e) => [e.term, e.definition])).toEqual([
      ['六稳', '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。'],
      ['六保', '改过的释义'],
    ]);
  });

  it('saves nothing when an edit breaks an entry', async () => {
    const preview = previewReport('report.txt', bytes(REPORT), []);
    preview.entries[0] = { ...preview.entries[0]!, term: '' };
    const outcome = await saveReportPreview(preview);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]).toMatch(/^report\.yaml:\d+:\d+: /);
    expect(await listPacks()).toEqual([]);
  });

  it.each([
    ['a file type the importer does not read', 'report.pdf', REPORT],
    ['a text without footnotes or appendix', 'plain.txt', '今天天气很好。'],
  ])('shows no entries for %s', (_name, fileName, text) => {
    expect(previewReport(fileName, bytes(text), []).entries).toEqual([]);
  });
});
