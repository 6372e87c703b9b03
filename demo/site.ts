// The demo town website (dist/demo): the seed report with the widget embedded by one script tag,
// a 术语解释 page with <policy-glossary>, and a page that loads the ES-module build.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sriHash } from '../scripts/embed-snippet';
import { seedPageHtml } from './seed-page';

/** The strict policy the demo pages are served with: no inline script or style, no eval. */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

/** Where the widget bundle and glossary live, relative to a demo page. */
const WIDGET = '../widget';

const siteHeader = (current: 'report' | 'terms' | 'esm'): string => {
  const link = (page: typeof current, href: string, label: string) =>
    `<a href="${href}"${page === current ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<header class="site-header">
<div class="site-title">川沙新镇人民政府 <span>Chuansha Town</span></div>
<nav class="site-nav" aria-label="站点导航">
${link('report', 'index.html', '政府工作报告')}
${link('terms', 'terms.html', '术语解释')}
${link('esm', 'esm.html', 'ES 模块示例')}
</nav>
</header>`;
};

const siteFooter = `<footer class="site-footer">
<p>演示站点 demo site · 术语提示由 <code>policy-glossary.js</code> 提供（一个 script 标签）</p>
</footer>`;

const page = (title: string, head: string, body: string): string => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="demo.css">
${head}
</head>
<body>
${body}
</body>
</html>
`;

/**
 * The one-tag embed, exactly as a town's web team pastes it into the CMS; with `integrity` (the built
 * script's SRI hash) the browser refuses a script whose bytes differ, as dist/widget/embed.html advises.
 */
export const embedSnippet = (integrity?: string): string =>
  `<script src="${WIDGET}/policy-glossary.js"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ''} data-glossary="${WIDGET}/glossary.json" data-root="#report" defer></script>`;

const stylesheet = `/* Demo town site: a plain government-site look. */
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 17px/1.8 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; background: #f4f1ea; }
.site-header { background: #b71c1c; color: #fff; padding: 12px 20px; }
.site-title { font-size: 22px; font-weight: 700; letter-spacing: 2px; }
.site-title span { font-size: 13px; font-weight: 400; opacity: .8; letter-spacing: 0; margin-left: 6px; }
.site-nav { display: flex; flex-wrap: wrap; gap: 4px 18px; margin-top: 6px; }
.site-nav a { color: #fff; text-decoration: none; opacity: .85; }
.site-nav a[aria-current="page"] { opacity: 1; border-bottom: 2px solid #ffd54f; }
main { max-width: 860px; margin: 24px auto; background: #fff; padding: 24px 32px; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
main h1 { font-size: 26px; text-align: center; color: #8b0000; line-height: 1.4; }
main p { text-indent: 2em; margin: 0 0 12px; }
.lead { text-indent: 0; color: #555; }
.site-footer { text-align: center; color: #777; font-size: 13px; padding: 16px; }
@media (max-width: 480px) {
  body { font-size: 16px; }
  main { margin: 0; padding: 16px; box-shadow: none; }
  main h1 { font-size: 21px; }
}
`;

const esmScript = `// Loads the ES-module build of the widget and initialises it from code.
import { init } from '${WIDGET}/policy-glossary.mjs';

init({ root: '#report', glossary: '${WIDGET}/glossary.json', firstOnly: true });
`;

/** Every file of the demo site, by path relative to the site folder. */
export function demoFiles(integrity?: string): Record<string, string> {
  return {
    'index.html': seedPageHtml({
      title: '川沙新镇 2020 年上半年政府工作情况报告',
      head: `<link rel="stylesheet" href="demo.css">\n${embedSnippet(integrity)}`,
      before: siteHeader('report'),
      tail: siteFooter,
    }),
    'terms.html': page(
      '术语解释 · 川沙新镇',
      `<script src="${WIDGET}/policy-glossary.js" data-glossary="${WIDGET}/glossary.json" data-root="#terms-intro" defer></script>`,
      `${siteHeader('terms')}
<main id="terms">
<h1>术语解释</h1>
<p class="lead" id="terms-intro">本页收录政府工作报告中的政策术语和“六稳”“六保”等提法。可输入汉字、拼音或拼音首字母搜索。</p>
<policy-glossary></policy-glossary>
<h2>单个词条 <small>&lt;policy-glossary term="六稳"&gt;</small></h2>
<policy-glossary term="六稳"></policy-glossary>
</main>
${siteFooter}`,
    ),
    'esm.html': page(
      'ES 模块示例 · 川沙新镇',
      '<script type="module" src="esm-demo.js"></script>',
      `${siteHeader('esm')}
<main id="report">
<h1>ES 模块示例</h1>
<p class="lead">本页用 <code>import { init } from 'policy-glossary.mjs'</code> 加载组件，只标注每个术语的第一次出现（firstOnly）。</p>
<p>扎实做好“六稳”“六保”工作，严格执行“三问三登记”，落实“三重一大”制度，深化“三会一代理”制度。</p>
<p>再次提到六稳和六保时不再标注。</p>
</main>
${siteFooter}`,
    ),
    'esm-demo.js': esmScript,
    'demo.css': stylesheet,
  };
}

/** Writes the demo site into `outDir`; the report page pins `widgetScript` by its SRI hash when it is built. */
export function writeDemoSite(outDir: string, widgetScript = join(outDir, '..', 'widget', 'policy-glossary.js')): string[] {
  mkdirSync(outDir, { recursive: true });
  const integrity = existsSync(widgetScript) ? sriHash(readFileSync(widgetScript)) : undefined;
  return Object.entries(demoFiles(integrity)).map(([name, content]) => {
    const path = join(outDir, name);
    writeFileSync(path, content);
    return path;
  });
}
