// The pure SHA-256 must agree with Node's, and canonical JSON must not depend on key order.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalJson, hashPackContent, hashPackContentNative, sha256Hex, sha256HexNative } from '../../src/core/glossary-hash';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('known vector %j', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it.each([55, 56, 63, 64, 65, 119, 1000])('agrees with node:crypto on %i bytes of Chinese text and ASCII', (length) => {
    const text = '六稳x'.repeat(length).slice(0, length);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    const bytes = new Uint8Array(length).map((_, i) => (i * 31) & 0xff);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('sha256HexNative', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([0, 1, 64, 1000])('gives the pure SHA-256 of %i characters of Chinese text, by Web Crypto and without it', async (length) => {
    const text = '六稳x'.repeat(length).slice(0, length);
    expect(await sha256HexNative(text)).toBe(sha256Hex(text));
    vi.stubGlobal('crypto', undefined);
    expect(await sha256HexNative(text)).toBe(sha256Hex(text));
  });

  it('hashPackContentNative is hashPackContent', async () => {
    const pack = { schemaVersion: 1, entries: [{ id: 'a', term: '六稳' }], documents: [], hash: 'x' };
    expect(await hashPackContentNative(pack)).toBe(hashPackContent(pack));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order, drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('hashPackContent ignores the hash field and key order, but not content', () => {
    const pack = { schemaVersion: 1, entries: [{ id: 'a' }], hash: 'x' };
    expect(hashPackContent(pack)).toBe(hashPackContent({ hash: 'other', entries: [{ id: 'a' }], schemaVersion: 1 }));
    expect(hashPackContent(pack)).not.toBe(hashPackContent({ ...pack, entries: [{ id: 'b' }] }));
  });
});
