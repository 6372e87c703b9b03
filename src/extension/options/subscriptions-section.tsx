// Options page, 订阅: what a subscription is, and subscribing to a glossary URL (the host
// permission is asked for at that moment).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostPattern } from '../sites';
import type { ExtensionStrings } from '../strings';
import { subscribe } from '../subscriptions';

/** The 订阅 section; subscribed packs are listed with the others under 词库. */
export function SubscriptionsSection({ t, onChange }: { t: ExtensionStrings; onChange: () => Promise<void> }) {
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const onSubscribe = async (): Promise<void> => {
    const wanted = url.trim();
    try {
      const host = new URL(wanted).hostname;
      await browser.permissions.request({ origins: [hostPattern(host)] });
      const record = await subscribe(wanted);
      setStatus({ ok: true, text: t.subscribed(record.name) });
      setUrl('');
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
    await onChange();
  };
  return (
    <section id="subscriptions" aria-labelledby="subscriptions-h">
      <h2 id="subscriptions-h">{t.subscriptions}</h2>
      <p class="pg-hint">{t.subscriptionsHint}</p>
      <label for="subscribe-url">{t.subscribe}</label>
      <div class="pg-row">
        <input id="subscribe-url" type="url" placeholder={t.subscribePlaceholder} value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="button" onClick={() => void onSubscribe()} disabled={!url.trim()}>
          {t.subscribeButton}
        </button>
      </div>
      {status && <p class={status.ok ? 'pg-status' : 'pg-status pg-error'}>{status.text}</p>}
    </section>
  );
}
