import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountOptions } from '../../src/extension/options';
import { mountPopup } from '../../src/extension/popup';
import { savePack, setUserEntries } from '../../src/extension/store';
import { makePack, packEntry } from './helpers';

const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';
const SCRIPT = '</script><script>globalThis.pwned=1</script>';

const settle = () => new Promise((r) => setTimeout(r, 100));
const pwned = () => (globalThis as { pwned?: number }).pwned;

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser, { i18n: { getUILanguage: () => 'zh-CN' } });
  document.body.innerHTML = '<div id="app"></div>';
  await savePack(
    { id: 'file:evil.json', kind: 'file', name: `evil${HOSTILE}.json`, enabled: true },
    makePack([packEntry({ id: 'evil', term: `六稳${HOSTILE}`, aliases: ['liuwen'], definition: `${SCRIPT}{{constructor.constructor('return 1')()}}\u202Egnp.exe` })]),
  );
  await setUserEntries([{ id: 'mine', term: `三会${HOSTILE}`, definition: 'javascript:alert(1)', status: 'editorial' }]);
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('hostile glossary text in the extension pages', () => {
  it('shows pack names and user entries on the options page as text', async () => {
    mountOptions(document.getElementById('app')!);
    await settle();
    const text = document.body.textContent ?? '';
    expect(text).toContain(`evil${HOSTILE}.json`);
    expect(text).toContain(`三会${HOSTILE}`);
    expect(text).toContain('javascript:alert(1)');
    expect(document.querySelectorAll('img, script, a[href^="javascript"]')).toHaveLength(0);
    expect(pwned()).toBeUndefined();
  });

  it('shows search results in the popup as text', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://news.example.com/', active: true });
    history.replaceState(null, '', `?tab=${tab.id}`);
    mountPopup(document.getElementById('app')!);
    await settle();
    // The popup draws its search once its settings are read (a busy machine may take longer than one settle).
    const input = await vi.waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (!found) throw new Error('the popup’s search field is not drawn yet');
      return found;
    });
    input.value = '六稳';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    const result = await vi.waitFor(() => {
      const found = document.querySelector<HTMLButtonElement>('[data-list="search"] button');
      if (!found) throw new Error('no search result yet');
      return found;
    });
    expect(result.querySelector('.pg-result-term')?.textContent).toBe(`六稳${HOSTILE}`);
    // The one-line definition under the term, as text too.
    expect(result.querySelector('[data-field="definition"]')?.textContent).toContain(SCRIPT);
    result.click();
    await settle();
    expect(document.body.textContent).toContain(SCRIPT);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
    expect(pwned()).toBeUndefined();
  });
});
