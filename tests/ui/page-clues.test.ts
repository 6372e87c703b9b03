import { afterEach, describe, expect, it } from 'vitest';
import { FOOTER_CHARS, pageClues } from '../../src/ui/page-clues';

afterEach(() => {
  for (const node of Array.from(document.childNodes)) if (node.nodeType === Node.COMMENT_NODE) node.remove();
  document.body.innerHTML = '';
  document.title = '';
  document.head.querySelectorAll('meta').forEach((meta) => meta.remove());
});

describe('pageClues', () => {
  it('reads the title and the footer text, not the body', () => {
    document.title = '政府工作报告_株洲市人民政府';
    document.body.innerHTML = '<main><p>正文提到长沙市。</p></main><div class="footer-wrap"><p>主办单位：株洲市人民政府办公室</p><p>湘ICP备05000000号</p></div>';
    const clues = pageClues(document);
    expect(clues.title).toBe('政府工作报告_株洲市人民政府');
    expect(clues.footerText).toBe('主办单位：株洲市人民政府办公室湘ICP备05000000号');
    expect(clues.footerText).not.toContain('长沙市');
  });

  it('takes an element footer and an id footer once each, even when one holds the other', () => {
    document.body.innerHTML = '<div id="footer"><footer>版权所有：湘潭市人民政府</footer></div>';
    expect(pageClues(document).footerText).toBe('版权所有：湘潭市人民政府');
  });

  it('falls back to the end of the body text on a page without a footer', () => {
    document.body.innerHTML = `<p>${'正文。'.repeat(3000)}</p><p>主办：长沙市人民政府</p>`;
    const { footerText: footer } = pageClues(document);
    expect(footer.endsWith('主办：长沙市人民政府')).toBe(true);
    expect(footer.length).toBe(FOOTER_CHARS);
  });

  it('reads the 网站标识码 of <meta name="SiteIDCode">, and leaves it out where there is none', () => {
    expect(pageClues(document).siteCode).toBeUndefined();
    document.head.insertAdjacentHTML('beforeend', '<meta name="SiteIDCode" content="4302000001">');
    expect(pageClues(document).siteCode).toBe('4302000001');
  });

  it('reads the comment before <html>, where a copy saved to disk names its address, and no other', () => {
    expect(pageClues(document).saved).toBeUndefined();
    document.body.insertAdjacentHTML('afterbegin', '<!-- saved from url=(0019)https://example.com -->');
    expect(pageClues(document).saved).toBeUndefined();
    document.insertBefore(document.createComment(' saved from url=(0047)https://www.changsha.gov.cn/zfxxgk/zfgzbg/1.html '), document.documentElement);
    expect(pageClues(document).saved).toContain('saved from url=(0047)https://www.changsha.gov.cn/zfxxgk/zfgzbg/1.html');
  });
});
