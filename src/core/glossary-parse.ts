// Reads one glossary YAML file: syntax via `yaml`, shape via the validator compiled from
// glossary/schema.json, every problem with the line and column of the node it is about.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode, YAMLError } from 'yaml';
import { validate as validateSchema } from './glossary-schema-validator';
import type { GlossaryFile } from './types';

/** How bad a problem is: errors stop `build`, warnings are only printed. */
export type ProblemSeverity = 'error' | 'warning';

/** One problem found in a glossary file, at a 1-based line and column. */
export interface GlossaryProblem {
  path: string;
  line: number;
  col: number;
  /** Chinese first, then English: `重复的 id "liu-wen"（…）/ duplicate id "liu-wen"`. */
  message: string;
  severity: ProblemSeverity;
}

/** A path into the YAML document: mapping keys and sequence indexes (`['entries', 3, 'id']`). */
export type NodePath = readonly (string | number)[];

/** A 1-based position in a file. */
export interface FilePosition {
  line: number;
  col: number;
}

/** The result of reading one glossary file. */
export interface ParsedGlossaryFile {
  path: string;
  /** The file's content, present only when it has no syntax or schema error. */
  file?: GlossaryFile;
  problems: GlossaryProblem[];
  /**
   * Position of the node at `at` (or, with `key`, of the key naming it); falls back to the
   * nearest existing ancestor, so a problem about a missing field points at its parent.
   */
  locate(at: NodePath, key?: boolean): FilePosition;
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

type SchemaValidate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const runSchema = validateSchema as unknown as SchemaValidate;

const YAML_ERRORS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: '同一层级出现了重复的键',
  TAB_AS_INDENT: '不能用 Tab 缩进，请改用空格',
  MISSING_CHAR: '引号或括号没有闭合',
  BAD_INDENT: '缩进不正确',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不正确',
  MULTILINE_IMPLICIT_KEY: '键不能跨行，可能少了冒号或缩进不对',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档（不要用 ---）',
  TAG_RESOLVE_FAILED: '无法识别的标签（!…），按普通文本处理',
};

const TYPE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  string: ['文本', 'a string'],
  array: ['列表', 'a list'],
  object: ['映射（键: 值）', 'a mapping (key: value)'],
  integer: ['整数', 'an integer'],
  boolean: ['true 或 false', 'true or false'],
};

/** Parses and schema-checks one glossary file; never throws on bad input. */
export function parseGlossaryFile(path: string, text: string): ParsedGlossaryFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: true });
  const locate = (at: NodePath, key = false): FilePosition => locateNode(doc, lineCounter, at, key);
  const yamlProblem = (error: YAMLError, severity: GlossaryProblem['severity']): GlossaryProblem => {
    const opening = error.code === 'MISSING_CHAR' ? unclosedQuoteStart(doc, error.pos[0]) : undefined;
    const position = opening !== undefined ? lineCounter.linePos(opening) : (error.linePos?.[0] ?? { line: 1, col: 1 });
    const english = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const chinese = YAML_ERRORS[error.code] ?? (severity === 'error' ? '无法解析' : '请检查');
    const [zh, en] = severity === 'error' ? ['YAML 语法错误', 'YAML syntax error'] : ['YAML 提示', 'YAML notice'];
    return { path, ...position, message: `${zh}：${chinese} / ${en}: ${english}`, severity };
  };
  const problems = doc.errors.map((error) => yamlProblem(error, 'error'));
  if (problems.length > 0) return { path, problems, locate };
  problems.push(...doc.warnings.map((warning) => yamlProblem(warning, 'warning')));

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // yaml refuses documents that expand aliases without bound ("billion laughs").
    const message = `YAML 无法展开 / YAML cannot be expanded: ${(error as Error).message}`;
    return { path, problems: [{ path, line: 1, col: 1, message, severity: 'error' }], locate };
  }
  if (data === null || data === undefined) {
    return { path, problems: [{ path, line: 1, col: 1, message: '文件为空 / the file is empty', severity: 'error' }], locate };
  }
  if (!runSchema(data)) {
    for (const error of runSchema.errors ?? []) problems.push(schemaProblem(path, error, locate));
    problems.sort((a, b) => a.line - b.line || a.col - b.col);
    return { path, problems: dedupe(problems), locate };
  }
  return { path, file: data as GlossaryFile, problems, locate };
}

/** Where the quoted scalar that runs up to `end` opens: yaml reports the missing quote at the end. */
function unclosedQuoteStart(doc: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && range[0] < end && range[1] >= end) start = range[0];
    },
  });
  return start;
}

function locateNode(doc: Document, lineCounter: LineCounter, at: NodePath, key: boolean): FilePosition {
  let node: unknown = doc.contents;
  let offset = (node as YamlNode | null)?.range?.[0] ?? 0;
  for (const [index, step] of at.entries()) {
    const last = index === at.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) break;
      const keyNode = pair.key as YamlNode;
      if (last && key) {
        offset = keyNode.range?.[0] ?? offset;
        break;
      }
      node = pair.value;
      // `field:` with nothing after it has no value node: point at the key.
      offset = (node as YamlNode | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      node = node.items[Number(step)];
      if (node === undefined) break;
      offset = (node as YamlNode | null)?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return lineCounter.linePos(offset);
}

function schemaProblem(path: string, error: SchemaError, locate: ParsedGlossaryFile['locate']): GlossaryProblem {
  const at: (string | number)[] = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const field = fieldLabel(at);
  const params = error.params;
  let position = locate(at);
  let message: string;
  switch (error.keyword) {
    case 'required':
      message = `缺少必填字段 "${String(params.missingProperty)}" / missing required field "${String(params.missingProperty)}"`;
      break;
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      position = locate([...at, name], true);
      message = `未知字段 "${name}"，请检查拼写 / unknown field "${name}" (check the spelling)`;
      break;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      message = `"${field}" 只能是 ${allowed.join('、')} 之一 / "${field}" must be one of ${allowed.join(', ')}`;
      break;
    }
    case 'type': {
      const [zh, en] = TYPE_NAMES[String(params.type)] ?? [String(params.type), String(params.type)];
      message = at.length === 0
        ? '文件应为映射，顶层包含 source 和 entries / the file must be a mapping with source and entries'
        : `"${field}" 应为${zh} / "${field}" must be ${en}`;
      break;
    }
    case 'pattern':
      message = patternMessage(at, field);
      break;
    case 'minimum':
      message = `"${field}" 应为正整数 / "${field}" must be a positive integer`;
      break;
    default:
      message = `"${field}" 不符合格式要求 / "${field}" ${error.message ?? 'is invalid'}`;
  }
  return { path, ...position, message, severity: 'error' };
}

function patternMessage(at: readonly (string | number)[], field: string): string {
  const name = [...at].reverse().find((step): step is string => typeof step === 'string');
  switch (name) {
    case 'id':
    case 'related':
      return `"${field}" 只能用小写 ASCII 字母、数字和连字符，如 liu-wen / "${field}" must be an ASCII slug such as liu-wen`;
    case 'date':
      return `"${field}" 应写成 YYYY-MM-DD（或 YYYY-MM、YYYY）/ "${field}" must be YYYY-MM-DD, YYYY-MM or YYYY`;
    case 'url':
      return `"${field}" 应为 http:// 或 https:// 开头的网址 / "${field}" must be an http(s) URL`;
    default:
      return `"${field}" 不能为空 / "${field}" must not be empty`;
  }
}

function fieldLabel(at: readonly (string | number)[]): string {
  return at.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('') || '(文件)';
}

function dedupe(problems: GlossaryProblem[]): GlossaryProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.col}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
