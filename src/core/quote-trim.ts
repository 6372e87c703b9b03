// Which part of a matched term is drawn: never its quote marks, so “六稳”, “六稳”工作 and
// “三重一大”制度 are all underlined from the first character inside the quotes.
import { QUOTE_PAIRS, QUOTES as QUOTE_CHARS } from './normalise';

/** Every quote mark: each opening and closing one of QUOTE_PAIRS, and 〟. */
const QUOTES = new Set(QUOTE_CHARS);
/** Closing quote → its opening partner. */
const OPENING_OF: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(QUOTE_PAIRS).map(([open, close]) => [close, open]));
const hasQuote = (text: string): boolean => [...text].some((c) => QUOTES.has(c));

/** A half-open span of UTF-16 offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The span of `text.slice(start, end)` to highlight. Quote marks at either edge are left out.
 * A match that opens with a quoted phrase and then goes on with plain words (“三重一大”制度) is
 * drawn as the quoted words alone, the coinage a reader recognises, and so is one of plain words
 * that ends with a quoted phrase (增强“四个意识”, 国际贸易“单一窗口”: 四个意识, 单一窗口), which
 * would otherwise be drawn with its opening quote and not its closing one. Quotes between several
 * quoted phrases (“粮袋子”“果篮子”行动) stay, as one range cannot skip them. A match of quote
 * marks only is returned unchanged, so nothing matched ever becomes empty.
 */
export function highlightSpan(text: string, start: number, end: number): TextSpan {
  let from = start;
  let to = end;
  while (from < to && QUOTES.has(text[from] as string)) from++;
  while (to > from && QUOTES.has(text[to - 1] as string)) to--;
  if (from === to) return { start, end };
  const opening = from > start ? QUOTE_PAIRS[text[from - 1] as string] : undefined;
  if (opening !== undefined) {
    const close = text.indexOf(opening, from);
    if (close > from && close < to && !hasQuote(text.slice(close + 1, to))) to = close;
  } else if (from === start && to < end) {
    const open = OPENING_OF[text[to] as string];
    const at = open === undefined ? -1 : text.lastIndexOf(open, to - 1);
    if (at >= from && at + 1 < to && !hasQuote(text.slice(from, at)) && !hasQuote(text.slice(at + 1, to))) from = at + 1;
  }
  return { start: from, end: to };
}
