// Which part of a matched term is drawn: never its quote marks, so “六稳”, “六稳”工作 and
// “三重一大”制度 are all underlined from the first character inside the quotes.
import { QUOTE_PAIRS, QUOTES as QUOTE_CHARS } from './normalise';

/** Every quote mark: each opening and closing one of QUOTE_PAIRS, and 〟. */
const QUOTES = new Set(QUOTE_CHARS);

/** A half-open span of UTF-16 offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The span of `text.slice(start, end)` to highlight. Quote marks at either edge are left out.
 * A match that opens with a quoted phrase and then goes on with plain words (“三重一大”制度) is
 * drawn as the quoted words alone, the coinage a reader recognises. Quotes between several quoted
 * phrases (“粮袋子”“果篮子”行动) stay, as one range cannot skip them. A match of quote marks only
 * is returned unchanged, so nothing matched ever becomes empty.
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
    if (close > from && close < to && ![...text.slice(close + 1, to)].some((c) => QUOTES.has(c))) to = close;
  }
  return { start: from, end: to };
}
