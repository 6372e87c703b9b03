import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIU_BAO, LIU_WEN } from './helpers';

const asked: { type?: string; text?: string; entryIds: string[]; resolve: (answer: unknown) => void; reject: (error: unknown) => void }[] = [];
vi.mock('../../src/extension/respond', () => ({
  askBackground: (message: { type: string; text?: string; entryIds: string[] }) => new Promise((resolve, reject) => asked.push({ ...message, resolve, reject })),
}));
const { createEntryRequests } = await import('../../src/extension/entry-requests');
const { ENTRY_BATCH } = await import('../../src/extension/messages');

const CLUES = { host: 'www.pudong.gov.cn', title: '报告', footerText: '' };
const answer = (hash: string, entries = [LIU_WEN], senses = {}) => ({ hash, entries, documents: { 0: { title: '测试文件', kind: 'footnotes' } }, senses });
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  asked.length = 0;
});

describe('entry requests', () => {
  it('asks for each entry once, in batches, and keeps what comes back for the UI', async () => {
    const onAnswer = vi.fn();
    const requests = createEntryRequests(() => CLUES, onAnswer);
    const many = Array.from({ length: ENTRY_BATCH + 1 }, (_, i) => `e${i}`);
    requests.ask('h1', ['liu-wen', 'liu-wen', ...many]);
    requests.ask('h1', ['liu-wen']);
    expect(asked.map((a) => a.entryIds.length)).toEqual([ENTRY_BATCH, 2]);
    asked[0]!.resolve(answer('h1', [LIU_WEN], { 'liu-wen': { shown: 'liu-wen', kind: 'this-place', others: ['liu-bao'] } }));
    await flush();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    expect(requests.pack().entries.map((e) => e.id)).toEqual(['liu-wen']);
    expect(requests.pack().documents[0]?.title).toBe('测试文件');
    // The sense's other entries not received are left out, never invented.
    expect(requests.choose('h1', 'liu-wen')).toEqual({ shown: LIU_WEN, kind: 'this-place', others: [] });
    expect(requests.choose('h2', 'liu-wen')).toBeUndefined();
    expect(requests.choose('h1', 'liu-bao')).toBeUndefined();
  });

  it('drops an answer for another glossary and a failed request, and asks those entries again', async () => {
    const onAnswer = vi.fn();
    const requests = createEntryRequests(() => CLUES, onAnswer);
    requests.ask('h1', ['liu-wen']);
    asked[0]!.resolve(answer('h0'));
    requests.ask('h1', ['liu-bao']);
    asked[1]!.reject(new Error('no background'));
    await flush();
    expect(onAnswer).not.toHaveBeenCalled();
    expect(requests.pack().entries).toEqual([]);
    requests.ask('h1', ['liu-wen', 'liu-bao']);
    expect(asked[2]?.entryIds).toEqual(['liu-wen', 'liu-bao']);
  });

  it('starts over for a new glossary, and an answer for the old one no longer counts', async () => {
    const onAnswer = vi.fn();
    const requests = createEntryRequests(() => CLUES, onAnswer);
    requests.ask('h1', ['liu-wen']);
    requests.ask('h2', ['liu-wen']);
    expect(asked).toHaveLength(2);
    asked[0]!.resolve(answer('h1', [LIU_BAO]));
    await flush();
    expect(onAnswer).not.toHaveBeenCalled();
    expect(requests.pack().hash).toBe('h2');
    expect(requests.pack().entries).toEqual([]);
  });

  it('asks the background about an unknown slogan once, and gives its entries once they come; another glossary’s answer is dropped', async () => {
    const onAnswer = vi.fn();
    const requests = createEntryRequests(() => CLUES, onAnswer);
    expect(requests.slogan('h1', '五个一批')).toBeUndefined();
    expect(requests.slogan('h1', '五个一批')).toBeUndefined();
    expect(asked.map((a) => [a.type, a.text])).toEqual([['pg:slogan-usage', '五个一批']]);
    asked[0]!.resolve({ hash: 'h1', close: [], otherNumbers: ['liu-bao'], usedIn: ['liu-wen', 'missing'], usedInCount: 5, entries: [LIU_WEN, LIU_BAO], documents: { 0: { title: '测试文件', kind: 'footnotes' } } });
    await flush();
    expect(onAnswer).toHaveBeenCalledTimes(1);
    // An id whose entry did not come is left out, never invented.
    expect(requests.slogan('h1', '五个一批')).toEqual({ close: [], otherNumbers: [LIU_BAO], usedIn: [LIU_WEN], usedInCount: 5 });
    expect(requests.pack().entries.map((e) => e.id).sort()).toEqual(['liu-bao', 'liu-wen']);
    requests.slogan('h1', '三个一批');
    asked[1]!.resolve({ hash: 'h0', close: [], otherNumbers: [], usedIn: [], usedInCount: 0, entries: [], documents: {} });
    await flush();
    expect(requests.slogan('h1', '三个一批')).toBeUndefined();
    expect(asked).toHaveLength(3);
  });
});
