// Writes OFD packages (GB/T 33190) for the tests, in the shapes OFD files come in: as a word
// processor or a 公文 system exports one ('native': a text object a line, sizes in millimetres, the
// characters' steps as DeltaX with its `g` repetition), and as a PDF-to-OFD converter writes one,
// its coordinates in points mapped to millimetres by a CTM ('converted': a text object a character,
// as libofd-style converters do; 'converted-runs': a text object a PDF text run, its glyphs' steps
// as DeltaX). Page furniture can be put in a template page.
import { strToU8, zipSync } from 'fflate';

/**
 * One line of text on a page: its left edge and baseline (mm from the page's top left), its size
 * (mm), and optionally its width (mm; the characters' steps are scaled to it, else a wide character
 * steps its size and another half of it).
 */
export interface OfdLine {
  text: string;
  x: number;
  baseline: number;
  size: number;
  width?: number;
}

export interface OfdPackageOptions {
  shape?: Shape;
  /**
   * How the parts are referred to: relative to the referring part as the standard has it; absolute
   * with an upper-case folder; or, as some writers do, pages as BaseLoc children from the package's root.
   */
  references?: 'relative' | 'absolute' | 'from-root';
  /** Lines drawn on every page through a template page (a running head, the page's frame). */
  template?: OfdLine[];
  /** Extra objects written into every page's layer as they are (a rotated watermark, an image). */
  extra?: string;
}

const NS = 'http://www.ofdspec.org/2016';
const escapeXml = (text: string): string => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
const isWide = (char: string): boolean => /[\u2e80-\uffef\u201c\u201d]/u.test(char);
const advance = (char: string, size: number): number => (isWide(char) ? size : size / 2);
const round = (value: number): string => String(Math.round(value * 1000) / 1000);

/** How much a line's steps are scaled: its given width over its characters' own. */
const stretchOf = (line: OfdLine): number => {
  const natural = [...line.text].reduce((sum, char) => sum + advance(char, line.size), 0);
  return line.width === undefined || natural === 0 ? 1 : line.width / natural;
};

/** DeltaX of `text` at `size` (steps times `stretch`), with `g` for runs of equal steps. */
function deltaX(text: string, size: number, stretch = 1): string {
  const steps = [...text].slice(0, -1).map((char) => round(advance(char, size) * stretch));
  const out: string[] = [];
  for (let i = 0; i < steps.length; ) {
    let j = i;
    while (j < steps.length && steps[j] === steps[i]) j += 1;
    out.push(j - i > 1 ? `g ${j - i} ${steps[i]}` : steps[i]!);
    i = j;
  }
  return out.join(' ');
}

type Shape = 'native' | 'converted' | 'converted-runs';

let ids = 100;

function nativeObject(line: OfdLine): string {
  const width = line.width ?? [...line.text].reduce((sum, char) => sum + advance(char, line.size), 0);
  const delta = deltaX(line.text, line.size, stretchOf(line));
  return (
    `<ofd:TextObject ID="${(ids += 1)}" Boundary="${round(line.x)} ${round(line.baseline - line.size)} ${round(width)} ${round(line.size * 1.25)}" Font="3" Size="${round(line.size)}">` +
    `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${round(line.size)}"${delta ? ` DeltaX="${delta}"` : ''}>${escapeXml(line.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

/** Points to millimetres, the converters' CTM scale (as written, rounded). */
const MM_PER_PT = 0.3528;

function convertedObjects(line: OfdLine): string {
  const stretch = stretchOf(line);
  let x = line.x;
  const objects: string[] = [];
  [...line.text].forEach((char, i) => {
    const size = line.size / MM_PER_PT;
    // The boundary is the glyph's box; the code is placed in points from an origin the CTM moves
    // back, which differs from character to character (as a converter's page-level translation does).
    const left = x - 0.2;
    const top = line.baseline - line.size;
    const originX = 7.5 + (i % 3) * 2;
    const originY = -3.25 - (i % 2) * 30;
    const codeX = (x - left - originX * MM_PER_PT) / MM_PER_PT;
    const codeY = (line.baseline - top - originY * MM_PER_PT) / MM_PER_PT;
    objects.push(
      `<ofd:TextObject ID="${(ids += 1)}" CTM="${round(MM_PER_PT)} 0 0 ${round(MM_PER_PT)} ${round(originX * MM_PER_PT)} ${round(originY * MM_PER_PT)}" Boundary="${round(left)} ${round(top)} ${round(line.size * 1.1)} ${round(line.size * 1.3)}" Font="4" Size="${round(size)}">` +
        `<ofd:CGTransform CodePosition="0" CodeCount="1" GlyphCount="1"><ofd:Glyphs>${(ids % 5000) + 1}</ofd:Glyphs></ofd:CGTransform>` +
        `<ofd:TextCode X="${round(codeX)}" Y="${round(codeY)}">${escapeXml(char)}</ofd:TextCode></ofd:TextObject>`,
    );
    x += advance(char, line.size) * stretch;
  });
  return objects.join('');
}

/** One text object for the line, in points through a CTM whose translation is the line's origin. */
function convertedRun(line: OfdLine): string {
  const size = line.size / MM_PER_PT;
  const width = line.width ?? [...line.text].reduce((sum, char) => sum + advance(char, line.size), 0);
  const delta = deltaX(line.text, size, stretchOf(line));
  return (
    `<ofd:TextObject ID="${(ids += 1)}" CTM="${round(MM_PER_PT)} 0 0 ${round(MM_PER_PT)} 0 ${round(line.size)}" Boundary="${round(line.x)} ${round(line.baseline - line.size)} ${round(width + line.size)} ${round(line.size * 1.3)}" Font="4" Size="${round(size)}">` +
    `<ofd:TextCode X="0" Y="0"${delta ? ` DeltaX="${delta}"` : ''}>${escapeXml(line.text)}</ofd:TextCode></ofd:TextObject>`
  );
}

const WRITERS: Record<Shape, (line: OfdLine) => string> = { native: nativeObject, converted: convertedObjects, 'converted-runs': convertedRun };
const objectsOf = (lines: readonly OfdLine[], shape: Shape): string => lines.map(WRITERS[shape]).join('');

/** An OFD package of `pages` (each a list of lines), as bytes. */
export function ofdPackage(pages: readonly (readonly OfdLine[])[], options: OfdPackageOptions = {}): Uint8Array {
  const shape = options.shape ?? 'native';
  const references = options.references ?? 'relative';
  const folder = references === 'absolute' ? 'DOC_0' : 'Doc_0';
  const files: Record<string, Uint8Array> = {};
  const xml = (body: string): Uint8Array => strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
  files['OFD.xml'] = xml(
    `<ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID><ofd:Creator>tests</ofd:Creator></ofd:DocInfo>` +
      `<ofd:DocRoot>${references === 'absolute' ? `/${folder}/Document.xml` : `${folder}/Document.xml`}</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  const pageList = pages
    .map((_, i) =>
      references === 'from-root'
        ? `<ofd:Page ID="${i + 2}"><ofd:BaseLoc>${folder}/Pages/Page_${i}/Content.xml</ofd:BaseLoc></ofd:Page>`
        : `<ofd:Page ID="${i + 2}" BaseLoc="${references === 'absolute' ? `/${folder}/Pages/Page_${i}/Content.xml` : `Pages/Page_${i}/Content.xml`}"/>`,
    )
    .join('');
  const template = options.template ? `<ofd:TemplatePage ID="90" BaseLoc="Tpls/Tpl_0/Content.xml"/>` : '';
  files[`${folder}/Document.xml`] = xml(
    `<ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>` +
      `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>${template}</ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`,
  );
  files[`${folder}/PublicRes.xml`] = xml(`<ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/><ofd:Font ID="4" FontName="FZFSK" FamilyName="仿宋"/></ofd:Fonts></ofd:Res>`);
  if (options.template) files[`${folder}/Tpls/Tpl_0/Content.xml`] = xml(`<ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="91">${objectsOf(options.template, shape)}</ofd:Layer></ofd:Content></ofd:Page>`);
  pages.forEach((lines, i) => {
    const area = '<ofd:Area><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area>';
    const uses = options.template ? '<ofd:Template TemplateID="90" ZOrder="Background"/>' : '';
    files[`${folder}/Pages/Page_${i}/Content.xml`] = xml(
      `<ofd:Page xmlns:ofd="${NS}">${uses}${area}<ofd:Content><ofd:Layer ID="${i + 10}">${objectsOf(lines, shape)}${options.extra ?? ''}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  return zipSync(files);
}

/** The lines of paragraphs set from `top` (mm): 28 characters a line at 5.6 mm from x 25, the first indented two characters, 9 mm apart. */
export function paragraphs(texts: readonly string[], top = 40, size = 5.6): { lines: OfdLine[]; next: number } {
  const lines: OfdLine[] = [];
  let baseline = top;
  for (const text of texts) {
    let rest = text;
    let first = true;
    while (rest.length > 0) {
      const room = first ? 26 : 28;
      lines.push({ text: rest.slice(0, room), x: 25 + (first ? 2 * size : 0), baseline, size });
      rest = rest.slice(room);
      first = false;
      baseline += size * 1.6;
    }
  }
  return { lines, next: baseline };
}
