// Turns a text file's bytes into a string whatever encoding a government office saved it in:
// byte order marks, an HTML page's declared charset, UTF-8, else GB18030; binary input is refused.

/** Bytes that are not readable text; the message names the file and the reason. */
export class DocumentTextError extends Error {
  override name = 'DocumentTextError';
  /** The message without the file name, for callers that already print it. */
  readonly reason: string;

  constructor(fileName: string, reason: string) {
    super(`${fileName}: ${reason}`);
    this.reason = reason;
  }
}

/** WHATWG labels of the Chinese legacy encodings; GBK and GB2312 pages are read as their superset. */
const CHINESE_LABELS = /^(?:gb_?2312(?:-80)?|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/iu;
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/iu;
/** How many control characters (other than tab, newlines, form feed) a text file may hold per 1,000 characters. */
const CONTROL_PER_THOUSAND = 5;

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** Characters of readable Chinese or English text: ASCII, whitespace, CJK, CJK and full-width punctuation. */
const PLAUSIBLE = /[\t\n\r\u0020-\u007e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/gu;

/**
 * UTF-16 without a byte order mark, recognised by its zero bytes (the high byte of every ASCII
 * character, newlines included) all falling on one side, and by reading as plausible text.
 */
function bomlessUtf16(bytes: Uint8Array): string | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const encoding = oddZeros > evenZeros ? 'utf-16le' : 'utf-16be';
  const [more, fewer] = oddZeros > evenZeros ? [oddZeros, evenZeros] : [evenZeros, oddZeros];
  if (more < 2 || fewer * 10 > more) return undefined;
  const text = new TextDecoder(encoding).decode(sample);
  const plausible = text.match(PLAUSIBLE)?.length ?? 0;
  return plausible >= text.length * 0.9 ? encoding : undefined;
}

/** The charset an HTML page declares in its first bytes (`<meta charset>` or http-equiv content). */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return encodingOf(META_CHARSET.exec(head)?.[1]);
}

/** The encoding a charset label names (GBK and GB2312 read as GB18030), or undefined. */
function encodingOf(charset: string | undefined): string | undefined {
  const label = charset?.toLowerCase();
  if (!label) return undefined;
  if (CHINESE_LABELS.test(label)) return 'gb18030';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

function decodeStrict(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if (isControl(code)) controls += 1;
  }
  return controls * 1000 > Math.max(text.length, 200) * CONTROL_PER_THOUSAND;
}

/** An XML file's declared encoding (`<?xml … encoding="GB2312"?>`), if any (Word's XML, an OFD's parts). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i += 1) head += String.fromCharCode(bytes[i]!);
  return /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w-]+)["']/u.exec(head)?.[1];
}

/**
 * The text of a text or HTML file's bytes. The encoding is, in order: a byte order mark (UTF-8,
 * UTF-16LE/BE), UTF-16 recognised by its zero bytes, `options.charset` (a web archive's part
 * declares one), an HTML page's declared charset (GBK and GB2312 read as GB18030), UTF-8 when the
 * bytes are valid UTF-8, else GB18030. Throws
 * DocumentTextError naming `fileName` for binary data or bytes no encoding reads.
 */
export function decodeText(bytes: Uint8Array, fileName: string, options: { html?: boolean; charset?: string } = {}): string {
  const fail = (reason: string): never => {
    throw new DocumentTextError(fileName, reason);
  };
  const bom = bomEncoding(bytes);
  const guessed = bom?.encoding ?? bomlessUtf16(bytes) ?? encodingOf(options.charset) ?? (options.html ? declaredCharset(bytes) : undefined);
  let text: string | undefined;
  if (guessed) {
    text = decodeStrict(bytes.subarray(bom?.skip ?? 0), guessed);
    if (text === undefined) {
      fail(`无法按 ${guessed} 解码（文件编码与声明不符或已损坏）/ not valid ${guessed} (damaged or mislabelled file)`);
    }
  } else {
    text = decodeStrict(bytes, 'utf-8') ?? decodeStrict(bytes, 'gb18030');
    if (text === undefined) {
      fail('不是 UTF-8 或 GB18030 文本，可能是二进制文件 / neither UTF-8 nor GB18030 text (binary file?)');
    }
  }
  if (looksBinary(text ?? '')) fail('是二进制文件而不是文本 / binary data, not a text file');
  return text ?? '';
}
