// Entry point of the `policy-glossary` command: dispatches to one module per subcommand.
import type { CliCommand, CliIO } from './io';
import { UsageError } from './io';

interface CommandInfo {
  summary: string;
  load: () => Promise<CliCommand>;
}

const COMMANDS: Record<string, CommandInfo> = {
  validate: {
    summary: '检查术语表文件 / check glossary files: validate [paths…]',
    load: async () => (await import('./commands/validate')).runValidate,
  },
  build: {
    summary: '编译术语表 / compile the glossary pack: build [--out DIR]',
    load: async () => (await import('./commands/build')).runBuild,
  },
  scan: {
    summary: '在文档中查找术语 / find terms in documents: scan FILE… [--glossary PATH]… [--json]',
    load: async () => (await import('./commands/scan')).runScan,
  },
  import: {
    summary: '从报告导入术语 / import a report\'s terms: import FILE [--out FILE] [--json] [--dry-run] [--force]',
    load: async () => (await import('./commands/import')).runImport,
  },
  collect: {
    summary: '生成全国术语集 / regenerate the national collection: collect REPORTS-DIR [--out DIR] [--max-year N] [--dry-run]',
    load: async () => (await import('./commands/collect')).runCollect,
  },
  stats: {
    summary: '术语表统计 / glossary statistics: stats [paths…]',
    load: async () => (await import('./commands/stats')).runStats,
  },
  missing: {
    summary: '列出未收录的提法 / list undefined slogans: missing FILE… [--stub FILE]',
    load: async () => (await import('./commands/missing')).runMissing,
  },
};

function helpText(): string {
  const lines = [
    '政策术语助手 policy-glossary',
    '',
    '用法 / usage: policy-glossary <command> [options]',
    '',
    '命令 / commands:',
    ...Object.entries(COMMANDS).map(([name, info]) => `  ${name.padEnd(9)} ${info.summary}`),
    '',
    '每个命令的帮助 / per-command help: policy-glossary <command> --help',
  ];
  return lines.join('\n') + '\n';
}

/** Runs the CLI with the given arguments (without `node` and the script path). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return 0;
  }
  const info = COMMANDS[name];
  if (!info) {
    io.stderr(`policy-glossary: 未知命令 unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  try {
    const command = await info.load();
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`policy-glossary ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
