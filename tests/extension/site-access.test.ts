import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONTENT_SCRIPT_FILES, syncRegisteredHosts } from '../../src/extension/site-access';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
}

/**
 * The scripting API as Chromium keeps it (WXT's fake browser has none): one registry, each call
 * recorded, and the errors Chromium gives for a second registration or a missing one.
 */
function fakeScripting(granted: string[]) {
  const registry = new Map<string, Registered>();
  const calls: string[] = [];
  const copy = (script: Registered): Registered => ({ ...script, matches: [...(script.matches ?? [])], js: [...(script.js ?? [])] });
  const scripting = {
    getRegisteredContentScripts: async ({ ids }: { ids: string[] }) => ids.flatMap((id) => (registry.has(id) ? [copy(registry.get(id)!)] : [])),
    registerContentScripts: async (scripts: Registered[]) => {
      calls.push('register');
      for (const script of scripts) {
        if (registry.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        registry.set(script.id, copy(script));
      }
    },
    updateContentScripts: async (scripts: Registered[]) => {
      calls.push('update');
      for (const script of scripts) {
        if (!registry.has(script.id)) throw new Error(`Nonexistent script ID '${script.id}'`);
        registry.set(script.id, { ...registry.get(script.id)!, ...copy(script) });
      }
    },
    unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
      calls.push('unregister');
      for (const id of ids) if (!registry.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    },
  };
  Object.assign(fakeBrowser, { scripting });
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.some((host) => origin.includes(`//${host}/`))),
  });
  return { registry, calls };
}

describe('the content script registered for the sites a user turned on', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('registers the granted hosts once, leaves an unchanged registration alone, changes it in place, and takes it away when none is left', async () => {
    const { registry, calls } = fakeScripting(['news.example.com', 'www.example.org']);
    expect(await syncRegisteredHosts(['news.example.com', 'not-granted.example.net'])).toEqual(['news.example.com']);
    const [registered] = [...registry.values()];
    expect(registered?.matches).toEqual(['*://news.example.com/*']);
    expect(registered?.js).toEqual(CONTENT_SCRIPT_FILES.map((file) => file.slice(1)));
    expect(calls).toEqual(['register']);

    // Turning a site on syncs twice (the background's answer and its settings watcher): the second
    // must not take the registration away and add it again.
    await Promise.all([syncRegisteredHosts(['news.example.com']), syncRegisteredHosts(['news.example.com'])]);
    expect(calls).toEqual(['register']);

    await syncRegisteredHosts(['news.example.com', 'www.example.org']);
    expect(calls).toEqual(['register', 'update']);
    expect(registry.size).toBe(1);
    expect([...registry.values()][0]?.matches).toEqual(['*://news.example.com/*', '*://www.example.org/*']);

    await syncRegisteredHosts([]);
    await syncRegisteredHosts([]);
    expect(calls).toEqual(['register', 'update', 'unregister']);
    expect(registry.size).toBe(0);
  });

  it('changes in place a registration it finds naming other files (an older build’s)', async () => {
    const { registry, calls } = fakeScripting(['news.example.com']);
    registry.set('policy-glossary-user-sites', { id: 'policy-glossary-user-sites', matches: ['*://news.example.com/*'], js: ['content-scripts/old.js'] });
    await syncRegisteredHosts(['news.example.com']);
    expect(calls).toEqual(['update']);
    expect([...registry.values()][0]?.js).toEqual(CONTENT_SCRIPT_FILES.map((file) => file.slice(1)));
  });
});
