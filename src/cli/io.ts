// The command's view of the outside world, so that tests can run commands in-process.

/** Output streams and working directory of one CLI invocation. */
export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A subcommand: parses its own arguments, returns the process exit code. */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

/** An error the user caused (bad arguments, unreadable file): printed without a stack trace. */
export class UsageError extends Error {}
