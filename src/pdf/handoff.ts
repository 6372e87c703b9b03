// A PDF chosen on this computer while the viewer shows another document: its bytes handed to the
// viewer page that opens it next, through the extension's own IndexedDB. The next page is a fresh
// load of the viewer (the document before it stays in the tab's history), so nothing of the first
// document's viewer has to be taken apart; the bytes are deleted as soon as that page reads them,
// and any left behind (a page closed before it read them) when the next hand-off is made or taken.
// The file never leaves the browser.

const DB_NAME = 'policy-glossary-viewer';
const STORE = 'handoff';
/** A hand-off not taken within this time is deleted by the next one made or taken. */
const MAX_AGE_MS = 5 * 60_000;

interface HandedOff {
  id: string;
  name: string;
  data: ArrayBuffer;
  at: number;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

/** Runs `work` in one read-write transaction of the store; resolves with its result once committed. */
async function inStore<T>(work: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  const db = await openDatabase();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const transaction = db.transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      const request = work(store);
      // Older hand-offs that were never taken go in the same transaction (after `work`'s request).
      const stale = store.openCursor();
      stale.onsuccess = () => {
        const cursor = stale.result;
        if (!cursor) return;
        if (Date.now() - (cursor.value as HandedOff).at > MAX_AGE_MS) cursor.delete();
        cursor.continue();
      };
      transaction.oncomplete = () => resolve(request?.result);
      transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
      transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

/** Keeps `data` (a file named `name`) for the next viewer page; the key that page asks for. */
export async function handOffFile(name: string, data: ArrayBuffer): Promise<string> {
  const id = crypto.randomUUID();
  await inStore((store) => store.put({ id, name, data, at: Date.now() } satisfies HandedOff));
  return id;
}

/** The file handed off under `id`, deleted as it is read; undefined when there is none (already taken). */
export async function takeHandedOffFile(id: string): Promise<{ name: string; data: Uint8Array } | undefined> {
  let found: HandedOff | undefined;
  await inStore((store) => {
    const request = store.get(id);
    request.onsuccess = () => {
      found = request.result as HandedOff | undefined;
      if (found) store.delete(id);
    };
    return request;
  });
  return found ? { name: found.name, data: new Uint8Array(found.data) } : undefined;
}
