// The PDF viewer's page-place clues (src/pdf/pdf-link.ts pdfClues) locate the PDF by its own
// address and first page, as the background's place lookup reads them; never by the viewer's page.
import { describe, expect, it } from 'vitest';
import { locatePage } from '../../src/extension/place-lookup';
import { pdfClues } from '../../src/pdf/pdf-link';

describe('pdfClues', () => {
  it.each([
    // [PDF address, first page's text, the division found (undefined: none)]
    ['https://www.pudong.gov.cn/upload/2023/report.pdf', '', '310115'],
    ['https://www.chengdu.gov.cn/files/gzbg.pdf', '政府工作报告', '510100'],
    // A host that names no place: the first page's issuing government does.
    ['https://files.example.com/a.pdf', '长沙市人民政府\n政府工作报告', '430100'],
    // negative rows: the viewer's own extension page names no place, nor does a page saying nothing
    ['chrome-extension://abcdefghijklmnop/viewer.html', '', undefined],
    ['https://files.example.com/a.pdf', '政府工作报告', undefined],
    ['not a url', '', undefined],
  ])('%s (%j) → %s', async (url, firstPage, code) => {
    const place = await locatePage(pdfClues(url, firstPage));
    expect(place.chain[0]?.code).toBe(code);
  });

  it.each([
    // [file name, first page's text, the division found]: a PDF chosen on this computer has no address
    ['成都市2024年政府工作报告.pdf', '', '510100'],
    ['gzbg.pdf', '长沙市人民政府\n政府工作报告', '430100'],
    // a report's own words: the congress of its dateline (written for this test)
    ['P020240129.pdf', '政府工作报告\n——2024年1月在长沙市第十六届人民代表大会第四次会议上\n各位代表：现在，我代表市人民政府向大会报告工作', '430100'],
    ['report.pdf', '政府工作报告', undefined],
  ])('a chosen file %s (%j) → %s', async (name, firstPage, code) => {
    const clues = pdfClues(undefined, firstPage, name);
    expect(clues.host).toBe('');
    expect(clues.title).toBe(name);
    expect((await locatePage(clues)).chain[0]?.code).toBe(code);
  });

  it('keeps the host, the file name as title and at most 4000 characters of the first page', () => {
    const clues = pdfClues('https://www.pudong.gov.cn/x/%E6%8A%A5%E5%91%8A.pdf', '浦'.repeat(5000));
    expect(clues.host).toBe('www.pudong.gov.cn');
    expect(clues.title).toBe('报告.pdf');
    expect(clues.footerText).toHaveLength(4000);
  });
});
