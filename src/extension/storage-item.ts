// One value in browser.storage.local with a fallback and change notifications. Small on purpose:
// the content script reads settings and the merged pack through it and must stay within budget.
import { browser } from 'wxt/browser';

/** A typed storage.local entry. */
export interface StorageItem<T> {
  readonly key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls `listener` with the new value (the fallback once removed); returns the unsubscribe. */
  watch(listener: (value: T) => void): () => void;
}

/** Defines the storage.local entry `key`, read as `fallback` while absent. */
export function localItem<T>(key: string, fallback: T): StorageItem<T> {
  return {
    key,
    async getValue() {
      const stored = (await browser.storage.local.get(key))[key] as T | undefined;
      return stored ?? fallback;
    },
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    removeValue: () => browser.storage.local.remove(key),
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
        const change = changes[key];
        if (area === 'local' && change) listener((change.newValue as T | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(onChanged);
      return () => browser.storage.onChanged.removeListener(onChanged);
    },
  };
}
