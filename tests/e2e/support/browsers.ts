// Launches Debian's Chromium and Firefox ESR through puppeteer-core, optionally with an
// unpacked extension installed, resolving government host names to loopback.
import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

/** Host names the tests serve on 127.0.0.1 (a government one and an ordinary one). */
export const GOV_HOST = 'www.pudong.gov.cn';
export const OTHER_HOST = 'news.example.com';
/** Three cities' government sites, for the page's own place (extension-places.test.ts). */
export const PLACE_HOSTS = { changsha: 'www.changsha.gov.cn', zhuzhou: 'www.zhuzhou.gov.cn', xiangtan: 'www.xiangtan.gov.cn' } as const;
export const TEST_HOSTS = [GOV_HOST, OTHER_HOST, 'www.chuansha.gov.cn', ...Object.values(PLACE_HOSTS)];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchOptions {
  /** Unpacked extension folder (e.g. .output/chrome-mv3) to install. */
  extension?: string;
  /** Emulated `prefers-color-scheme`. */
  colorScheme?: 'light' | 'dark';
  /** Extra Firefox preferences (e.g. fixed moz-extension UUIDs, no permission prompts). */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** More host names resolved to 127.0.0.1 besides TEST_HOSTS (e.g. www.gov.cn for evaluation scripts). */
  hosts?: readonly string[];
}

export interface LaunchedBrowser {
  browser: Browser;
  /** The installed extension's id, when one was installed. */
  extensionId?: string;
  close: () => Promise<void>;
}

/** Starts a headless browser; the caller must `close()` it. */
export async function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  let browser: Browser;
  const hosts = [...TEST_HOSTS, ...(options.hosts ?? [])];
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      pipe: true,
      enableExtensions: options.extension !== undefined,
      userDataDir: mkdtempSync(join(tmpdir(), 'pg-chromium-')),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      ],
    });
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      extraPrefsFirefox: {
        'network.dns.localDomains': hosts.join(','),
        'extensions.experiments.enabled': false,
        'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
        ...options.firefoxPrefs,
      },
    });
  }
  let extensionId: string | undefined;
  if (options.extension) extensionId = await browser.installExtension(options.extension);
  return { browser, extensionId, close: () => browser.close() };
}
