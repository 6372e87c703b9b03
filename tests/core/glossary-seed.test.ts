// The curated seed glossary against the seed report itself, read at test time: one entry per
// footnote with the footnote's text verbatim, items split right, and aliases for how the body
// writes each term at its footnote mark. Plus the editorial file's required terms.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../src/core/glossary-parse';
import { countAnnouncedItems } from '../../src/core/numerals';
import type { GlossaryEntry, GlossaryFile } from '../../src/core/types';

const ROOT = new URL('../..', import.meta.url);
const SEED = readFileSync(fileURLToPath(new URL('sources/chuansha-2020h1.txt', ROOT)), 'utf8');

function load(name: string): GlossaryFile {
  const path = `glossary/${name}`;
  const parsed = parseGlossaryFile(path, readFileSync(fileURLToPath(new URL(path, ROOT)), 'utf8'));
  expect(parsed.problems).toEqual([]);
  return parsed.file!;
}

/** The report's notes: `[N: 、term：definition]`, definition trailing whitespace trimmed. */
function seedNotes(): Map<number, { term: string; definition: string }> {
  const notes = new Map<number, { term: string; definition: string }>();
  for (const match of SEED.matchAll(/\[(\d+): 、([^：\]]+)：([^\]]*)\]/g)) {
    notes.set(Number(match[1]), { term: match[2]!, definition: match[3]!.trimEnd() });
  }
  return notes;
}

const seed = load('chuansha-2020h1.yaml');
const byFootnote = new Map(seed.entries.map((entry) => [entry.source?.footnote, entry]));
const byId = new Map(seed.entries.map((entry) => [entry.id, entry]));

describe('glossary/chuansha-2020h1.yaml', () => {
  it('describes the report', () => {
    expect(seed.source).toMatchObject({ issuer: '川沙新镇人民政府', date: '2020-08-18', kind: 'footnotes' });
    expect(seed.source.title).toContain('川沙新镇');
  });

  it('has one official entry per footnote, 19 in all, each definition the footnote text verbatim', () => {
    const notes = seedNotes();
    expect(notes.size).toBe(19);
    expect(seed.entries).toHaveLength(19);
    for (const [number, note] of notes) {
      const entry = byFootnote.get(number);
      expect(entry, `footnote ${number} ${note.term}`).toBeDefined();
      expect(entry!.definition).toBe(note.definition);
      expect(entry!.status).toBe('official');
      expect(entry!.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('names each entry as the note does (quotes and a glued suffix may move into an alias)', () => {
    for (const [number, note] of seedNotes()) {
      const entry = byFootnote.get(number)!;
      expect([entry.term, ...(entry.aliases ?? [])], `footnote ${number}`).toContain(note.term);
    }
  });

  it('has an alias for the exact way the body writes each term at its footnote mark', () => {
    const body = SEED.replace(/\[\d+: 、[^\]]*\]/g, '');
    for (const mark of body.matchAll(/\[footnoteRef:(\d+)\]/g)) {
      const entry = byFootnote.get(Number(mark[1]))!;
      const before = body.slice(Math.max(0, mark.index - 20), mark.index);
      const forms = [entry.term, ...(entry.aliases ?? [])];
      expect(forms.some((form) => before.endsWith(form)), `${entry.term} before [footnoteRef:${mark[1]}]: …${before}`).toBe(true);
    }
  });

  // Each row: id, the item count, and items that must (or, negative rows, must not) be present.
  const itemCases: { id: string; count: number | undefined; includes?: string[] }[] = [
    { id: 'liu-wen', count: 6, includes: ['稳就业', '稳预期'] },
    { id: 'liu-bao', count: 6, includes: ['保居民就业', '保基层运转'] },
    { id: 'san-wen-san-deng-ji', count: 6, includes: ['问从哪里来', '身体发热必登记'] },
    { id: 'san-zhong-yi-da', count: 4, includes: ['大事项决策', '大额资金使用'] },
    { id: 'san-hui-yi-dai-li', count: 4, includes: ['群众事务代理制度'] },
    { id: 'wu-lian-ji-zhi', count: 5 },
    { id: 'san-ding', count: 3, includes: ['定人', '定时', '定岗'] },
    { id: 'si-da-gong-neng', count: 4 },
    { id: 'wu-da-bei-zeng-xing-dong', count: 5 },
    { id: 'san-xiang-gong-zuo', count: 3 },
    { id: 'san-yong-tu-di', count: 3 },
    { id: 'san-hui', count: 3 },
    { id: 'si-zhong-xing-tai', count: 4 },
    { id: 'nong-min-xiang-dui-ji-zhong-ju-zhu', count: undefined },
    { id: 'shi-wu-fen-zhong-fu-wu-quan', count: undefined },
    { id: 'qi-wu-pu-fa', count: undefined },
  ];
  it.each(itemCases)('$id has $count items', ({ id, count, includes }) => {
    const entry = byId.get(id)!;
    expect(entry.items?.length).toBe(count);
    for (const item of includes ?? []) expect(entry.items).toContain(item);
    const announced = countAnnouncedItems(entry.term);
    if (announced !== undefined && entry.items) expect(entry.items.length).toBe(announced);
  });

  it('keeps the source wording of footnote 16 and puts the correction in note', () => {
    const entry = byId.get('san-zhong-yi-da')!;
    expect(entry.definition!.startsWith('大事项决策')).toBe(true);
    expect(entry.note).toContain('重大事项决策');
  });

  it('covers the body forms named in the brief', () => {
    const forms = new Set(seed.entries.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]));
    for (const form of ['“三项”工作', '“三用”土地', '“三会一代理”制度', '“七五”普法', '“三会”制度', '“三重一大”制度', '浦东倍增行动', '“家门口”服务站']) {
      expect(forms, form).toContain(form);
    }
  });

  it('links 六稳 and 六保, 三会 and 三会一代理 both ways', () => {
    const linked = (a: string, b: string): boolean => (byId.get(a)?.related ?? []).includes(b);
    expect(linked('liu-wen', 'liu-bao') && linked('liu-bao', 'liu-wen')).toBe(true);
    expect(linked('san-hui', 'san-hui-yi-dai-li') && linked('san-hui-yi-dai-li', 'san-hui')).toBe(true);
  });

  it('gives every entry an English gloss and at least one tag', () => {
    for (const entry of seed.entries) {
      expect(entry.en, entry.id).toMatch(/[a-z]/);
      expect(entry.tags?.length, entry.id).toBeGreaterThan(0);
    }
  });
});

describe('glossary/editorial.yaml', () => {
  const editorial = load('editorial.yaml');
  const find = (term: string): GlossaryEntry | undefined =>
    editorial.entries.find((entry) => entry.term === term || (entry.aliases ?? []).includes(term));

  it('is an editorial source whose entries are all editorial', () => {
    expect(editorial.source.kind).toBe('editorial');
    expect(editorial.entries.every((entry) => entry.status === 'editorial' && !entry.source)).toBe(true);
  });

  it.each([
    '十四五', '五违', '两网融合', '人民城市人民建、人民城市为人民', '店小二', '蚂蚁雄兵', '腾笼换鸟', '帮扶到村',
    '乱点趋零化', '大包围、小分割、硬隔断', '城中村', '平战结合', '多表合一', '回头看', '大起底、大核查',
  ])('defines %s', (term) => {
    const entry = find(term);
    expect(entry?.definition?.length).toBeGreaterThan(5);
    expect(SEED).toContain(term.replace('、人民城市为人民', ''));
  });

  it('expands 五违 into its five violations', () => {
    expect(find('五违')?.items).toEqual(['违法用地', '违法建筑', '违法经营', '违法排污', '违法居住']);
  });
});
