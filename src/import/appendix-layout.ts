// What in a report's text is the republishing page's or the printed page's, not the report's: a
// page's labels (来源：, 责任编辑：), credit lines, page numbers, running heads and feet a PDF repeats,
// and the shortest line a wrap can end.

/**
 * A line of the web page a report is republished on, not of the report: `来源：XX市人民政府`,
 * `责任编辑：王某`, `发布时间：…`. Its label reads like a term before a colon, so after unnumbered
 * entries it would become one (来源, “defined” as 无锡市人民政府, was highlighted on every page
 * saying 来源：新华社).
 */
export const PAGE_FURNITURE = /^[【[]?(?:(?:信息|文章|稿件|内容)?来源|(?:责任|网络|值班)?编辑|作者|撰稿|供稿|录入|审核|审校|校对|发布(?:时间|日期|机构|单位|者)?|(?:更新|发文|成文|印发|公开)(?:时间|日期)|日期|时间|字号|浏览(?:次数|量)?|点击(?:数|量|率)?|阅读(?:次数|量)?|访问量|分享到?|索引号|主题分类|文号|发文(?:字号|机关)|信息分类|(?:联系)?电话|邮编|地址|(?:主办|承办|协办|运维|维护)(?:单位)?|技术支持|网站标识码|(?:ICP)?备案(?:号|编号)?|版权所有|联系方式|(?:电子)?邮箱|传真)[】\]]?\s*[：:]/u;
/**
 * The heading of the report's next annex (`附录二：《政府工作报告》数据汇总表`, `附件2`, `附表：主要指标`):
 * after the 名词解释 appendix's entries it ends them, not heads one of its own.
 */
export const NEXT_ANNEX = /^[【[]?附(?:录|件|表|图)\s*(?:[一二三四五六七八九十\d０-９]{1,3}\s*(?:[：:、.．\s】\]]|$)|[：:]|$)/u;
/** A line in brackets that credits who compiled the page: `（市政府办公厅 年鉴处）`, `（本文有删减）`. */
export const CREDIT_LINE = /^[（(][^（）()]{0,30}(?:办公厅|办公室|年鉴|供稿|整理|来源|编辑|删减|删节|节选|摘编)[^（）()]{0,30}[）)]$/u;
/**
 * A page's number left in a report's text (a PDF or Word file saved as text): `— 23 —`, `- 23 -`,
 * `23`, `第 23 页`, `第23页 共30页`, `23/30`. Inside the appendix it is passed over: neither an entry
 * nor the end of the list, nor a break in the definition it interrupts.
 */
export const PAGE_NUMBER_LINE = /^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;

/** Characters of a line that a wrap ended: a PDF's line is 20–40; a list item of its own is shorter. */
export const RUN_ON_MIN = 15;

/** Times a short line must stand alone in the document to be a running head or foot. */
const RUNNING_MIN = 3;

/** The longest running head or foot. */
const RUNNING_MAX = 30;

/**
 * Whether a line, short and with no sentence's end, stands alone on at least RUNNING_MIN lines of
 * `text`: a running head or foot a PDF repeats page after page (`2024年政府工作报告`), neither the
 * end of the appendix nor part of a definition. The document's lines are counted on first use.
 */
export function runningLines(text: string): (line: string) => boolean {
  let counts: Map<string, number> | undefined;
  return (line) => {
    if (line.length > RUNNING_MAX || /[。；！？：:]$/u.test(line)) return false;
    if (!counts) {
      counts = new Map();
      for (const raw of text.split('\n')) {
        const other = raw.trim();
        if (other.length > 0 && other.length <= RUNNING_MAX) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    return (counts.get(line) ?? 0) >= RUNNING_MIN;
  };
}

/** Whether a line can continue the entry before it (not page furniture such as 打印本页). */
export function continues(line: string): boolean {
  return [...line].length >= 4 && /[。；！？)）：:”…]$/u.test(line);
}
