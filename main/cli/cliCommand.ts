export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code: 0 ok, 1 findings/failures, 2 usage error. */
  run(args: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}
