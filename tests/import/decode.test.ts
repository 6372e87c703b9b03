import { describe, expect, it } from 'vitest';
import { DocumentTextError, decodeText } from '../../src/import/decode';

/** 六稳 in GBK / GB18030. */
const LIUWEN_GB = [0xc1, 0xf9, 0xce, 0xc8];
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const utf16 = (text: string, littleEndian: boolean): number[] =>
  [...text].flatMap((char) => {
    const code = char.charCodeAt(0);
    return littleEndian ? [code & 0xff, code >> 8] : [code >> 8, code & 0xff];
  });

describe('decodeText', () => {
  it.each([
    { what: 'UTF-8', bytes: [...new TextEncoder().encode('做好“六稳”\n')], html: false, text: '做好“六稳”\n' },
    { what: 'UTF-8 with a BOM', bytes: [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('六稳')], html: false, text: '六稳' },
    { what: 'UTF-16LE with a BOM', bytes: [0xff, 0xfe, ...utf16('六稳: 1\n', true)], html: false, text: '六稳: 1\n' },
    { what: 'UTF-16BE with a BOM', bytes: [0xfe, 0xff, ...utf16('六稳: 1\n', false)], html: false, text: '六稳: 1\n' },
    { what: 'UTF-16LE without a BOM', bytes: utf16('1. 六稳：稳就业。\n2. 六保：保民生。\n', true), html: false, text: '1. 六稳：稳就业。\n2. 六保：保民生。\n' },
    { what: 'GB18030 (not valid UTF-8)', bytes: [...ascii('1.'), ...LIUWEN_GB, ...ascii('\n')], html: false, text: '1.六稳\n' },
    { what: 'HTML declaring charset=gbk', bytes: [...ascii('<meta charset="gbk"><p>'), ...LIUWEN_GB], html: true, text: '<meta charset="gbk"><p>六稳' },
    { what: 'HTML declaring gb2312 in http-equiv', bytes: [...ascii('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>'), ...LIUWEN_GB], html: true, text: '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>六稳' },
  ])('reads $what', ({ bytes, html, text }) => {
    expect(decodeText(new Uint8Array(bytes), 'report', { html })).toBe(text);
  });

  it('prefers the HTML declaration over a UTF-8 guess only for HTML', () => {
    const bytes = new Uint8Array([...ascii('<meta charset="windows-1252"><p>caf'), 0xe9]);
    expect(decodeText(bytes, 'page.html', { html: true })).toBe('<meta charset="windows-1252"><p>café');
  });

  it.each([
    { what: 'NUL bytes', bytes: [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42, 0x00, 0x00, 0x00] },
    { what: 'bytes neither UTF-8 nor GB18030', bytes: [0xff, 0xff, 0xfe, 0x80, 0x80, 0xff, 0x41] },
    { what: 'mostly control characters', bytes: Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)) },
    { what: 'a UTF-16LE BOM on broken UTF-16', bytes: [0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00] },
  ])('refuses $what with an error naming the file', ({ bytes }) => {
    expect(() => decodeText(new Uint8Array(bytes), 'scan.txt')).toThrow(DocumentTextError);
    expect(() => decodeText(new Uint8Array(bytes), 'scan.txt')).toThrow(/^scan\.txt: /u);
  });
});
