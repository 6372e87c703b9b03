import { describe, expect, it } from 'vitest';
import { htmlToText, importHtml } from '../../src/import/html';

const footnotePage = `<!doctype html><html><head><title>页面标题</title><style>p{color:red}</style></head><body>
<h1>清溪镇政府工作情况报告</h1>
<p>──2021年3月2日在清溪镇第三届人民代表大会第五次会议上</p>
<p>今年我们扎实做好“四送”<sup><a href="#fn1" id="ref1">1</a></sup>工作，落实“两会一评”制度<sup><a href="#fn2" id="ref2">[2]</a></sup>，
再次强调“四送”<sup><a href="#fn1">1</a></sup>。</p>
<script>var x = "“假术语”";</script>
<section class="footnotes"><ol>
<li id="fn1"><p>四送：送政策、送技术、送资金、<b>送服务</b>。 <a href="#ref1">↩</a></p></li>
<li id="fn2">党员议事会、居民恳谈会、群众满意度测评制度。<a href="#ref2">↩︎</a></li>
</ol></section></body></html>`;

describe('importHtml', () => {
  it('reads <sup> footnote links and their notes list', () => {
    const result = importHtml(footnotePage);
    expect(result.problems).toEqual([]);
    expect(result.source).toEqual({ title: '清溪镇政府工作情况报告', date: '2021-03-02', kind: 'footnotes' });
    expect(result.entries.map((entry) => [entry.source?.footnote, entry.term, entry.definition])).toEqual([
      [1, '四送', '送政策、送技术、送资金、送服务。'],
      [2, '两会一评', '党员议事会、居民恳谈会、群众满意度测评制度。'],
    ]);
    expect(result.entries[1]?.aliases).toEqual(['“两会一评”制度']);
    expect(result.entries[1]?.items).toEqual(['党员议事会', '居民恳谈会', '群众满意度测评制度']);
  });

  it('reads a 名词解释 appendix from a page without footnote links', () => {
    const page = `<html><body><p>各位代表：今年要落实“三进”工作。</p><p><strong>名词解释</strong></p>
      <p><strong>1.“三进”：</strong>政策进村、服务进户、干部进网格。</p><p>2.一网通办：群众办事&ldquo;网上办&rdquo;。</p>
      <div class="footer">打印本页</div></body></html>`;
    const result = importHtml(page);
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
      [1, '三进', '政策进村、服务进户、干部进网格。'],
      [2, '一网通办', '群众办事“网上办”。'],
    ]);
  });

  it('reads appendix entries whose terms are set in bold without a colon (a list, paragraphs)', () => {
    const list = `<html><body><p>各位代表：今年要落实“三进”工作，推进“两清”。</p><h2>名词解释</h2>
      <ul><li><strong>“三进”</strong>政策进村、服务进户、干部进网格。</li><li><b>两清</b> 清河道、清路障。</li></ul></body></html>`;
    const paragraphs = `<html><body><p>各位代表：今年要落实“三进”工作，推进“两清”。</p><p><strong>名词解释</strong></p>
      <p>1.<strong>“三进”</strong>政策进村、服务进户、干部进网格。</p><p>2.<strong>两清</strong>清河道、清路障。</p></body></html>`;
    for (const page of [list, paragraphs]) {
      expect(importHtml(page).entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
        [1, '三进', '政策进村、服务进户、干部进网格。'],
        [2, '两清', '清河道、清路障。'],
      ]);
    }
    // The page's text has no marks of its own.
    expect(htmlToText(list)).not.toContain('*');
  });

  it('reads bold heads set by a style, or with their number inside the bold run', () => {
    const styled = `<html><body><p>各位代表：今年要落实“三进”工作，推进“两清”。</p><p><b>名词解释</b></p>
      <p>1. <span style="font-weight: bold;">三进</span>政策进村、服务进户、干部进网格。</p><p>2. <span style="FONT-WEIGHT:700">两清</span> 清河道、清路障。</p></body></html>`;
    const numberInside = `<html><body><p>各位代表：今年要落实“三进”工作，推进“两清”。</p><p><b>名词解释</b></p>
      <p><b>1. “三进”</b>政策进村、服务进户、干部进网格。</p><p><span style="font-weight:bold">（2）两清</span>清河道、清路障。</p></body></html>`;
    for (const page of [styled, numberInside]) {
      expect(importHtml(page).entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
        [1, '三进', '政策进村、服务进户、干部进网格。'],
        [2, '两清', '清河道、清路障。'],
      ]);
    }
    // A weight that is not bold marks nothing: entry 1 then has no head to read (entry 2's space sets its head apart).
    const plain = importHtml(styled.replaceAll('font-weight: bold;', 'font-weight: 400;').replace('FONT-WEIGHT:700', 'font-weight:normal'));
    expect(plain.entries.map((entry) => entry.term)).toEqual(['两清']);
    expect(plain.problems.map((problem) => problem.severity)).toEqual(['error']);
  });

  it('reads unnumbered heads a web page sets off with &emsp; or &nbsp;, indented paragraphs and all', () => {
    const page = `<html><body><p>各位代表：今年要落实“三进”工作，推进两清。</p><p>名词解释（按报告中出现顺序排列）</p>
      <p>&emsp;&emsp;“三进”&emsp;政策进村、服务进户、干部进网格。</p><p>&emsp;&emsp;两清&nbsp;&nbsp;清河道、清路障。</p></body></html>`;
    expect(importHtml(page).entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三进', '政策进村、服务进户、干部进网格。'],
      ['两清', '清河道、清路障。'],
    ]);
  });

  it('reads a 名词解释 appendix set as a table, its cells kept apart', () => {
    const page = `<html><body><p>各位代表：今年要落实“三进”工作。</p><p><strong>名词解释</strong></p>
      <table><tr><th>序号</th><th>名词</th><th>解释</th></tr>
      <tr><td>1</td><td>“三进”</td><td>政策进村、服务进户、干部进网格。</td></tr>
      <tr><td>2</td><td>一网通办</td><td><p>群众办事“网上办”。</p></td></tr></table></body></html>`;
    expect(htmlToText(page).split('\n').slice(-2)).toEqual(['| 1 | “三进” | 政策进村、服务进户、干部进网格。', '| 2 | 一网通办 | 群众办事“网上办”。']);
    const result = importHtml(page);
    expect(result.entries.map((entry) => [entry.source?.appendix, entry.term, entry.definition])).toEqual([
      [1, '三进', '政策进村、服务进户、干部进网格。'],
      [2, '一网通办', '群众办事“网上办”。'],
    ]);
  });

  it('joins the paragraphs of a table cell on its row: Chinese with nothing between, other text with a space', () => {
    const page = `<html><body><p>各位代表：今年要落实“三进”工作，推进数字赋能。</p><p>名词解释</p>
      <table><tr><td><p>“三进”</p></td><td><p>政策进村、</p><p>服务进户、干部进网格。</p></td></tr>
      <tr><td>数字赋能</td><td><p>Digital</p><p>Empowerment：以数据提升治理效能。</p></td></tr></table><p>附件一</p></body></html>`;
    expect(htmlToText(page).split('\n').slice(-3)).toEqual(['| “三进” | 政策进村、服务进户、干部进网格。', '| 数字赋能 | Digital Empowerment：以数据提升治理效能。', '附件一']);
  });

  it('turns blocks into lines and leaves out scripts and styles', () => {
    expect(htmlToText('<div>甲<p>乙</p><script>丙</script><style>丁</style>戊</div>')).toBe('甲\n乙\n戊');
  });

  it('a sup that is not a link is not a footnote', () => {
    const result = importHtml('<p>面积10<sup>2</sup>平方米</p><p>名词解释</p><p>1.甲项工作：做甲。</p>');
    expect(result.source.kind).toBe('名词解释');
    expect(result.entries.map((entry) => entry.term)).toEqual(['甲项工作']);
  });
});

describe('importHtml on other footnote markup', () => {
  it.each([
    {
      name: 'a link around the sup',
      page: '<p>推进“三清”行动<a href="#n1"><sup>1</sup></a>。</p><div id="n1">“三清”行动：清垃圾、清河道、清违建。</div>',
    },
    {
      name: "Word's save-as-web-page footnotes",
      page: `<p class=MsoNormal>推进“三清”行动<a href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference>[1]</span></a>。</p>
        <div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>
        <p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> “三清”行动：清垃圾、清河道、清违建。</p></div></div>`,
    },
  ])('$name', ({ page }) => {
    const result = importHtml(page);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => [entry.source?.footnote, entry.term, entry.definition])).toEqual([[1, '三清行动', '清垃圾、清河道、清违建。']]);
  });

  it('plain <sup>N</sup> marks after the terms and opening the notes at the page’s end (no links, no heading)', () => {
    const page = `<p>推进“三清”行动<sup>1</sup>，落实“两通”工程<sup>2</sup>。</p><hr>
      <p><sup>1</sup>三清行动：清垃圾、清河道、清违建。</p><p><sup>2</sup>两通工程：通路、通车，建设用地10万m<sup>2</sup>。</p>`;
    const result = importHtml(page);
    expect(result.entries.map((entry) => [entry.term, entry.definition])).toEqual([
      ['三清行动', '清垃圾、清河道、清违建。'],
      ['两通工程', '通路、通车，建设用地10万m2。'],
    ]);
  });

  it('a <sup>N</sup> opening each entry under a 名词解释 heading is its number, not part of the term', () => {
    const result = importHtml('<p>推进“三清”行动。</p><p>名词解释</p><p><sup>1</sup>三清行动：清垃圾、清河道。</p><p><sup>2</sup>两通工程：通路、通车。</p>');
    expect(result.entries.map((entry) => entry.term)).toEqual(['三清行动', '两通工程']);
  });

  it('an unnumbered appendix (<dl>) followed by the site’s footer: the footer’s lines are no entries', () => {
    const page = `<p>推进“三清”行动。</p><h2>名词解释</h2><dl><dt>三清行动</dt><dd>清河道、清垃圾。</dd><dt>两通工程</dt><dd>通路、通车。</dd></dl>
      <div class="footer">主办单位：清溪县人民政府办公室 承办：清溪县大数据中心</div><div>网站标识码：0000000001</div><div>技术支持：某某公司</div><div>ICP备案号：某ICP备00000001号</div>`;
    expect(importHtml(page).entries.map((entry) => entry.term)).toEqual(['三清行动', '两通工程']);
  });

  it('an in-page link that is not a footnote leaves the text alone', () => {
    const result = importHtml('<p><a href="#top">返回顶部</a></p><p>名词解释</p><p>1.甲项工作：做甲。</p>');
    expect(result.source.kind).toBe('名词解释');
    expect(result.entries.map((entry) => entry.term)).toEqual(['甲项工作']);
  });
});

describe('importHtml title', () => {
  it.each([
    { name: 'the first <h1>, not the navigation before it', page: '<html><head><title>网站名</title></head><body><div>首页 &gt; 政务公开</div><h1>清溪镇 工作报告</h1><p>名词解释</p><p>1.甲项工作：做甲。</p></body></html>', title: '清溪镇 工作报告' },
    { name: 'the <title> when there is no <h1>', page: '<html><head><title>清溪镇工作报告</title></head><body><div>首页 &gt; 政务公开</div><p>名词解释</p><p>1.甲项工作：做甲。</p></body></html>', title: '清溪镇工作报告' },
  ])('is $name', ({ page, title }) => {
    expect(importHtml(page).source.title).toBe(title);
  });
});
