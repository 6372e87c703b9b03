// A PDF's text runs (what pdf.js reads off each page: a string, where it starts, how wide, how
// large) laid out again as the report was written: lines from runs on one baseline, the page's
// number and running head dropped, wrapped lines joined into paragraphs, footnote marks as
// superscript digits and the notes at each page's foot gathered after the body. The importers then
// read it as they read a text report (名词解释 appendix, or plain-text footnotes).
import { unifyCjk } from '../core/cjk-lookalikes';
import { circledNumber, fromSuperscript, toSuperscript } from './marks';

/** One text run on a page, in PDF units (y grows upward; `y` is the baseline). */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font's height (pdf.js: the transform's vertical scale). */
  size: number;
}

/**
 * The runs of one page from pdf.js's text content items (`page.getTextContent().items`): horizontal
 * text only (a rotated stamp or a vertical margin note is not the report's text).
 */
export function runsOfTextItems(items: readonly object[]): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const item of items) {
    if (!('str' in item) || typeof item.str !== 'string' || item.str.length === 0 || !('transform' in item) || !Array.isArray(item.transform)) continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    if (Math.abs(b!) > 0.01 || Math.abs(c!) > 0.01 || !(a! > 0)) continue;
    runs.push({ text: item.str, x: x!, y: y!, width: 'width' in item && typeof item.width === 'number' ? item.width : 0, size: Math.abs(d!) });
  }
  return runs;
}

/** A PDF's text as the importers read it. */
export interface PdfText {
  /** The body: one paragraph a line, footnote marks as ¹ ² … */
  body: string;
  /** The page (from 1) each line of `body` begins on. */
  bodyPages: number[];
  /** The pages' footnotes, one a line, each opened by its mark as the body writes it. */
  notes: string[];
  /** The page each of `notes` is on. */
  notePages: number[];
  /** Pages, and pages with any text (a scanned PDF has none). */
  pages: number;
  pagesWithText: number;
}

/** A line of a page, as `pageLines` makes them. */
export interface Line {
  /** Baseline, size and extent of the line's own (not raised) runs. */
  y: number;
  size: number;
  x: number;
  end: number;
  text: string;
  /** The line opens with a raised mark (a footnote's number at the page's foot). */
  opensWithMark: boolean;
}

/** What a raised run at a footnote's place holds: a number, a symbol, a circled or bracketed number. */
const MARK = /^\s*(?:\d{1,3}|[*＊†‡]|[①-⑳]|[[［(（〔]\s*\d{1,3}\s*[\]］)）〕])\s*$/u;
/** A page's number as printed at its head or foot: `3`, `- 3 -`, `— 3 —`, `第3页`, `3/40`, `第 3 页 共 40 页`. */
const PAGE_NUMBER = /^[\s\-—–－~·•]*(?:第\s*)?\d{1,4}\s*页?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[\s\-—–－~·•]*$/u;
/**
 * A line opening a list entry (numbered term, enumerated point, bulleted item): never the wrapped
 * rest of a line. A number with decimals (`1.5万亿元`) is text, not an entry's number.
 */
const LIST_START = /^(?:\d{1,3}\s*(?:[.．](?!\d)|、|[)）])|[（(]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[①-⑳\u2474-\u249b\u2776-\u2793\u3220-\u3229]|[\u2160-\u216b]\s*[.．、]|[【[［]\s*\d{1,3}\s*[\]］】]|[◆●■▲★•※➢➤►◎Ø\uf000-\uf0ff])/u;
/**
 * A line opening with a short head and a colon (an unnumbered 名词解释 entry, `一业多会：指…`): after a
 * sentence's end it starts a paragraph even where nothing in the layout says so (no indent, the line
 * before it full).
 */
const HEAD_COLON = /^[^，。；：:、\s]{1,24}[：:]/u;
const SENTENCE_END = /[。！？；：:;!?”」』）)]$/u;
/** Wide characters (CJK, full-width, the quotes and dashes Chinese text sets full width), as a class body. */
const WIDE_CLASS = '\\p{Script=Han}\\u2e80-\\u2fdf\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const WIDE = new RegExp(`[${WIDE_CLASS}]`, 'u');
/**
 * Spaces inside one run between a wide character and a Latin letter or digit: a writer's spacing of
 * mixed text that pdf.js writes out (`增长 6.1%`), never in the report's words. A space set as a run
 * of its own was typed, and a space between two wide characters is kept: a report may set a term
 * apart from its definition so (`家电下乡 指…`, `RCEP 指…`).
 */
const SPACES_BY_WIDE = new RegExp(`(?<=[${WIDE_CLASS}])[ \\u00a0]+(?=[^${WIDE_CLASS}\\s])|(?<=[^${WIDE_CLASS}\\s])[ \\u00a0]+(?=[${WIDE_CLASS}])`, 'gu');
/** A wide character and the spaces between it and the next one. */
const SPACED_WIDE = new RegExp(`([${WIDE_CLASS}])[ \\u00a0]+(?=[${WIDE_CLASS}])`, 'u');
/** A line set letter-spaced (`政 府 工 作 报 告`): every wide character apart. */
const LETTER_SPACED = new RegExp(`^(?:[${WIDE_CLASS}][ \\u00a0\\u3000]+){2,}[${WIDE_CLASS}]$`, 'u');

/**
 * Characters a PDF's fonts give for another that shares their glyph (found by printing the corpus's
 * characters to PDF and reading them back): 戶 for 户 and 㬵 for 胶 in Noto CJK SC, one two-em
 * dash ⸺ for the dash pair —— that a Chinese text writes.
 */
const SHARED_GLYPHS: Readonly<Record<string, string>> = { '戶': '户', '㬵': '胶', '⸺': '——', '⸻': '———' };
const SHARED_GLYPH = /[戶㬵⸺⸻]/gu;


/**
 * A raised mark is held between these two (private-use) characters while the pages are laid out,
 * so that marks restarting on each page can be numbered on (renumberRestartingMarks); they are
 * gone from the text laid out.
 */
const RAISED_OPEN = '\ue000';
const RAISED_CLOSE = '\ue001';
const RAISED = /\ue000([^\ue001]*)\ue001/gu;
/** A note's opening mark: raised, or set small on its line (digits, a circled or bracketed number). */
const NOTE_MARK = /^(?:\ue000([^\ue001]*)\ue001|\s*(\d{1,3}|[①-⑳]|[[［(（〔]\s*\d{1,3}\s*[\]］)）〕]))/u;

/** The number a mark stands for (¹², 12, ⑫, [12]); undefined for a symbol (*, †). */
function markNumber(mark: string): number | undefined {
  const digits = fromSuperscript(mark).replace(/^[[［(（〔]\s*|\s*[\]］)）〕]$/gu, '');
  if (/^\d{1,3}$/u.test(digits)) return Number(digits);
  return /^[①-⑳]$/u.test(digits) ? circledNumber(digits) : undefined;
}

/**
 * Numbers footnote marks on where they restart (on each page, as Chinese typesetting often numbers
 * ① ② …, or at each section): when a page's first note is numbered no higher than the last note of
 * the pages before, each page's notes and the raised marks in its body are numbered on from there,
 * written as superscript digits (the notes then read as one sequence, as the footnote reader takes
 * them). Marks that never restart are left as written. Returns the texts with the raised marks'
 * holders removed.
 */
function renumberRestartingMarks(bodies: readonly (readonly Line[])[], notes: readonly (readonly string[])[]): { bodies: Line[][]; notes: string[][] } {
  const plain = (text: string): string => text.replace(RAISED, '$1');
  const numbers = notes.map((pageNotes) => pageNotes.map((note) => {
    const mark = NOTE_MARK.exec(note);
    return mark ? markNumber(mark[1] ?? mark[2] ?? '') : undefined;
  }));
  let restarts = false;
  let last: number | undefined;
  for (const pageNumbers of numbers) {
    if (pageNumbers.length === 0) continue;
    if (last !== undefined && pageNumbers[0] !== undefined && pageNumbers[0] <= last) restarts = true;
    last = pageNumbers.at(-1);
  }
  if (!restarts || numbers.some((pageNumbers) => pageNumbers.some((n) => n === undefined))) {
    return { bodies: bodies.map((lines) => lines.map((line) => ({ ...line, text: plain(line.text) }))), notes: notes.map((pageNotes) => pageNotes.map(plain)) };
  }
  let shift = 0;
  let assigned = 0;
  let previousLast = Infinity;
  const shifts = numbers.map((pageNumbers) => {
    if (pageNumbers.length === 0) return shift;
    const first = pageNumbers[0]!;
    if (first <= previousLast || assigned === 0) shift = assigned - first + 1;
    previousLast = pageNumbers.at(-1)!;
    assigned = previousLast + shift;
    return shift;
  });
  const renumber = (mark: string, by: number): string => {
    const n = markNumber(mark);
    return n === undefined ? mark : toSuperscript(n + by);
  };
  return {
    bodies: bodies.map((lines, page) => lines.map((line) => ({ ...line, text: line.text.replace(RAISED, (_all, mark: string) => renumber(mark, shifts[page]!)) }))),
    notes: notes.map((pageNotes, page) =>
      pageNotes.map((note) => plain(note.replace(NOTE_MARK, (_all, raised: string | undefined, small: string | undefined) => renumber(raised ?? small ?? '', shifts[page]!)))),
    ),
  };
}

/** The most frequent value of `key` (rounded to `step`), each weighted by `weight`. */
function mode<T>(items: readonly T[], key: (item: T) => number, weight: (item: T) => number, step: number): number | undefined {
  const tally = new Map<number, number>();
  for (const item of items) {
    const bucket = Math.round(key(item) / step) * step;
    tally.set(bucket, (tally.get(bucket) ?? 0) + weight(item));
  }
  let best: number | undefined;
  let bestWeight = 0;
  for (const [value, total] of tally) {
    if (total > bestWeight) [best, bestWeight] = [value, total];
  }
  return best;
}

/**
 * A run's text as the line shows it: a raised mark as superscript digits (¹²), a raised symbol or
 * circled number as written.
 */
function runText(run: PdfTextRun & { raised: boolean }): string {
  // A space of its own narrower than a quarter em is what is left of justifying a line.
  if (run.text.trim().length === 0) return run.width >= run.size * 0.25 ? ' ' : '';
  if (!run.raised) {
    const text = run.text.replace(SPACES_BY_WIDE, '');
    if (!SPACED_WIDE.test(text)) return text;
    // pdf.js also writes the gaps of a justified line of Chinese as spaces between its characters.
    // A typed space is a glyph of a quarter em or more; what the run's width leaves for its spaces
    // (wide characters an em, others about half) tells the two apart.
    const spaces = text.match(/[ \u00a0]/gu)?.length ?? 0;
    const wide = [...text].filter((char) => WIDE.test(char)).length;
    const narrow = text.length - wide - spaces;
    const perSpace = (run.width - (wide + narrow * 0.5) * run.size) / spaces;
    return perSpace < run.size * 0.2 ? text.replace(new RegExp(SPACED_WIDE, 'gu'), '$1') : text;
  }
  const mark = run.text.trim().replace(/^[[［(（〔]\s*|\s*[\]］)）〕]$/gu, '');
  return RAISED_OPEN + (/^\d+$/u.test(mark) ? toSuperscript(mark) : mark) + RAISED_CLOSE;
}

/**
 * The runs of one page as lines, top to bottom; raised marks joined to the line they sit on. Most of
 * a layout's time (about 1 ms a page), and a page's own: a caller that must not hold a thread long
 * (the extension's PDF viewer) makes them one page at a time and lays them out with `layoutPageLines`.
 */
export function pageLines(runs: readonly PdfTextRun[]): Line[] {
  const blank = (run: PdfTextRun): boolean => run.text.trim().length === 0;
  // Text first, so that a space (a run of its own where a writer typed one) finds its line.
  const placed = runs.filter((run) => run.size > 0 && run.text.length > 0).sort((a, b) => Number(blank(a)) - Number(blank(b)) || b.y - a.y || a.x - b.x);
  // Lines from runs sharing a baseline (within a third of the smaller font).
  const groups: { y: number; size: number; runs: PdfTextRun[] }[] = [];
  for (const run of placed) {
    const line = groups.find((group) => Math.abs(group.y - run.y) <= 0.35 * Math.min(group.size, run.size));
    if (line) {
      line.runs.push(run);
      if (run.size > line.size && !blank(run)) line.size = run.size;
    } else if (!blank(run)) groups.push({ y: run.y, size: run.size, runs: [run] });
  }
  // A group of small marks only, raised within a larger line's height, is that line's superscript.
  const raisedInto = new Map<(typeof groups)[number], (typeof groups)[number]>();
  for (const group of groups) {
    if (!group.runs.every((run) => blank(run) || MARK.test(run.text))) continue;
    const host = groups.find((other) => other !== group && other.size >= group.size * 1.3 && group.y > other.y && group.y < other.y + other.size * 0.9);
    if (host) raisedInto.set(group, host);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    if (raisedInto.has(group)) continue;
    const own = group.runs.map((run) => ({ ...run, raised: false }));
    const raised = [...raisedInto].filter(([, host]) => host === group).flatMap(([small]) => small.runs.filter((run) => !blank(run)).map((run) => ({ ...run, raised: true })));
    const all = [...own, ...raised].sort((a, b) => a.x - b.x);
    const inked = own.filter((run) => !blank(run));
    const size = Math.max(...inked.map((run) => run.size));
    const x = Math.min(...inked.map((run) => run.x));
    const end = Math.max(...inked.map((run) => run.x + run.width));
    let text = '';
    let previous: (typeof all)[number] | undefined;
    for (const run of all) {
      const piece = runText(run);
      if (previous && text.length > 0) {
        const gap = run.x - (previous.x + previous.width);
        // A wide gap is a table's column break; a word gap between Latin letters or digits a space.
        if (gap > size * 3) text += '\t';
        else if (gap > size * 0.2 && !WIDE.test(text.at(-1)!) && !WIDE.test(piece[0]!) && !run.raised && text.at(-1) !== ' ' && piece[0] !== ' ') text += ' ';
      }
      text += piece;
      previous = run;
    }
    text = text.trim().replace(/[ \u00a0]{2,}/gu, ' ');
    if (LETTER_SPACED.test(text)) text = text.replace(/[ \u00a0\u3000]+/gu, '');
    text = unifyCjk(text).replace(SHARED_GLYPH, (char) => SHARED_GLYPHS[char]!);
    const first = all.find((run) => !blank(run))!;
    lines.push({ y: group.y, size, x, end, text, opensWithMark: first.raised || (MARK.test(first.text) && first.size < size * 0.8) });
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** A line's text with digits folded, to find the running head or foot repeated page after page. */
const furnitureKey = (text: string): string => text.replace(/\d+/gu, '#').replace(/\s+/gu, '');

/** Drops page numbers and running heads/feet (the same first or last line on many pages). */
function withoutFurniture(pages: Line[][]): Line[][] {
  const repeated = new Set<string>();
  // A running head or foot is narrower than the text (a title, a section's name), never a full line,
  // and it stands in the margin, further from the text than a line from the next.
  const widest = Math.max(0, ...pages.flat().map((line) => line.end - line.x));
  const apart = (line: Line | undefined, neighbour: Line | undefined): line is Line =>
    line !== undefined && line.end - line.x < widest * 0.7 && (neighbour === undefined || Math.abs(line.y - neighbour.y) > neighbour.size * 2);
  const head = (lines: Line[]): Line | undefined => (apart(lines[0], lines[1]) ? lines[0] : undefined);
  const foot = (lines: Line[]): Line | undefined => (apart(lines.at(-1), lines.at(-2)) ? lines.at(-1) : undefined);
  if (pages.length >= 3) {
    const counts = new Map<string, number>();
    for (const lines of pages) {
      const ends = new Set([head(lines), foot(lines)].filter((line) => line !== undefined).map((line) => furnitureKey(line.text)));
      for (const key of ends) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts) if (count >= 3 && count >= pages.length * 0.4 && key.length > 0) repeated.add(key);
  }
  return pages.map((lines) =>
    lines.filter((line, index) => {
      const atEdge = (index === 0 && head(lines) === line) || (index === lines.length - 1 && foot(lines) === line);
      const nearEdge = index <= 1 || index >= lines.length - 2;
      return !((nearEdge && PAGE_NUMBER.test(line.text)) || (atEdge && repeated.has(furnitureKey(line.text))));
    }),
  );
}

/** A footnote that ends so is finished; one that does not may go on at the foot of the next page. */
const NOTE_END = /[。！？；.!?;”」』）)]$/u;

/** A page's footnotes, and the lines at its foot that finish the last note of a page before. */
interface Foot {
  /** Where the foot starts among the page's lines. */
  from: number;
  notes: string[];
  /** The rest of the last note of the pages before, set at the top of this page's foot. */
  carried?: string;
  /** Size and left edge of the last note's lines, for a rest of it on the next page. */
  last?: { size: number; x: number };
}

/**
 * The page's footnotes: the run of lines at its foot set smaller than the body, the first opening
 * with a mark; each note from a line opening with a mark to the next. Where the last note before
 * (`unfinished`) did not end its sentence, lines at the top of the foot opening with no mark, in its
 * size and from its left edge, are its rest (a long note goes on at the next page's foot). Undefined
 * when the foot has neither.
 */
function footOf(lines: readonly Line[], bodySize: number, unfinished?: { size: number; x: number }): Foot | undefined {
  let small = lines.length;
  while (small > 0 && lines[small - 1]!.size <= bodySize * 0.85) small -= 1;
  // The first small line at the foot that opens with a mark starts the notes (a caption or a table
  // set small above them stays in the body).
  let from = small;
  while (from < lines.length && !lines[from]!.opensWithMark) from += 1;
  const before = lines.slice(small, from);
  const carries =
    unfinished !== undefined &&
    before.length > 0 &&
    before.every((line) => Math.abs(line.size - unfinished.size) <= unfinished.size * 0.1) &&
    Math.abs(before[0]!.x - unfinished.x) <= unfinished.size;
  const carried = carries ? before.reduce((text, line) => joinWrapped(text, line.text), '') : undefined;
  if (from >= lines.length) return carried === undefined ? undefined : { from: small, notes: [], carried, last: unfinished };
  const notes: string[] = [];
  let last = { size: lines[from]!.size, x: lines[from]!.x };
  for (const line of lines.slice(from)) {
    if (line.opensWithMark || notes.length === 0) {
      notes.push(line.text);
      last = { size: line.size, x: line.x };
    } else notes[notes.length - 1] = joinWrapped(notes.at(-1)!, line.text);
  }
  return { from: carried === undefined ? from : small, notes, ...(carried === undefined ? {} : { carried }), last };
}

/**
 * The pages' feet in page order, the rest of a note carried over a page break joined to the note
 * it finishes (on the page the note starts on).
 */
function feetOf(pages: readonly (readonly Line[])[], bodySize: number): (Foot | undefined)[] {
  const feet: (Foot | undefined)[] = [];
  let open: { page: number; size: number; x: number } | undefined;
  pages.forEach((lines, page) => {
    const foot = footOf(lines, bodySize, open);
    feet.push(foot);
    if (foot?.carried !== undefined && open) {
      const notes = feet[open.page]!.notes;
      notes[notes.length - 1] = joinWrapped(notes.at(-1)!, foot.carried);
    }
    // What may go on at the next page's foot: this page's last note, or the note it carried on.
    if (foot && foot.notes.length > 0) open = { page, ...foot.last! };
    else if (foot?.carried === undefined) open = undefined;
    // The note goes on while what it has so far does not end its sentence.
    if (open && NOTE_END.test(feet[open.page]!.notes.at(-1)!.replace(RAISED, '$1'))) open = undefined;
  });
  return feet;
}

/** Two lines of one paragraph joined: a space only between Latin letters or digits. */
function joinWrapped(before: string, after: string): string {
  if (before.length === 0) return after;
  const last = before.at(-1)!;
  const first = after[0] ?? '';
  return /[A-Za-z0-9]/u.test(last) && /[A-Za-z0-9]/u.test(first) ? `${before} ${after}` : before + after;
}

/** Lays out the text runs of a PDF's pages (in page order) as the report's text. */
export function layoutPdfText(pages: readonly (readonly PdfTextRun[])[]): PdfText {
  return layoutPageLines(
    pages.map((runs) => pageLines(runs)),
    pages.filter((runs) => runs.some((run) => run.text.trim().length > 0)).length,
  );
}

/** `layoutPdfText` of pages whose lines are made (`pageLines`, in page order); `pagesWithText` of them have text. */
export function layoutPageLines(lines: readonly Line[][], pagesWithText: number): PdfText {
  const pageLineLists = withoutFurniture([...lines]);
  const all = pageLineLists.flat();
  const bodySize = mode(all, (line) => line.size, (line) => line.text.length, 0.5) ?? 0;
  const feet = feetOf(pageLineLists, bodySize);
  const marked = renumberRestartingMarks(
    pageLineLists.map((lines, page) => lines.slice(0, feet[page]?.from ?? lines.length)),
    feet.map((foot) => foot?.notes ?? []),
  );
  const pageBodies = marked.bodies;
  const notes = marked.notes.flat();
  const notePages = marked.notes.flatMap((pageNotes, page) => pageNotes.map(() => page + 1));
  const bodyLines = pageBodies.flat();
  const sized = bodyLines.filter((line) => Math.abs(line.size - bodySize) <= bodySize * 0.1);
  const left = mode(sized, (line) => line.x, (line) => line.text.length, 1) ?? 0;
  // The right edge: where most full lines end (the longest lines of body size).
  const right = mode(sized, (line) => line.end, () => 1, 2) ?? 0;

  const paragraphs: string[] = [];
  const paragraphPages: number[] = [];
  let previous: Line | undefined;
  let previousPage = -1;
  pageBodies.forEach((lines, page) => {
    for (const line of lines) {
      // A title set larger than the text and wrapped (centred, so its lines start anywhere).
      const headingGoesOn =
        previous !== undefined && page === previousPage && line.size >= bodySize * 1.15 && Math.abs(line.size - previous.size) <= previous.size * 0.05 && previous.y - line.y <= line.size * 2;
      const continues =
        headingGoesOn ||
        (previous !== undefined &&
        Math.abs(line.size - previous.size) <= previous.size * 0.15 &&
        previous.end >= right - previous.size * 2.5 &&
        line.x <= left + line.size * 0.8 &&
        !line.text.includes('\t') &&
        !previous.text.includes('\t') &&
        !((LIST_START.test(line.text) || HEAD_COLON.test(line.text)) && SENTENCE_END.test(previous.text)) &&
        (page !== previousPage || previous.y - line.y <= line.size * 2.6));
      if (continues) paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1)!, line.text);
      else {
        paragraphs.push(line.text);
        paragraphPages.push(page + 1);
      }
      previous = line;
      previousPage = page;
    }
  });
  return {
    body: paragraphs.join('\n'),
    bodyPages: paragraphPages,
    notes,
    notePages,
    pages: lines.length,
    pagesWithText,
  };
}
