// Reads what the top of a report says about itself: title, date of delivery, issuing government,
// and a markdown front matter's `title:` / `source:` when the text was published with one.
import type { SourceDocument } from '../core/types';

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/u;
const HEAD_LINES = 12;

function isoDate(match: RegExpMatchArray): string {
  const [, year = '', month = '', day] = match;
  const parts = [year, month.padStart(2, '0')];
  if (day !== undefined) parts.push(day.padStart(2, '0'));
  return parts.join('-');
}

function plainLine(line: string): string {
  return line.replace(/^#+\s*/u, '').replace(/\*+/gu, '').replace(/\s+/gu, ' ').trim();
}

/**
 * Title, date (ISO), issuer and url found in the first lines of `text`. The title is the front
 * matter's, else the first short line; the date is the one on a dateline (──2020年8月18日在…会议上);
 * the issuer comes from 我代表…人民政府.
 */
export function readReportHead(text: string): Partial<SourceDocument> {
  const head: Partial<SourceDocument> = {};
  let body = text.replace(/^\uFEFF/u, '');
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u.exec(body);
  if (front) {
    const fields = front[1] ?? '';
    const title = /^title:\s*(.+)$/mu.exec(fields)?.[1]?.trim();
    const url = /^source:\s*(https?:\/\/\S+)\s*$/mu.exec(fields)?.[1];
    if (title) head.title = title.replace(/^["']|["']$/gu, '');
    if (url) head.url = url;
    body = body.slice(front[0].length);
  }
  const lines = body
    .split(/\r?\n/u)
    .map(plainLine)
    .filter((line) => line.length > 0)
    .slice(0, HEAD_LINES);
  if (!head.title) {
    const first = lines[0];
    if (first !== undefined && first.length <= 40 && !/^各位代表/u.test(first) && !/[。；]/u.test(first)) head.title = first;
  }
  for (const line of lines) {
    const match = DATE.exec(line);
    const isDateline = match && (match.index <= 3 || /^[─—\-－]/u.test(line)) && line.length <= 60;
    if (match && isDateline) {
      head.date = isoDate(match);
      break;
    }
  }
  const issuer = /我代表([^，。,\s]{2,20}?人民政府)/u.exec(body.slice(0, 2000))?.[1];
  if (issuer && issuer.length >= 5) head.issuer = issuer;
  return head;
}
