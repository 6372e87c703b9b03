import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getPack, listPacks } from '../../src/extension/store';
import { getMergedPack } from '../../src/extension/merged-pack';
import { subscribe, subscriptionId, updateAllSubscriptions, updateSubscription } from '../../src/extension/subscriptions';
import { LIU_BAO, LIU_WEN, makePack } from './helpers';

const URL_A = 'https://www.example.gov.cn/glossary.json';

beforeEach(() => {
  fakeBrowser.reset();
});

type Reply = { status: number; body?: string; headers?: Record<string, string> } | Error;

/** A fetch that answers from a list and records the request headers. */
function fakeFetch(...replies: Reply[]) {
  const requests: Record<string, string>[] = [];
  const fn = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    requests.push({ ...(init?.headers as Record<string, string>) });
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies');
    if (reply instanceof Error) throw reply;
    return new Response(reply.status === 304 ? null : (reply.body ?? ''), { status: reply.status, headers: reply.headers });
  });
  return { fetch: fn as unknown as typeof fetch, requests };
}

const ok = (entries = [LIU_WEN], headers: Record<string, string> = {}): Reply => ({ status: 200, body: JSON.stringify(makePack(entries)), headers });

describe('subscribing', () => {
  it('stores a valid pack with its validators', async () => {
    const server = fakeFetch(ok([LIU_WEN], { ETag: '"v1"', 'Last-Modified': 'Wed, 01 Jan 2025 00:00:00 GMT' }));
    const record = await subscribe(URL_A, server.fetch, 1000);
    expect(record).toMatchObject({ id: subscriptionId(URL_A), kind: 'url', enabled: true, etag: '"v1"', lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT', entries: 1 });
    expect(server.requests[0]).toEqual({});
    expect((await getMergedPack())?.entries.map((e) => e.term)).toEqual(['六稳']);
  });

  it.each([
    ['an invalid pack', { status: 200, body: '{"schemaVersion":1}' } as Reply, /术语包/],
    ['an HTTP error', { status: 404, body: 'not found' } as Reply, /404/],
    ['a network error', new TypeError('Failed to fetch'), /Failed to fetch/],
  ])('stores nothing when the URL gives %s', async (_name, reply, message) => {
    const server = fakeFetch(reply);
    await expect(subscribe(URL_A, server.fetch)).rejects.toThrow(message);
    expect(await listPacks()).toEqual([]);
  });

  it.each(['ftp://example.gov.cn/g.json', 'javascript:alert(1)', 'not a url'])('refuses %s', async (url) => {
    const server = fakeFetch(ok());
    await expect(subscribe(url, server.fetch)).rejects.toThrow(/http|网址/);
    expect(server.fetch).not.toHaveBeenCalled();
  });
});

describe('updating a subscription', () => {
  const setup = async () => {
    await subscribe(URL_A, fakeFetch(ok([LIU_WEN], { ETag: '"v1"', 'Last-Modified': 'Wed, 01 Jan 2025 00:00:00 GMT' })).fetch, 1000);
    const [record] = await listPacks();
    return record!;
  };

  it('asks with If-None-Match / If-Modified-Since and keeps the pack on 304', async () => {
    const record = await setup();
    const server = fakeFetch({ status: 304 });
    const result = await updateSubscription(record, server.fetch, 2000);
    expect(server.requests[0]).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Wed, 01 Jan 2025 00:00:00 GMT' });
    expect(result.status).toBe('unchanged');
    expect(result.record).toMatchObject({ checkedAt: 2000, updatedAt: 1000, etag: '"v1"' });
  });

  it('replaces the pack and validators when the server has a new version', async () => {
    const record = await setup();
    const result = await updateSubscription(record, fakeFetch(ok([LIU_WEN, LIU_BAO], { ETag: '"v2"' })).fetch, 3000);
    expect(result.status).toBe('updated');
    expect(result.record).toMatchObject({ etag: '"v2"', entries: 2, updatedAt: 3000, checkedAt: 3000 });
    expect((await getMergedPack())?.entries.map((e) => e.term)).toEqual(['六稳', '六保']);
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' } as Reply, /500/],
    ['an invalid pack', { status: 200, body: '<html>maintenance</html>' } as Reply, /JSON/],
    ['a pack of an unknown version', { status: 200, body: JSON.stringify({ ...makePack([LIU_BAO]), schemaVersion: 7 }) } as Reply, /7/],
    ['a network error', new TypeError('Failed to fetch'), /Failed to fetch/],
  ])('keeps the last good copy after %s and records the error', async (_name, reply, message) => {
    const record = await setup();
    const before = await getPack(record.id);
    const result = await updateSubscription(record, fakeFetch(reply).fetch, 4000);
    expect(result.status).toBe('failed');
    expect(result.record.error).toMatch(message);
    expect(result.record).toMatchObject({ etag: '"v1"', checkedAt: 4000, entries: 1 });
    expect(await getPack(record.id)).toEqual(before);
    expect((await getMergedPack())?.entries.map((e) => e.term)).toEqual(['六稳']);
  });

  it('clears the error after the next good update', async () => {
    const record = await setup();
    await updateSubscription(record, fakeFetch({ status: 500 }).fetch, 4000);
    const [failed] = await listPacks();
    const result = await updateSubscription(failed!, fakeFetch({ status: 304 }).fetch, 5000);
    expect(result.record.error).toBeUndefined();
  });

  it('updates every subscription but not the other packs', async () => {
    await setup();
    const server = fakeFetch({ status: 304 });
    const results = await updateAllSubscriptions(server.fetch, 6000);
    expect(results.map((r) => r.status)).toEqual(['unchanged']);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });
});
