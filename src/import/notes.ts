// Shared reading of one footnote: its `term：definition` split, and the form the body writes at the
// reference mark (“三会一代理”制度[1] → “三会一代理”制度), which also names the term of a note that
// only holds a definition (a Word footnote usually does).
import { cleanHead, stripQuotes } from './term-forms';

/**
 * Words glued after a quoted phrase right before a footnote mark that belong to the noted thing
 * (“三会一代理”制度[1], “七五”普法[2]): broader than the matcher's list of suffixes, because here the
 * mark itself says where the term ends.
 */
const SUFFIXES_KEPT_AT_MARK = ['制度', '工作', '机制', '行动', '工程', '土地', '活动', '普法', '改革', '政策'];
const MAX_HEAD = 30;
/** Verbs that open a clause before the named thing (建好清溪驿站 → 清溪驿站). */
const LEADING_VERB = /^(?:建好|建设|落实|推进|做好|实施|打造|开展|加强|深化|完善|坚持|围绕|执行|强化|推动|实行|践行|聚焦)(?=\p{Script=Han}{2})/u;

/**
 * A footnote's head set off otherwise than by a colon: in brackets (`【三区三线】指…`) or by a dash
 * (`三区三线——指…`): the first dash outside quotes and brackets, after no digit (2012—2014年).
 */
const BRACKETED_NOTE = /^[【〖]([^【】〖〗\n]{1,30})[】〗]\s*[：:]?\s*(?=\S)/u;

/**
 * Where the first dash of `text` outside quotes and brackets is: — (or, when `doubled`, －－ or --),
 * within its first `limit` units; -1 when there is none, or a colon outside them comes first. The
 * dash of `term——definition` heads (footnotes here, appendix entries in appendix-heads.ts), never the one
 * of （2021—2025年） or “山—水”.
 */
export function dashOutsideQuotes(text: string, doubled = true, limit = text.length): number {
  let depth = 0;
  for (let i = 0; i < text.length && i <= limit; i++) {
    const char = text[i]!;
    if ('“「（(《'.includes(char)) depth += 1;
    else if ('”」）)》'.includes(char)) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (char === '：' || char === ':') return -1;
    else if (char === '—' || (doubled && (char === '－' || char === '-') && text[i + 1] === char)) return i;
  }
  return -1;
}

/** The head before the first dash of `text` outside quotes and brackets, and where the definition starts. */
function dashedNote(text: string): [head: string, at: number] | undefined {
  const i = dashOutsideQuotes(text, false, MAX_HEAD * 2);
  if (i === -1) return undefined;
  const rest = text.slice(i).match(/^—+\s*/u)![0];
  return /[0-9０-９]$/u.test(text.slice(0, i)) || i + rest.length >= text.length ? undefined : [text.slice(0, i), i + rest.length];
}

/**
 * A head and the comma after it, before 是指, 系指, 指 or 即 (`三个一批，指签约一批…`): a term's length
 * and no 是 in it (`…率是体现…的重要指标，指…` is a sentence of the definition).
 */
const COMMA_HEAD = /^([^，。；,;、\s是]{1,16})[，,]\s*(?=是指|系指|意指|指(?![挥导标示出明令南针引数])|即(?![时将使便刻]))/u;

/** Splits note text `、六稳：稳就业、…` into head and definition; head is '' when there is none. */
export function splitNote(content: string): { head: string; definition: string } {
  const text = content.replace(/^\s*[、,，.．]?\s*/u, '').trim();
  const colon = /[：:]/u.exec(text);
  // A bracketed head, or a dash before any colon, sets the head off first.
  const bracketed = BRACKETED_NOTE.exec(text);
  const other: [string, number] | undefined = bracketed ? [bracketed[1] ?? '', bracketed[0].length] : dashedNote(colon ? text.slice(0, colon.index) : text);
  const heads: [head: string, at: number, han: boolean][] = [];
  if (other) heads.push([...other, true]);
  if (colon) heads.push([text.slice(0, colon.index), colon.index + 1, false]);
  // No colon: a head set off by a comma before 指 or 即 (`三个一批，指签约一批…`), as appendix entries write it.
  const comma = colon ? undefined : COMMA_HEAD.exec(text);
  if (comma) heads.push([comma[1] ?? '', comma[0].length, true]);
  for (const [head, at, han] of heads) {
    const clean = cleanHead(head);
    const unquoted = clean.replace(/[“"「][^“”"「」]*[”"」]/gu, '');
    if (clean.length > 0 && [...clean].length <= MAX_HEAD && !/[。，；,;]/u.test(unquoted) && (!han || /\p{Script=Han}/u.test(clean))) {
      return { head: clean, definition: text.slice(at).trim() };
    }
  }
  return { head: '', definition: text };
}

/**
 * What the body writes right before a reference mark. `forms` are written forms to keep as aliases;
 * `term` is the phrase to use as the note's head when the note has none: the quoted phrase (with a
 * generic suffix such as 制度), else the words back to the last punctuation (at most 12 characters,
 * without a leading verb such as 落实), which is only a guess (`guessed`).
 */
export function bodyFormsAt(before: string, head: string): { term?: string; guessed?: boolean; forms: string[] } {
  const text = before.replace(/\s+$/u, '');
  const quoted = /[“"「]([^“”"「」]{1,30})[”"」](\p{Script=Han}{0,4})$/u.exec(text);
  if (quoted) {
    const suffix = quoted[2] ?? '';
    const bare = quoted[0].slice(0, quoted[0].length - suffix.length);
    const headPlain = stripQuotes(head);
    const keepSuffix = suffix.length > 0 && (SUFFIXES_KEPT_AT_MARK.includes(suffix) || (head.length > 0 && headPlain.endsWith(suffix)));
    const form = keepSuffix ? quoted[0] : bare;
    return head.length > 0 ? { forms: [form] } : { term: form, forms: [] };
  }
  if (head.length > 0) return { forms: [] };
  const phrase = /[^，。、；：！？,.;:!?\s（(“”"「」]{1,12}$/u.exec(text)?.[0]?.replace(LEADING_VERB, '');
  return phrase ? { term: phrase, guessed: true, forms: [] } : { forms: [] };
}
