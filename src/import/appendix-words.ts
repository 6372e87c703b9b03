// The words a 名词解释 appendix's heading is made of: what is explained (名词, 术语…) and how (解释,
// 说明…). Shared by the importer's heading reader (appendix-heads.ts) and the page-notes content script's
// hint (extension/page-notes-content.ts), which must know every heading the importer reads.

/** What the appendix explains: 名词, 词语, 用语, 术语, 词汇, 关键词, 新词, 热词 (`|` between them). */
export const APPENDIX_NAMES = '名词|词语|用语|术语|词汇|关键词|新词|热词';
/** How it explains them: 解释, 注释, 注解, 说明, 释义, 解析, 解读, 简释 (`|` between them). */
export const APPENDIX_KINDS = '解释|注释|注解|说明|释义|解析|解读|简释';
