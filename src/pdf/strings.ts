// The PDF viewer's own words, Chinese first with English: toolbar, term list and the messages for
// documents it cannot explain (scanned, broken, password-protected, not reachable).

/** Every string the viewer shows besides the tooltip's (src/ui/strings.ts). */
export interface ViewerStrings {
  lang: 'zh-CN' | 'en';
  loading: string;
  previousPage: string;
  nextPage: string;
  pageNumber: string;
  pageCount: (n: number) => string;
  zoomOut: string;
  zoomIn: string;
  zoom: string;
  fitWidth: string;
  find: string;
  findPlaceholder: string;
  findPrevious: string;
  findNext: string;
  findCount: (current: number, total: number) => string;
  findNone: string;
  terms: string;
  termsHeading: string;
  termsScanning: string;
  termsEmpty: string;
  termCount: (n: number) => string;
  openOriginal: string;
  download: string;
  shortcuts: string;
  /** The chooser of a PDF on this computer (the viewer opened with no address). */
  chooseFile: string;
  /** The same, naming the file the reader had open in the browser's own viewer. */
  chooseNamed: (name: string) => string;
  chooseButton: string;
  notPdf: (name: string) => string;
  /** The toolbar's button for another PDF on this computer, and its tooltip. */
  openFile: string;
  openFileTitle: string;
  /** A PDF chosen while another is shown that could not be handed to a new viewer page. */
  cannotSwitch: (name: string) => string;
  noText: string;
  someNoText: (pages: number, total: number) => string;
  broken: string;
  password: string;
  notFound: (status: number) => string;
  unreachable: string;
  allowSite: (host: string) => string;
  allowSiteButton: string;
  noGlossary: string;
}

const ZH: ViewerStrings = {
  lang: 'zh-CN',
  loading: '正在打开 PDF…',
  previousPage: '上一页',
  nextPage: '下一页',
  pageNumber: '页码',
  pageCount: (n) => `共 ${n} 页`,
  zoomOut: '缩小',
  zoomIn: '放大',
  zoom: '缩放',
  fitWidth: '适合宽度',
  find: '查找',
  findPlaceholder: '在文档中查找',
  findPrevious: '上一处',
  findNext: '下一处',
  findCount: (current, total) => `${current} / ${total}`,
  findNone: '无结果',
  terms: '术语',
  termsHeading: '本文档中的术语',
  termsScanning: '正在查找术语…',
  termsEmpty: '本文档中没有找到词库里的术语。',
  termCount: (n) => `${n} 处`,
  openOriginal: '原文',
  download: '下载',
  shortcuts: '快捷键：N/J 下一页，P/K 上一页，+/− 缩放，0 适合宽度，/ 或 Ctrl+F 查找，T 术语列表，Alt+Shift+→/← 逐个术语，Ctrl+O 打开电脑上的 PDF',
  chooseFile: '选择电脑上的 PDF 文件，或把它拖到这里，即可阅读并解释其中的术语。',
  chooseNamed: (name) => `请选择电脑上的 ${name}，或把它拖到这里：浏览器不允许扩展按地址读取本地文件。`,
  chooseButton: '选择 PDF 文件…',
  notPdf: (name) => `${name} 不是 PDF 文件。`,
  openFile: '打开…',
  openFileTitle: '打开电脑上的其他 PDF（也可把文件拖到页面上）',
  cannotSwitch: (name) => `无法打开 ${name}：请在新标签页中从术语助手的弹出窗口选择“打开电脑上的 PDF”。`,
  noText: '此 PDF 没有文字层（可能是扫描件），无法解释其中的术语。',
  someNoText: (pages, total) => `共 ${total} 页中有 ${pages} 页没有文字层（可能是扫描页），这些页上的术语无法解释。`,
  broken: '无法打开此 PDF：文件已损坏或不是 PDF。',
  password: '此 PDF 有密码保护，术语助手无法打开。请在浏览器自带的阅读器中打开原文。',
  notFound: (status) => `无法下载此 PDF（服务器返回 ${status}）。`,
  unreachable: '无法下载此 PDF：网站没有响应，或术语助手没有访问该网站的权限。',
  allowSite: (host) => `术语助手需要访问 ${host} 的权限才能读取此 PDF。`,
  allowSiteButton: '允许访问此网站',
  noGlossary: '词库尚未就绪，术语暂不能解释。',
};

const EN: ViewerStrings = {
  lang: 'en',
  loading: 'Opening the PDF…',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageNumber: 'Page',
  pageCount: (n) => `of ${n}`,
  zoomOut: 'Zoom out',
  zoomIn: 'Zoom in',
  zoom: 'Zoom',
  fitWidth: 'Fit width',
  find: 'Find',
  findPlaceholder: 'Find in document',
  findPrevious: 'Previous match',
  findNext: 'Next match',
  findCount: (current, total) => `${current} of ${total}`,
  findNone: 'No matches',
  terms: 'Terms',
  termsHeading: 'Terms in this document',
  termsScanning: 'Looking for terms…',
  termsEmpty: 'No glossary terms found in this document.',
  termCount: (n) => (n === 1 ? '1 time' : `${n} times`),
  openOriginal: 'Original',
  download: 'Download',
  shortcuts: 'Shortcuts: N/J next page, P/K previous page, +/− zoom, 0 fit width, / or Ctrl+F find, T term list, Alt+Shift+→/← walk the terms, Ctrl+O open a PDF from this computer',
  chooseFile: 'Choose a PDF on this computer, or drop it here, to read it with its terms explained.',
  chooseNamed: (name) => `Choose ${name} on this computer, or drop it here: the browser does not let extensions read local files by their address.`,
  chooseButton: 'Choose a PDF…',
  notPdf: (name) => `${name} is not a PDF.`,
  openFile: 'Open…',
  openFileTitle: 'Open another PDF on this computer (or drop the file on the page)',
  cannotSwitch: (name) => `${name} could not be opened here: open it in a new tab from the Policy Glossary popup (Open a PDF from this computer).`,
  noText: 'This PDF has no text layer (it may be a scan), so its terms cannot be explained.',
  someNoText: (pages, total) => `${pages} of ${total} pages have no text layer (scanned pages?); terms on them cannot be explained.`,
  broken: 'This PDF cannot be opened: the file is damaged or not a PDF.',
  password: 'This PDF is password-protected and cannot be opened here. Open the original in the browser’s own viewer.',
  notFound: (status) => `This PDF could not be downloaded (the server answered ${status}).`,
  unreachable: 'This PDF could not be downloaded: the site did not answer, or Policy Glossary may not read it.',
  allowSite: (host) => `Policy Glossary needs access to ${host} to read this PDF.`,
  allowSiteButton: 'Allow this site',
  noGlossary: 'The glossary is not ready yet; terms cannot be explained for now.',
};

/** The viewer's strings for a browser UI language (Chinese for zh-*, English otherwise). */
export function viewerStrings(locale = 'zh-CN'): ViewerStrings {
  return /^zh/i.test(locale) ? ZH : EN;
}
