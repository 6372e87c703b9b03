// jsonItem (storage-item.ts): large values stored as one JSON string, values an earlier version
// stored as objects still read, changes reported parsed.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { jsonItem } from '../../src/extension/storage-item';

beforeEach(() => fakeBrowser.reset());

describe('jsonItem', () => {
  const item = jsonItem<{ hash: string; entries: string[] } | null>('pack:test', null);

  it('stores the value as one JSON string and reads it back', async () => {
    await item.setValue({ hash: 'h1', entries: ['六稳', '六保'] });
    expect(typeof (await fakeBrowser.storage.local.get('pack:test'))['pack:test']).toBe('string');
    expect(await item.getValue()).toEqual({ hash: 'h1', entries: ['六稳', '六保'] });
  });

  it('reads a value an earlier version stored as objects, and the fallback when there is none', async () => {
    expect(await item.getValue()).toBeNull();
    await fakeBrowser.storage.local.set({ 'pack:test': { hash: 'old', entries: ['六稳'] } });
    expect(await item.getValue()).toEqual({ hash: 'old', entries: ['六稳'] });
  });

  it('reports changes parsed, and the fallback once removed', async () => {
    const seen: unknown[] = [];
    const stop = item.watch((value) => seen.push(value));
    await item.setValue({ hash: 'h2', entries: [] });
    await item.removeValue();
    stop();
    expect(seen).toEqual([{ hash: 'h2', entries: [] }, null]);
  });
});
