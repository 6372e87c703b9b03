// The first-run page the background opens on install: the product in three sentences, one term
// explained as the tooltip would explain it, and the way to the settings.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { GlossaryPack, PackEntry } from '../core/types';
import { EntryCard } from '../ui/entry-card';
import { createStrings } from '../ui/strings';
import { exampleEntry, watchGlossary } from './glossary-access';
import { applyPageStyles } from './page-styles';
import { loadSettings, watchSettings, type ExtensionSettings } from './settings';
import { currentStrings, pageLocale } from './strings';

/** The term of the example sentence. */
const EXAMPLE_TERM = '六稳';

function Welcome() {
  const [settings, setSettings] = useState<ExtensionSettings>();
  const [example, setExample] = useState<{ pack: GlossaryPack; entry: PackEntry }>();
  useEffect(() => {
    void loadSettings().then(setSettings);
    const unwatchSettings = watchSettings(setSettings);
    // One example is enough: stop listening once it is found, so a glossary rebuilt later (an
    // import, a subscription) is not read again by a page that no longer needs it.
    let found = false;
    const unwatchGlossary = watchGlossary((pack) => {
      const entry = found ? undefined : exampleEntry(pack, EXAMPLE_TERM);
      if (!entry) return;
      found = true;
      setExample({ pack, entry });
      queueMicrotask(() => unwatchGlossary());
    });
    return () => {
      unwatchSettings();
      unwatchGlossary();
    };
  }, []);
  const t = settings ? currentStrings(settings.language) : undefined;
  useEffect(() => {
    if (t) document.documentElement.lang = t.lang;
  }, [t?.lang]);
  if (!settings || !t) return null;
  const ui = createStrings(pageLocale(settings.language));
  const term = example?.entry.term ?? EXAMPLE_TERM;
  return (
    <main class="pg-root pg-auto pg-page pg-welcome" lang={t.lang}>
      <h1>{t.welcomeTitle}</h1>
      <ol class="pg-lead-list">
        {t.welcomeLead.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ol>
      <section class="pg-example" aria-labelledby="example-h">
        <h2 id="example-h">{t.welcomeExample}</h2>
        <p class="pg-sample" lang="zh-CN">
          {t.welcomeExampleBefore}“<mark class="pg-sample-term">{term}</mark>”{t.welcomeExampleAfter}
        </p>
        {example ? (
          <div class="pg-sample-tip" data-example={example.entry.id}>
            <EntryCard entry={example.entry} pack={example.pack} strings={ui} headingId="example-term" />
          </div>
        ) : (
          <p class="pg-status">{t.welcomeLoading}</p>
        )}
      </section>
      <p class="pg-lead">{t.welcomeNext}</p>
      <p>
        <button type="button" class="pg-primary" data-action="open-options" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.openOptions}
        </button>
      </p>
    </main>
  );
}

/** Renders the first-run page into `root`. */
export function mountWelcome(root: HTMLElement): void {
  applyPageStyles(root.ownerDocument);
  render(<Welcome />, root);
}
