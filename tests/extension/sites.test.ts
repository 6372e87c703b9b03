import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ExtensionSettings } from '../../src/extension/settings';
import { hostPattern, isBundledHost, LOCAL_FILES, siteHost, siteState, type SiteState } from '../../src/extension/sites';

const settings = (change: Partial<ExtensionSettings> = {}): ExtensionSettings => ({ ...DEFAULT_SETTINGS, ...change });

describe('isBundledHost', () => {
  it.each([
    ['www.pudong.gov.cn', true],
    ['gov.cn', true],
    ['WWW.SHANGHAI.GOV.CN', true],
    ['www.12371.cn', true],
    ['news.example.com', false],
    ['gov.cn.example.com', false],
    ['evilgov.cn', false],
    ['www.gov.com', false],
    [LOCAL_FILES, true],
    ['file', false],
  ])('%s → %s', (host, expected) => {
    expect(isBundledHost(host)).toBe(expected);
  });
});

describe('siteHost', () => {
  it.each([
    ['http://www.pudong.gov.cn:8080/a?b', 'www.pudong.gov.cn'],
    ['https://News.Example.com/', 'news.example.com'],
    ['about:blank', undefined],
    ['chrome-extension://abc/popup.html', undefined],
    ['file:///tmp/x.html', LOCAL_FILES],
    ['file:///C:/Users/a/Desktop/%E6%8A%A5%E5%91%8A.htm', LOCAL_FILES],
    ['not a url', undefined],
    [undefined, undefined],
  ])('%s → %s', (url, expected) => {
    expect(siteHost(url)).toBe(expected);
  });

  it('turns a host into a match pattern for every scheme and port', () => {
    expect(hostPattern('news.example.com')).toBe('*://news.example.com/*');
  });
});

describe('siteState', () => {
  const gov = 'http://www.pudong.gov.cn:4000/report.html';
  const other = 'http://news.example.com:4000/';
  it.each<[string, ExtensionSettings, string, SiteState]>([
    ['a government site is on by default', settings(), gov, 'on'],
    ['another site is not on by default', settings(), other, 'not-enabled'],
    ['another site the user turned on', settings({ enabledHosts: ['news.example.com'] }), other, 'on'],
    ['a government site the user turned off', settings({ disabledHosts: ['www.pudong.gov.cn'] }), gov, 'off-site'],
    ['turning one site off leaves the others on', settings({ disabledHosts: ['www.shanghai.gov.cn'] }), gov, 'on'],
    ['an enabled site turned off again', settings({ enabledHosts: ['news.example.com'], disabledHosts: ['news.example.com'] }), other, 'off-site'],
    ['the global switch wins over a government site', settings({ enabled: false }), gov, 'off-global'],
    ['the global switch wins over an enabled site', settings({ enabled: false, enabledHosts: ['news.example.com'] }), other, 'off-global'],
    ['pages that are not http(s) nor files are unsupported', settings(), 'about:blank', 'unsupported'],
    ['a saved page opened from disk is on by default', settings(), 'file:///home/a/报告.html', 'on'],
    ['local files the user turned off', settings({ disabledHosts: [LOCAL_FILES] }), 'file:///home/a/报告.html', 'off-site'],
    ['turning local files off leaves the sites on', settings({ disabledHosts: [LOCAL_FILES] }), gov, 'on'],
  ])('%s', (_name, s, url, expected) => {
    expect(siteState(s, url)).toBe(expected);
  });
});

