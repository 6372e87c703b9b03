// The RTF reader on documents written here by hand, each in a way Word or WPS 文字 writes RTF:
// Unicode with a GBK fallback, GBK bytes alone, notes anchored in the text, tables, fields and the
// groups that hold no text of the document.
import { describe, expect, it } from 'vitest';
import { BROKEN_RTF } from '../../src/import/file-kinds';
import { importReport } from '../../src/import/import-report';
import { readRtf, rtfBodyText } from '../../src/import/rtf';

/** RTF source as its bytes: ASCII, but for `\xNN` escapes here written as raw bytes (a writer that does not escape GBK). */
const rtf = (source: string): Uint8Array => Uint8Array.from(source, (char) => char.charCodeAt(0));

/** Each character of `text` as Word writes it under \uc2: \uN, then its GBK bytes as the fallback. */
function wordUnicode(text: string): string {
  const gbk = (char: string): number[] => {
    // The GBK bytes of the characters used here (a fallback the reader must skip, not read).
    const table: Record<string, number[]> = { 两: [0xc1, 0xbd], 会: [0xbb, 0xe1], 一: [0xd2, 0xbb], 评: [0xc6, 0xc0], '，': [0xa3, 0xac] };
    return table[char] ?? [0x3f, 0x3f];
  };
  return [...text].map((char) => `\\u${char.charCodeAt(0) > 32767 ? char.charCodeAt(0) - 65536 : char.charCodeAt(0)}${gbk(char).map((b) => `\\'${b.toString(16)}`).join('')}`).join('');
}

/** GBK bytes of a string, written as \'hh escapes (as WPS and older Word write Chinese text). */
function gbkEscapes(text: string): string {
  // GBK by hand for the few characters used: the decoder must turn them back.
  const codes: Record<string, number> = { 四: 0xcbc4, 送: 0xcbcd, 政: 0xd5fe, 策: 0xb2df, 技: 0xbcbc, 术: 0xcaf5, '、': 0xa1a2, '：': 0xa3ba, '。': 0xa1a3 };
  return [...text]
    .map((char) => {
      const code = codes[char];
      if (code === undefined) throw new Error(`no GBK code for ${char} in this test`);
      return `\\'${(code >> 8).toString(16)}\\'${(code & 0xff).toString(16)}`;
    })
    .join('');
}

const HEAD = '{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f13\\fnil\\fcharset134 \\\'cb\\\'ce\\\'cc\\\'e5;}}' +
  '{\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\ql \\snext0 Normal;}}{\\info{\\title 不该读出}{\\author 某人}}';

describe('readRtf', () => {
  it('reads \\uN characters and skips their fallback (\\uc2: two bytes each), and GBK bytes in a GBK font', () => {
    const source = `${HEAD}\\pard\\plain\\f13\\uc2 ${wordUnicode('两会一评')}\\par ${gbkEscapes('四送：送政策、送技术。')}\\par}`;
    expect(readRtf(rtf(source))).toEqual({ body: '两会一评\n四送：送政策、送技术。\n', footnotes: [] });
  });

  it('decodes bytes of a font declared \\fcharset0 with the document\'s Chinese code page, and raw unescaped GBK bytes', () => {
    const raw = '\xcb\xc4\xcb\xcd'; // 四送, unescaped
    const source = `${HEAD}\\pard\\f0 ${gbkEscapes('技术')}${raw}\\par}`;
    expect(readRtf(rtf(source)).body).toBe('技术四送\n');
  });

  it('numbers footnotes by their anchors, endnotes (\\ftnalt) after them, and takes the notes out of the text', () => {
    const source =
      `${HEAD}\\pard\\f13 \\u33853?\\u23454?\\ldblquote \\u19977?\\u20250?\\u19968?\\u35780?\\rdblquote ` +
      '{\\cs15\\super \\chftn {\\footnote\\ftnalt \\pard\\plain {\\cs15\\super \\chftn } \\u23614?\\u27880?}}' +
      '\\u65292?\\u21644?\\ldblquote \\u20004?\\u20250?\\rdblquote ' +
      '{\\cs15\\super \\chftn {\\footnote \\pard\\plain {\\cs15\\super \\chftn } \\u33050?\\u27880?\\par \\u31532?\\u20108?\\u27573?}}\\u12290?\\par}';
    expect(readRtf(rtf(source))).toEqual({
      body: '落实“三会一评”[footnoteRef:2]，和“两会”[footnoteRef:1]。\n',
      footnotes: ['脚注\n第二段', '尾注'],
    });
  });

  it('drops what is not the document\'s text: tables of fonts and styles, info, unknown \\* groups, field instructions, pictures, binary data', () => {
    const source =
      `${HEAD}{\\*\\generator Riched20;}{\\*\\xmlnstbl {\\xmlns1 http://x}}\\pard ` +
      '{\\field{\\*\\fldinst HYPERLINK "http://gov.example/" }{\\fldrslt \\u38142?\\u25509?}}' +
      '{\\pict\\wmetafile8\\picw10 0100090000037800}{\\*\\unknownthing \\u19981?}{\\object\\objemb{\\*\\objdata 0102}}' +
      '{\\bin4 {}\\}\\u21069?\\par}';
    expect(readRtf(rtf(source)).body).toBe('链接前\n');
  });

  it('reads escaped braces and backslashes, a non-breaking space, and a character outside the BMP as two \\uN', () => {
    const source = `${HEAD}\\pard a\\{b\\}c\\\\d\\~e\\-f \\u-10176?\\u-9216?\\par}`;
    expect(readRtf(rtf(source)).body).toBe('a{b}c\\d\u00a0ef 𠀀\n');
  });

  it('reads a table row as one line, its cells apart by tabs and a cell\'s paragraphs joined', () => {
    const cell = (text: string): string => `\\pard\\intbl ${text}\\cell `;
    const source =
      `${HEAD}\\trowd\\cellx2000\\cellx6000 ${cell('\\u19977?\\u20250?')}\\pard\\intbl \\u20826?\\u21592?\\par \\u35758?\\u20107?\\cell \\row ` +
      `\\trowd ${cell('A')}\\pard\\intbl one\\par two\\cell \\row \\pard\\u23436?\\par}`;
    expect(readRtf(rtf(source)).body).toBe('三会\t党员议事\nA\tone two\n完\n');
  });

  it('throws on bytes that are not RTF, and rtfBodyText says undefined', () => {
    expect(() => readRtf(rtf('两会一评'))).toThrow('not an RTF document');
    expect(rtfBodyText(rtf('两会一评'))).toBeUndefined();
    expect(rtfBodyText(rtf(`${HEAD}\\pard x{\\footnote y}\\par}`))).toBe('x\n');
  });
});

describe('importReport on RTF', () => {
  it('imports footnotes, the term taken from the words before the mark', () => {
    const source =
      `${HEAD}\\pard\\f13 \\u33853?\\u23454?\\ldblquote \\u19977?\\u20250?\\u19968?\\u35780?\\rdblquote ` +
      '{\\cs15\\super \\chftn {\\footnote \\pard\\plain {\\cs15\\super \\chftn } \\u20826?\\u21592?\\u35758?\\u20107?\\u20250?\\u12290?}}\\u21046?\\u24230?\\u12290?\\par}';
    const result = importReport(rtf(source), '报告.rtf');
    expect(result.entries.map((entry) => [entry.term, entry.definition, entry.source])).toEqual([['三会一评', '党员议事会。', { footnote: 1 }]]);
  });

  it('imports a 名词解释 appendix when there are no notes', () => {
    const words = (text: string): string => [...text].map((char) => `\\u${char.charCodeAt(0)}?`).join('');
    const source = `${HEAD}\\pard ${words('做好“四送”工作。')}\\par ${words('名词解释')}\\par ${words('1.四送：送政策、送技术。')}\\par}`;
    const result = importReport(rtf(source), 'report.rtf');
    expect(result.source.kind).toBe('名词解释');
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([['四送', '送政策、送技术。']]);
  });

  it('says an .rtf that is not RTF is unreadable, naming the kind', () => {
    expect(importReport(rtf('四联共治'), 'report.rtf')).toMatchObject({ entries: [], problems: [{ severity: 'error', message: BROKEN_RTF }], unreadable: true });
  });
});
