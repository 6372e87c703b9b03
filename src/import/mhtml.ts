// A web page saved as one file (.mht, .mhtml: Chromium's "save as single file", Internet Explorer's
// and Word's web archives): a MIME message whose first text/html part is the page. Read as that
// page's bytes, so the HTML reader takes it as it takes a saved .html file.
import { decodeText, DocumentTextError } from './decode';
import { BROKEN_WEB_ARCHIVE, isWebArchiveFile } from './file-kinds';

/** The page a web archive holds: its HTML bytes and the charset its part declares. */
export interface ArchivedPage {
  html: Uint8Array;
  charset?: string;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Header fields of `block` (folded lines unfolded), names in lower case. */
function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}

/** A header or body split at the first empty line. */
function splitEntity(text: string): Part {
  const match = /\r?\n\r?\n/u.exec(text);
  if (!match) return { headers: headerFields(text), body: '' };
  return { headers: headerFields(text.slice(0, match.index)), body: text.slice(match.index + match[0].length) };
}

/** A parameter of a header value (`boundary="…"`, `charset=gb2312`). */
function parameter(value: string | undefined, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * `bytes` one character a byte (ISO-8859-1 proper: TextDecoder's "latin1" is windows-1252, which
 * turns 0x80–0x9F into other characters and would break a UTF-8 body sent as 8bit).
 */
function byteString(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x2000) text += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return text;
}

/** Bytes of a body held one byte a character (byteString). */
const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

/** A quoted-printable body's bytes: soft line breaks removed, =XX decoded. */
function quotedPrintable(body: string): Uint8Array {
  const joined = body.replace(/=\r?\n/gu, '');
  const out = new Uint8Array(joined.length);
  let length = 0;
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.charAt(i) === '=' ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/u.test(hex)) {
      out[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[length++] = joined.charCodeAt(i) & 0xff;
  }
  return out.subarray(0, length);
}

/** A base64 body's bytes. */
function base64(body: string): Uint8Array {
  // Line breaks and padding out; padded again (a lone last character holds no whole byte).
  let clean = body.replace(/[^A-Za-z0-9+/]/gu, '');
  if (clean.length % 4 === 1) clean = clean.slice(0, -1);
  return bytesOf(atob(clean.padEnd(Math.ceil(clean.length / 4) * 4, '=')));
}

function decodedBody(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return quotedPrintable(part.body);
  if (encoding === 'base64') return base64(part.body);
  return bytesOf(part.body);
}

/** Whether `bytes` begin like a MIME message (a web archive's headers), whatever the file is called. */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const { headers } = splitEntity(byteString(bytes.subarray(0, 4096)));
  return headers.has('mime-version') && /^(?:multipart\/related|text\/html)/iu.test(headers.get('content-type') ?? '');
}

/**
 * The page a web archive holds: its first text/html part (the saved page; frames and resources come
 * after it), or the message's own body when it is a single text/html entity. Undefined when the bytes
 * hold no such part (not a web archive).
 */
export function archivedPage(bytes: Uint8Array): ArchivedPage | undefined {
  // One byte a character: the headers are ASCII, the bodies are decoded from their own encoding.
  const message = splitEntity(byteString(bytes));
  const type = message.headers.get('content-type') ?? '';
  if (/^text\/html/iu.test(type)) return { html: decodedBody(message), charset: parameter(type, 'charset') };
  const boundary = parameter(type, 'boundary');
  if (!/^multipart\//iu.test(type) || !boundary) return undefined;
  const delimiter = `--${boundary}`;
  for (const chunk of message.body.split(delimiter).slice(1)) {
    if (chunk.startsWith('--')) break;
    const part = splitEntity(chunk.replace(/^[ \t]*\r?\n/u, ''));
    const partType = part.headers.get('content-type') ?? '';
    if (/^text\/html/iu.test(partType)) {
      // The part ends with the line break before the next delimiter.
      return { html: decodedBody({ ...part, body: part.body.replace(/\r?\n$/u, '') }), charset: parameter(partType, 'charset') };
    }
  }
  return undefined;
}

/**
 * A web page file's HTML as text: a saved page decoded (decodeText), or the page a web archive
 * holds (.mht, .mhtml) decoded with the charset its part declares. Throws DocumentTextError naming
 * `fileName` for an archive with no page, or bytes no encoding reads.
 */
export function webPageSource(bytes: Uint8Array, fileName: string): string {
  if (!isWebArchiveFile(fileName) && !looksLikeMhtml(bytes)) return decodeText(bytes, fileName, { html: true });
  const page = archivedPage(bytes);
  if (!page) throw new DocumentTextError(fileName, BROKEN_WEB_ARCHIVE);
  return decodeText(page.html, fileName, { html: true, charset: page.charset });
}
