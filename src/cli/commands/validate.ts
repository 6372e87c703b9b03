// `policy-glossary validate [paths…]`: prints every problem of the glossary files as
// `path:line:col: message`; exit 1 on any error. Never writes a file.
import { formatProblem } from '../../core/glossary-validate';
import { checkGlossaryPaths, defaultGlossaryNote } from '../glossary-files';
import type { CliCommand } from '../io';
import { UsageError } from '../io';

const HELP = `用法 / usage: policy-glossary validate [路径 paths…]

检查术语表文件（YAML 语法、字段格式、重复的 id、重复的写法、项数与数字不符、不存在的 related），
逐条打印“路径:行:列: 问题”。不给路径时检查本项目（命令自带）的 glossary/ 文件夹；在有自己 glossary/
的其他文件夹中运行时请写明：policy-glossary validate glossary/。有错误时退出码为 1。
Checks glossary files (YAML syntax, schema, duplicate ids, a form claimed twice, items count vs the
term's numerals, unknown related ids) and prints each problem as path:line:col: message. Without
paths it checks the project's (the command's own) glossary/ folder; in another folder with a
glossary/ of its own, name it: policy-glossary validate glossary/. Exits 1 on any error; never
modifies a file.
`;

/** Runs `validate`. */
export const runValidate: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  const option = args.find((arg) => arg.startsWith('-'));
  if (option) throw new UsageError(`未知选项 "${option}" / unknown option "${option}"`);

  const check = await checkGlossaryPaths(args, io.cwd);
  for (const problem of check.problems) io.stdout(`${formatProblem(problem)}\n`);
  const entries = check.files.reduce((sum, parsed) => sum + (parsed.file?.entries.length ?? 0), 0);
  io.stdout(
    `检查了 ${check.files.length} 个文件、${entries} 条词条：${check.errorCount} 个错误，${check.warningCount} 个警告 / ` +
      `checked ${check.files.length} file(s), ${entries} entries: ${check.errorCount} error(s), ${check.warningCount} warning(s)\n`,
  );
  const note = await defaultGlossaryNote(args, io.cwd, 'validate');
  if (note) io.stderr(note);
  return check.errorCount > 0 ? 1 : 0;
};
