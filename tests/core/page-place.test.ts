import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageFacts } from '../../src/core/page-place';
import { placeOfPage, savedPageHost } from '../../src/core/page-place';
import { createPlaceIndex } from '../../src/core/places';
import { loadDivisionTable, loadDivisions } from '../../src/places/divisions';
import { buildHostTable } from '../../src/places/host-table';

const divisions = loadDivisions();
const index = createPlaceIndex(divisions);
const hosts = buildHostTable(divisions);
const place = (page: PageFacts) => {
  const found = placeOfPage(page, index, hosts);
  return found && `${found.code} ${found.from}`;
};

describe('placeOfPage: real government hosts', () => {
  it.each([
    // central: the State Council and ministries
    ['www.gov.cn', '000000 host'],
    ['gov.cn', '000000 host'],
    ['www.ndrc.gov.cn', '000000 host'],
    ['zfxxgk.ndrc.gov.cn', '000000 host'],
    ['www.mof.gov.cn', '000000 host'],
    ['www.mohurd.gov.cn', '000000 host'],
    // provinces by pinyin or initials
    ['www.sc.gov.cn', '510000 host'],
    ['www.cq.gov.cn', '500000 host'],
    ['www.hunan.gov.cn', '430000 host'],
    ['www.gd.gov.cn', '440000 host'],
    ['www.zj.gov.cn', '330000 host'],
    ['www.jiangsu.gov.cn', '320000 host'],
    ['www.hlj.gov.cn', '230000 host'],
    ['www.nmg.gov.cn', '150000 host'],
    ['www.gxzf.gov.cn', '450000 host'],
    ['www.beijing.gov.cn', '110000 host'],
    ['www.shanghai.gov.cn', '310000 host'],
    ['www.xinjiang.gov.cn', '650000 host'],
    ['www.yn.gov.cn', '530000 host'],
    ['WWW.HUBEI.GOV.CN', '420000 host'],
    // a department's site under the province's domain
    ['fgw.sc.gov.cn', '510000 host'],
    // prefectures and counties
    ['www.chengdu.gov.cn', '510100 host'],
    ['www.changsha.gov.cn', '430100 host'],
    ['www.yiyang.gov.cn', '430900 host'],
    ['www.wuhan.gov.cn', '420100 host'],
    ['www.hangzhou.gov.cn', '330100 host'],
    ['www.pudong.gov.cn', '310115 host'],
    ['www.wuhou.gov.cn', '510107 host'],
    ['www.yuelu.gov.cn', '430104 host'],
    ['www.mianyang.gov.cn', '510700 host'],
    // sites the rules alone would misread (host-table.ts SITE_LABELS): city portals by their
    // initials, which the rules keep for provinces (gz: 贵州, xz: 西藏), and older romanisations
    ['www.gz.gov.cn', '440100 host'],
    ['www.guizhou.gov.cn', '520000 host'],
    ['www.xz.gov.cn', '320300 host'],
    ['www.xizang.gov.cn', '540000 host'],
    ['www.sz.gov.cn', '440300 host'],
    ['www.hd.gov.cn', '130400 host'],
    ['www.lf.gov.cn', '131000 host'],
    ['www.yl.gov.cn', '610800 host'],
    ['www.shaanxi.gov.cn', '610000 host'],
    ['www.shanxi.gov.cn', '140000 host'],
    ['www.harbin.gov.cn', '230100 host'],
    // pinyin two cities share, the portal's city named (抚州 and 宿州 spell theirs jxfz, ahsz)
    ['www.fuzhou.gov.cn', '350100 host'],
    ['www.suzhou.gov.cn', '320500 host'],
    ['www.taizhou.gov.cn', '321200 host'],
    ['www.yulin.gov.cn', '450900 host'],
    ['www.ordos.gov.cn', '150600 host'],
    // names pinyin-pro reads as running text (喀什 kashen, 乐清 leqing, 单县 danxian, 洪洞 hongdong,
    // 郫都 pidou): their sites spell them as the place is called
    ['www.kashi.gov.cn', '653100 host'],
    ['www.yueqing.gov.cn', '330382 host'],
    ['www.shanxian.gov.cn', '371722 host'],
    ['www.hongtong.gov.cn', '141024 host'],
    ['www.pidu.gov.cn', '510117 host'],
    ['www.shifang.gov.cn', '510682 host'],
    // ü written v, as sites write it (the letter was dropped: lliang)
    ['www.lvliang.gov.cn', '141100 host'],
    // another reading never takes a label the rules give a place: shexian stays 涉县's, not 歙县's
    ['www.shexian.gov.cn', '130426 host'],
    // a district under its city's initials, a prefecture under its province's (zh, ch, sh whole or not)
    ['www.bjhd.gov.cn', '110108 host'],
    ['www.bjchy.gov.cn', '110105 host'],
    ['www.szft.gov.cn', '440304 host'],
    ['www.shmh.gov.cn', '310112 host'],
    ['www.ahsz.gov.cn', '341300 host'],
    // 罗湖 and 龙华 are both szlh: the page decides
    ['www.szlh.gov.cn', undefined],
    // a prefecture by its short name's initials (three characters or more)
    ['www.zjk.gov.cn', '130700 host'],
    ['www.qhd.gov.cn', '130300 host'],
    ['www.lyg.gov.cn', '320700 host'],
    ['www.mas.gov.cn', '340500 host'],
    ['www.jdz.gov.cn', '360200 host'],
    ['www.zjj.gov.cn', '430800 host'],
    ['www.hlbe.gov.cn', '150700 host'],
    ['www.dxal.gov.cn', '232700 host'],
    ['www.xsbn.gov.cn', '532800 host'],
    ['www.klmy.gov.cn', '650200 host'],
    ['www.wlmq.gov.cn', '650100 host'],
    ['www.qqhr.gov.cn', '230200 host'],
    // …shared with a county-level city's full initials (平度市 pds): the prefecture, unless the page
    // says otherwise (below)
    ['www.pds.gov.cn', '410400 host'],
    // a place's name dressed: a hyphen, the kind of division, 中国 before it, 政府 after it
    ['www.guang-an.gov.cn', '511600 host'],
    ['www.puershi.gov.cn', '530800 host'],
    ['www.zgqingyang.gov.cn', '621000 host'],
    ['www.gxzf.gov.cn', '450000 host'],
    // initials of a full name: 长沙县 shares csx with 常山县 and 长顺县 (all counties) — the page decides
    ['www.csx.gov.cn', undefined],
    // negatives: shared labels with a silent page, hosts that name no place
    ['www.yichun.gov.cn', undefined],
    ['www.yls.gov.cn', undefined],
    ['www.example.gov.cn', undefined],
    // dressing taken off a name the table does not know still names nothing
    ['www.cnbz.gov.cn', undefined],
    ['www.jcgov.gov.cn', undefined],
    ['www.chengdu.com', undefined],
    ['www.12371.cn', undefined],
    ['localhost', undefined],
  ])('%s → %s', (host, expected) => {
    expect(place({ host })).toBe(expected);
  });
});

describe('placeOfPage: the page settles what the host does not', () => {
  it.each([
    // shared host labels, settled by the title or footer
    [{ host: 'www.yichun.gov.cn', title: '宜春市人民政府门户网站' }, '360900 host+page'],
    [{ host: 'www.yichun.gov.cn', footerText: '主办单位：伊春市人民政府办公室' }, '230700 host+page'],
    [{ host: 'www.csx.gov.cn', footerText: '版权所有：长沙县人民政府' }, '430121 host+page'],
    [{ host: 'www.pds.gov.cn', title: '平顶山市人民政府门户网站' }, '410400 host+page'],
    [{ host: 'www.pds.gov.cn', footerText: '主办：平度市人民政府办公室' }, '370283 host+page'],
    // a district named in the footer of a site on its city's domain
    [{ host: 'www.chengdu.gov.cn', footerText: '主办单位：成都市武侯区人民政府 技术支持：某公司' }, '510107 host+page'],
    // a link to the province in the city's footer does not move the page to the province
    [{ host: 'www.chengdu.gov.cn', footerText: '相关链接：四川省人民政府 中国政府网' }, '510100 host'],
    // another place named by the page never overrides a host that names one place
    [{ host: 'www.chengdu.gov.cn', title: '长沙市人民政府' }, '510100 host'],
    // a two-letter label is initials: the footer's owner outside it outweighs it, not a title or a link
    [{ host: 'www.sc.gov.cn', footerText: '主办单位：重庆市人民政府办公厅' }, '500000 page'],
    [{ host: 'www.sc.gov.cn', title: '重庆市人民政府关于印发某方案的通知' }, '510000 host'],
    [{ host: 'www.sc.gov.cn', footerText: '相关链接：重庆市人民政府' }, '510000 host'],
    [{ host: 'www.gz.gov.cn', footerText: '主办单位：广州市天河区人民政府' }, '440106 host+page'],
    [{ host: 'www.gz.gov.cn', footerText: '主办单位：广东省人民政府办公厅' }, '440100 host'],
    [{ host: 'www.chengdu.gov.cn', footerText: '主办单位：长沙市人民政府办公厅' }, '510100 host'],
    // hosts that name no place: the page alone
    [{ host: 'www.12371.cn', footerText: '主办单位：中共长沙市委 长沙市人民政府' }, '430100 page'],
    [{ host: 'news.example.com', title: '益阳市人民政府关于印发某方案的通知' }, '430900 page'],
    [{ host: 'www.example.gov.cn', title: '首页 - 湖南省长沙市岳麓区' }, '430104 page'],
    [{ host: 'www.example.gov.cn', footerText: '版权所有：海西州人民政府' }, '632800 page'],
    [{ host: 'www.example.gov.cn', footerText: '相关链接：四川省人民政府 成都市人民政府' }, '510100 page'],
    [{ host: 'www.cnsa.gov.cn', footerText: '主办单位：中华人民共和国应急管理部' }, '000000 page'],
    // negatives: the page names nothing, or two places neither under the other
    [{ host: 'www.yichun.gov.cn', title: '通知公告' }, undefined],
    [{ host: 'www.yichun.gov.cn', title: '长沙市人民政府' }, undefined],
    [{ host: 'www.example.gov.cn', footerText: '友情链接：长沙市人民政府 株洲市人民政府' }, undefined],
    [{ host: 'www.example.gov.cn', title: '关于做好政府工作的通知' }, undefined],
    [{ host: 'www.example.gov.cn', title: '首页 - 鼓楼区' }, undefined],
  ] as [PageFacts, string | undefined][])('%o → %s', (page, expected) => {
    expect(place(page)).toBe(expected);
  });
});

describe('placeOfPage: the 网站标识码 of the site', () => {
  it.each([
    // the meta's code: its first six digits are the government running the site
    [{ host: 'www.gz.gov.cn', siteCode: '4401000001' }, '440100 site'],
    [{ host: 'localhost', siteCode: '5101070001' }, '510107 site'],
    // the footer's, where the page has no meta
    [{ host: 'www.example.com', footerText: '版权所有：某某 网站标识码：5101070001 蜀ICP备00000000号' }, '510107 site'],
    [{ host: 'www.yichun.gov.cn', footerText: '网站标识码 3609000001' }, '360900 site'],
    // it outweighs the host, and the page may name a place under it
    [{ host: 'www.sc.gov.cn', siteCode: '5101000001' }, '510100 site'],
    [{ host: 'www.chengdu.gov.cn', siteCode: '5101000001', footerText: '主办单位：成都市武侯区人民政府' }, '510107 site'],
    [{ host: 'www.changsha.gov.cn', siteCode: '4301000001', title: '湖南省人民政府关于某事的批复_长沙市人民政府' }, '430100 site'],
    // a State Council department's code; a six digits no longer a division: its prefecture
    [{ host: 'www.sc.gov.cn', siteCode: 'bm01000001' }, '000000 site'],
    [{ host: 'localhost', siteCode: '4301990001' }, '430100 site'],
    // not a code: the other rules answer
    [{ host: 'www.chengdu.gov.cn', siteCode: '51010' }, '510100 host'],
    [{ host: 'www.chengdu.gov.cn', footerText: '电话：02861888888 邮编：610000' }, '510100 host'],
  ] as [PageFacts, string | undefined][])('%o → %s', (page, expected) => {
    expect(place(page)).toBe(expected);
  });
});

describe('placeOfPage: a copy saved to disk (no host)', () => {
  // What savers write before <html>: Chromium's mark of the web, SingleFile's header.
  const chromium = ' saved from url=(0047)https://www.changsha.gov.cn/zfxxgk/zfgzbg/1.html ';
  const singleFile = '\n Page saved with SingleFile \n url: http://www.yiyang.gov.cn/yiyang/2/4/content_1.html \n saved date: Mon Mar 06 2023 \n';

  it.each([
    [chromium, 'www.changsha.gov.cn'],
    [singleFile, 'www.yiyang.gov.cn'],
    [' saved from url=(0014)about:internet ', ''],
    [' 网站改版于2019年 ', ''],
    ['', ''],
    [undefined, ''],
  ])('the saved address in %j → %j', (comments, host) => {
    expect(savedPageHost(comments)).toBe(host);
  });

  it.each([
    // the saved address stands in for the host, with the same rules
    [{ host: '', saved: chromium }, '430100 host'],
    [{ host: '', saved: singleFile, title: '政府工作报告' }, '430900 host'],
    [{ host: '', saved: ' saved from url=(0034)https://www.ndrc.gov.cn/xxgk/1.html ' }, '000000 host'],
    // and the page's text narrows it as on the site
    [{ host: '', saved: chromium, title: '长沙县人民政府' }, '430121 host+page'],
    // nothing saved: the title and footer alone, as before
    [{ host: '', title: '首页 - 益阳市' }, '430900 page'],
    [{ host: '', saved: ' 网站改版于2019年 ' }, undefined],
    // a page served from a host is read by its host, whatever its comments say
    [{ host: 'www.chengdu.gov.cn', saved: chromium }, '510100 host'],
  ] as [PageFacts, string | undefined][])('%o → %s', (page, expected) => {
    expect(place(page)).toBe(expected);
  });
});

describe('placeOfPage: what callers get', () => {
  it('answers the division itself, with its name and parent', () => {
    expect(placeOfPage({ host: 'www.chengdu.gov.cn' }, index, hosts)).toEqual({
      code: '510100', name: '成都市', level: 'city', parent: '510000', from: 'host',
    });
    expect(placeOfPage({ host: 'www.gov.cn' }, index, hosts)).toMatchObject({ code: '000000', level: 'central' });
  });

  it.each([
    // `footer` and `footerText` are both read; without the host table only the page's text counts
    [{ host: 'www.yiyang.gov.cn', footer: '主办单位：益阳市人民政府办公室' }, '430900'],
    [{ host: 'www.yiyang.gov.cn', footerText: '主办单位：益阳市人民政府办公室' }, '430900'],
    [{ host: 'www.yiyang.gov.cn', title: '通知公告' }, undefined],
    [{ host: 'www.ndrc.gov.cn' }, '000000'],
  ] as [PageFacts, string | undefined][])('without a host table: %o → %s', (page, code) => {
    expect(placeOfPage(page, index)?.code).toBe(code);
  });
});

describe('generated places-data.json', () => {
  it('is what scripts/generate-places.ts writes from the installed dataset (regenerate if this fails)', () => {
    const file = JSON.parse(readFileSync(new URL('../../src/places/places-data.json', import.meta.url), 'utf8'));
    expect(file).toEqual({ divisions: loadDivisionTable(), hosts });
  });
});
