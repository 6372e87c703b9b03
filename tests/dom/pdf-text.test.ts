// The PDF viewer's pure helpers: which links are PDFs, the viewer's address, find in page texts,
// and the unification of look-alike CJK characters that PDF writers emit.
import { describe, expect, it } from 'vitest';
import { findInDocument, findInPage, firstHitFrom, foldQuery } from '../../src/pdf/find';
import { handoffFromSearch, isLocalPdfUrl, isPdfUrl, localPdfName, localViewerUrl, pdfFileName, pdfUrlFromSearch, viewerUrl } from '../../src/pdf/pdf-link';
import { unifyCjk } from '../../src/core/cjk-lookalikes';
import { pageText } from '../../src/pdf/pdf-text';

describe('isPdfUrl', () => {
  it.each([
    ['https://www.pudong.gov.cn/files/report.pdf', true],
    ['http://www.gov.cn/zhengce/P020230118.PDF', true],
    ['https://a.gov.cn/download/%E6%8A%A5%E5%91%8A.pdf?id=3#page=2', true],
    ['/files/report.pdf', true],
    ['https://a.gov.cn/report.pdf.html', false],
    ['https://a.gov.cn/pdf/list.html', false],
    ['https://a.gov.cn/view?file=report.pdf', false],
    ['ftp://a.gov.cn/report.pdf', false],
    ['javascript:alert(1)//.pdf', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isPdfUrl(url, 'https://www.pudong.gov.cn/docs/')).toBe(expected);
  });
});

describe('viewer address', () => {
  it('carries the PDF address through the query string', () => {
    const pdf = 'https://a.gov.cn/报告 2023.pdf?x=1&y=2';
    const url = viewerUrl('chrome-extension://abc/', pdf);
    expect(url.startsWith('chrome-extension://abc/viewer.html?file=')).toBe(true);
    expect(pdfUrlFromSearch(new URL(url).search)).toBe(new URL(pdf).href);
  });
  it.each([['?file=javascript%3Aalert(1)'], ['?file=file%3A%2F%2F%2Fetc%2Fpasswd'], ['?nofile=1'], ['?file=not%20a%20url']])('refuses %s', (search) => {
    expect(pdfUrlFromSearch(search)).toBeUndefined();
  });
  it('asks for a local PDF by its name only, never carrying its address', () => {
    const url = localViewerUrl('chrome-extension://abc/', pdfFileName('file:///home/me/%E6%8A%A5%E5%91%8A%202024.pdf'));
    expect(url).toBe(`chrome-extension://abc/viewer.html?local=${encodeURIComponent('报告 2024.pdf')}`);
    const search = new URL(url).search;
    expect(localPdfName(search)).toBe('报告 2024.pdf');
    expect(pdfUrlFromSearch(search)).toBeUndefined();
    expect(localViewerUrl('chrome-extension://abc')).toBe('chrome-extension://abc/viewer.html');
    expect(localPdfName('')).toBeUndefined();
  });
  it('carries the key of a file handed to the next viewer page beside its name, and only a key', () => {
    const url = localViewerUrl('chrome-extension://abc', '报告.pdf', '0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b');
    const search = new URL(url).search;
    expect(localPdfName(search)).toBe('报告.pdf');
    expect(handoffFromSearch(search)).toBe('0f8e2c4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(handoffFromSearch(new URL(localViewerUrl('chrome-extension://abc', '报告.pdf')).search)).toBeUndefined();
    expect(handoffFromSearch('?local=a.pdf&handoff=..%2F..%2Fetc')).toBeUndefined();
    expect(handoffFromSearch('?handoff=')).toBeUndefined();
  });
  it.each([
    ['file:///home/me/report.PDF', true],
    ['file:///C:/Users/me/%E6%8A%A5%E5%91%8A.pdf', true],
    ['file:///home/me/report.html', false],
    ['https://a.gov.cn/report.pdf', false],
    [undefined, false],
  ])('isLocalPdfUrl(%s) is %s', (url, expected) => {
    expect(isLocalPdfUrl(url)).toBe(expected);
  });
  it('names the document by its file name', () => {
    expect(pdfFileName('https://a.gov.cn/x/%E6%8A%A5%E5%91%8A.pdf')).toBe('报告.pdf');
    expect(pdfFileName('https://a.gov.cn/')).toBe('a.gov.cn');
  });
});

describe('find', () => {
  it('ignores whitespace and case and reports offsets in the page text', () => {
    const text = '扎实做好“六 稳”\n“六保”工作，六稳';
    const hits = findInPage(text, '六稳', 3);
    expect(hits.map((h) => text.slice(h.start, h.end))).toEqual(['六 稳', '六稳']);
    expect(hits.every((h) => h.page === 3)).toBe(true);
    expect(findInPage('ABC abc', 'b c', 1).map((h) => [h.start, h.end])).toEqual([[1, 3], [5, 7]]);
  });
  it.each([[''], ['  '], ['七稳']])('finds nothing for %j', (query) => {
    expect(findInPage('六稳六保', query, 1)).toEqual([]);
  });
  it('does not count overlapping hits twice', () => {
    expect(findInPage('啊啊啊啊', '啊啊', 1)).toHaveLength(2);
  });
  it('searches pages in order and starts from the current page', () => {
    const hits = findInDocument(['六稳', '', '六稳 六稳'], '六稳');
    expect(hits.map((h) => h.page)).toEqual([1, 3, 3]);
    expect(firstHitFrom(hits, 2)).toBe(1);
    expect(firstHitFrom(hits, 4)).toBe(0);
    expect(firstHitFrom([], 1)).toBe(-1);
    expect(foldQuery(' Ab C ')).toBe('abc');
  });
});

describe('unifyCjk', () => {
  it.each([
    ['政府⼯作报告', '政府工作报告'],
    ['⼈⺠代表⼤会', '人民代表大会'],
    ['请提出意⻅', '请提出意见'],
    ['⻔⼝', '门口'],
    ['六稳六保', '六稳六保'],
    ['阝⻖', '阝⻖'],
    ['Ａ１（）', 'Ａ１（）'],
  ])('%s → %s', (input, expected) => {
    expect(unifyCjk(input)).toBe(expected);
    expect(unifyCjk(input)).toHaveLength(input.length);
  });
  it('joins a page’s text items as its text layer shows them', () => {
    expect(pageText([{ str: '⼯作' }, { type: 'beginMarkedContent' }, { str: '报告', hasEOL: true }, { str: '' }])).toBe('工作报告');
  });
});
