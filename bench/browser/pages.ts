// The benchmark's pages: the seed report repeated to a target size, and a page of the same shape
// and length with no Chinese at all (Latin filler of the same paragraph lengths).
import { seedPageHtml, seedParagraphs } from '../../demo/seed-page';

const LATIN_WORDS = (
  'the town government reported steady growth in employment finance trade investment and expectations ' +
  'while protecting jobs livelihoods market entities food energy supply chains and grassroots operations ' +
  'under the five year plan with service circles within fifteen minutes of every home'
).split(' ');

/** How many copies of the seed report body make at least `chars` characters of page text. */
export function seedRepeatFor(chars: number): number {
  const [, ...body] = seedParagraphs();
  const perCopy = body.reduce((sum, paragraph) => sum + paragraph.length + 1, 0);
  return Math.ceil(chars / perCopy);
}

/** The seed report page, its body repeated `repeat` times. */
export function reportPageHtml(repeat: number): string {
  return seedPageHtml({ repeat, title: 'Benchmark report page' });
}

function latinText(length: number, offset: number): string {
  let text = '';
  for (let i = offset; text.length < length; i++) text += `${LATIN_WORDS[i % LATIN_WORDS.length] as string} `;
  return text.slice(0, length);
}

/** The same paragraph structure and lengths as {@link reportPageHtml}, in Latin letters only. */
export function latinPageHtml(repeat: number): string {
  const [title = '', ...body] = seedParagraphs();
  const paragraphs = body.map((paragraph, i) => `<p>${latinText(paragraph.length, i * 7)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Benchmark page without Chinese</title></head>
<body>
<main id="report">
<h1>${latinText(title.length, 3)}</h1>
${Array.from({ length: repeat }, () => paragraphs).join('\n')}
</main>
</body>
</html>
`;
}

/** A table of `rows` × 10 cells, every 100th cell holding 六稳 (the e2e suite's 100,000-cell page). */
export function tablePageHtml(rows: number): string {
  const body: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) cells.push(`<td>${(r * 10 + c) % 100 === 0 ? '六稳' : `单元${c}`}</td>`);
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Benchmark table page</title></head>
<body>
<table>
${body.join('\n')}
</table>
</body>
</html>
`;
}

/** `html` with `count` same-origin frames added at its end, each loading `/isolated-typical.html`. */
export function framesPageHtml(html: string, count: number): string {
  const frames = Array.from({ length: count }, () => '<iframe src="/isolated-typical.html" width="600" height="400"></iframe>').join('\n');
  return html.replace('</body>', `${frames}\n</body>`);
}
