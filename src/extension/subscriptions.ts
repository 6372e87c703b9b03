// Subscribed glossary URLs (a town website publishes its glossary.json): conditional updates with
// ETag / If-Modified-Since, and the last good copy kept whenever an update fails.
import { parsePack } from '../core/pack';
import { listPacks, savePack, updatePackRecord, type PackRecord } from './store';

/** Alarm that triggers the periodic update. */
export const SUBSCRIPTION_ALARM = 'policy-glossary-subscriptions';

/** Minutes between two updates of every subscription. */
export const SUBSCRIPTION_PERIOD_MINUTES = 360;

/** Outcome of one update, for the options page. */
export type UpdateResult =
  | { status: 'updated'; record: PackRecord }
  | { status: 'unchanged'; record: PackRecord }
  | { status: 'failed'; record: PackRecord; error: string };

/** The id of the pack subscribed from `url`. */
export function subscriptionId(url: string): string {
  return `url:${url}`;
}

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`不是有效的网址 / Not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`只能订阅 http(s) 网址 / Only http(s) URLs can be subscribed: ${url}`);
  }
  return parsed.href;
}

async function download(url: string, record: PackRecord | undefined, fetchFn: typeof fetch) {
  const headers: Record<string, string> = {};
  if (record?.etag) headers['If-None-Match'] = record.etag;
  if (record?.lastModified) headers['If-Modified-Since'] = record.lastModified;
  const response = await fetchFn(url, { headers, cache: 'no-cache', credentials: 'omit' });
  if (response.status === 304) return { notModified: true as const };
  if (!response.ok) throw new Error(`服务器返回 ${response.status} / Server answered ${response.status} ${response.statusText}`);
  const pack = parsePack(await response.text());
  return {
    notModified: false as const,
    pack,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
}

/**
 * Subscribes to a glossary URL: downloads and validates it first, and stores nothing when
 * that fails (the error is thrown for the options page to show).
 */
export async function subscribe(url: string, fetchFn: typeof fetch = fetch, now = Date.now()): Promise<PackRecord> {
  const href = checkUrl(url);
  const id = subscriptionId(href);
  if ((await listPacks()).some((r) => r.id === id)) throw new Error(`已订阅该网址 / Already subscribed: ${href}`);
  const result = await download(href, undefined, fetchFn);
  if (result.notModified) throw new Error(`服务器未返回词库 / The server sent no glossary: ${href}`);
  return savePack({ id, kind: 'url', name: href, url: href, enabled: true, etag: result.etag, lastModified: result.lastModified, checkedAt: now }, result.pack, now);
}

/**
 * Updates one subscription. A 304, a network error, an HTTP error or an invalid pack all
 * leave the stored pack as it was; only the check time and error message change.
 */
export async function updateSubscription(record: PackRecord, fetchFn: typeof fetch = fetch, now = Date.now()): Promise<UpdateResult> {
  const url = record.url ?? record.name;
  try {
    const result = await download(url, record, fetchFn);
    if (result.notModified) {
      const next = await updatePackRecord(record.id, { checkedAt: now, error: undefined });
      return { status: 'unchanged', record: next ?? record };
    }
    const next = await savePack(
      { ...record, etag: result.etag, lastModified: result.lastModified, checkedAt: now, error: undefined },
      result.pack,
      now,
    );
    return { status: 'updated', record: next };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const next = await updatePackRecord(record.id, { checkedAt: now, error: message });
    return { status: 'failed', record: next ?? record, error: message };
  }
}

/** Updates every subscription, one after the other. */
export async function updateAllSubscriptions(fetchFn: typeof fetch = fetch, now = Date.now()): Promise<UpdateResult[]> {
  const results: UpdateResult[] = [];
  for (const record of await listPacks()) {
    if (record.kind === 'url') results.push(await updateSubscription(record, fetchFn, now));
  }
  return results;
}
