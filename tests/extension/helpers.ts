// Small packs and entries written for the extension tests (not taken from the real glossary).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hashPackContent } from '../../src/core/glossary-hash';
import { PACK_SCHEMA_VERSION, type GlossaryEntry, type GlossaryPack, type PackEntry } from '../../src/core/types';

/** A fresh fake browser speaking `uiLanguage`, and an empty page holding `#app` to mount the popup or the options page in. */
export function freshExtensionPage(uiLanguage: string): void {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { i18n: { getUILanguage: () => uiLanguage } });
  document.body.innerHTML = '<div id="app"></div>';
}

/** A pack entry with forms derived from term and aliases. */
export function packEntry(entry: Partial<PackEntry> & Pick<GlossaryEntry, 'id' | 'term'>): PackEntry {
  return {
    status: 'official',
    doc: 0,
    forms: [...new Set([entry.term, ...(entry.aliases ?? [])])],
    keys: [],
    ...entry,
  };
}

/** A complete, hashed pack. */
export function makePack(entries: PackEntry[], title = '测试文件'): GlossaryPack {
  const content = { schemaVersion: PACK_SCHEMA_VERSION as typeof PACK_SCHEMA_VERSION, documents: [{ title, kind: 'footnotes' as const }], entries, variants: {} };
  return { ...content, hash: hashPackContent(content) };
}

export const LIU_WEN = packEntry({ id: 'liu-wen', term: '六稳', items: ['稳就业', '稳金融', '稳外贸', '稳外资', '稳投资', '稳预期'], definition: '稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期。' });
export const LIU_BAO = packEntry({ id: 'liu-bao', term: '六保', definition: '保居民就业、保基本民生…' });
