// Look-alike CJK characters made plain: many PDF writers map CJK glyphs to Kangxi radicals
// (⼯ U+2F2F for 工) or compatibility ideographs, which look right but match and copy wrong.
// Each such character becomes its unified ideograph, one for one, so offsets and widths hold.
// Used by the PDF viewer's text layer and by the importer's PDF reader.

/** Kangxi radicals, CJK radicals supplement and compatibility ideographs. */
const LOOKALIKE = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g;

/**
 * Radicals-supplement forms that stand for a whole character (mostly simplified ones) and have no
 * Unicode compatibility mapping; component-only forms (⻖, ⻈) are left alone.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e8a': '卜', '\u2e92': '巳', '\u2e93': '幺', '\u2e9d': '月', '\u2ea0': '民', '\u2ea9': '王',
  '\u2ebc': '月', '\u2ec1': '虎', '\u2ec4': '西', '\u2ec5': '见', '\u2ec6': '角', '\u2ec9': '贝',
  '\u2ecb': '车', '\u2ed3': '长', '\u2ed4': '门', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页',
  '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼',
  '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄', '\u2eea': '黾',
  '\u2eec': '齐', '\u2eee': '齿', '\u2eef': '竜', '\u2ef0': '龙', '\u2ef3': '龟',
};

/** `text` with look-alike CJK characters replaced by their unified ideographs (same length). */
export function unifyCjk(text: string): string {
  if (!LOOKALIKE.test(text)) return text;
  LOOKALIKE.lastIndex = 0;
  return text.replace(LOOKALIKE, (ch) => {
    const unified = SUPPLEMENT[ch] ?? ch.normalize('NFKC');
    // Only one-for-one replacements: a radical without a unified form stays as it is.
    return unified.length === 1 ? unified : ch;
  });
}
