// The options page's report import when the user moves on before a save has ended: the next
// report's preview must stay (a save in flight used to clear whatever preview was shown by then).
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImportOutcome } from '../../src/extension/import-file';
import { ReportImport } from '../../src/extension/report-import';
import { extensionStrings } from '../../src/extension/strings';

// Saves wait until the test lets them end.
const saves: Array<{ name: string; end: (outcome: ImportOutcome) => void }> = [];
vi.mock('../../src/extension/import-file', () => ({
  importGlossaryText: (name: string) => new Promise<ImportOutcome>((end) => saves.push({ name, end })),
}));

const REPORT_A = ['某镇2021年政府工作报告', '扎实做好“六稳”[footnoteRef:1]工作。', '[1: 、六稳：稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。]'].join('\n');
const REPORT_B = ['某镇2022年政府工作报告', '推进“三清”[footnoteRef:1]行动。', '[1: 、三清：清垃圾、清河道、清违建。]'].join('\n');

const settle = () => new Promise((r) => setTimeout(r, 50));
const root = () => document.getElementById('app')!;
const terms = () => [...root().querySelectorAll<HTMLInputElement>('[data-list="report-entries"] input[type="text"][aria-label]')].map((i) => i.value);

async function choose(name: string, text: string): Promise<void> {
  const input = root().querySelector<HTMLInputElement>('input[data-action="import-report"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], name, { type: 'text/plain' })] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  saves.length = 0;
  document.body.innerHTML = '<div id="app"></div>';
});

afterEach(() => {
  render(null, root());
  document.body.innerHTML = '';
});

describe('report import: a save still running when the next report is chosen', () => {
  it('keeps the next report’s preview when the earlier save ends, and the pack list still learns of that save', async () => {
    const onSaved = vi.fn(async () => {});
    render(<ReportImport t={extensionStrings('zh-CN')} reservedIds={[]} onSaved={onSaved} />, root());
    await choose('a.txt', REPORT_A);
    expect(terms()).toEqual(['六稳']);
    root().querySelector<HTMLButtonElement>('[data-action="save-report"]')!.click();
    await settle();
    expect(saves.map((s) => s.name)).toEqual(['a.yaml']);

    await choose('b.txt', REPORT_B);
    expect(terms()).toEqual(['三清']);
    saves[0]!.end({ ok: true, entries: 1 });
    await settle();
    expect(terms()).toEqual(['三清']);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('does not show an earlier save’s failure under the next report', async () => {
    render(<ReportImport t={extensionStrings('zh-CN')} reservedIds={[]} onSaved={async () => {}} />, root());
    await choose('a.txt', REPORT_A);
    root().querySelector<HTMLButtonElement>('[data-action="save-report"]')!.click();
    await settle();
    await choose('b.txt', REPORT_B);
    saves[0]!.end({ ok: false, problems: ['a.yaml:3:1: 错误'] });
    await settle();
    expect(terms()).toEqual(['三清']);
    expect(root().querySelector('[role="alert"]')).toBeNull();
  });

  it('clears the preview when its own save ends', async () => {
    render(<ReportImport t={extensionStrings('zh-CN')} reservedIds={[]} onSaved={async () => {}} />, root());
    await choose('a.txt', REPORT_A);
    root().querySelector<HTMLButtonElement>('[data-action="save-report"]')!.click();
    await settle();
    saves[0]!.end({ ok: true, entries: 1 });
    await settle();
    expect(terms()).toEqual([]);
    expect(root().textContent).toContain('a.txt');
  });
});
