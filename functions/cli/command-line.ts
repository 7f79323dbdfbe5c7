/**
 * What every command line of the project shares (functions/cli and infra/local/cli):
 * - flags parsed strictly: an unknown or misspelt flag, a flag without its value or an
 *   argument too many says what is wrong and which flags exist, and ends with status 2;
 * - the end by `process.exitCode`, never `process.exit()`, which cuts output still queued
 *   for a pipe (past 64 KiB) when the reader is slower than the writer;
 * - an expected failure as one `error: …` line and status 1, anything else with its stack.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigurationError } from '#shared/config/env.ts';
import { DomainError } from '#shared/domain/errors.ts';

/** A command used wrongly: status 2, with the usage. */
export class UsageError extends Error {}

/** A command that cannot do what was asked (nothing running, nothing found): status 1. */
export class CommandError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec<O extends Options> {
  /** `usage: npm run …`, printed after a usage error. */
  usage: string;
  options: O;
  /** How many arguments besides the flags; none by default. */
  positionals?: { min?: number; max?: number };
}

function flagList(options: Options): string {
  const flags = Object.entries(options).map(([name, option]) =>
    option.type === 'string' ? `--${name} VALUE` : `--${name}`,
  );
  return flags.length > 0 ? `the flags are ${flags.join(', ')}` : 'it takes no flags';
}

/** Reads the one thing wrong out of node:util's message (which suggests `--` besides). */
function whatIsWrong(error: NodeJS.ErrnoException): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message)?.[1];
  if (unknown) return `unknown flag ${unknown}`;
  const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(error.message)?.[1];
  if (missing) return `${missing} needs a value`;
  const noValue = /^Option '(--[\w-]+)' does not take an argument/.exec(error.message)?.[1];
  if (noValue) return `${noValue} takes no value`;
  return error.message;
}

export function parseCommandLine<O extends Options>(spec: CommandSpec<O>, argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw new UsageError(
      `${whatIsWrong(error as NodeJS.ErrnoException)}; ${flagList(spec.options)}`,
    );
  }
  const { min = 0, max = 0 } = spec.positionals ?? {};
  const count = parsed.positionals.length;
  if (count > max) {
    const extra = parsed.positionals.slice(max).join(' ');
    throw new UsageError(`unexpected argument ${extra}; ${flagList(spec.options)}`);
  }
  if (count < min) throw new UsageError(`${min - count} argument(s) missing`);
  return parsed;
}

/** Errors whose message says all a user needs: the project's own, or a missing file. */
function isExpected(error: unknown): error is Error {
  return (
    error instanceof CommandError ||
    error instanceof ConfigurationError ||
    error instanceof DomainError ||
    (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT')
  );
}

/**
 * Runs a command's main and ends with the status it returns. `report` may print an error
 * the command knows better (and says so), and then the status is 1.
 */
export function runCommand(
  usage: string,
  main: () => Promise<number>,
  report: (error: unknown) => boolean = () => false,
): void {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`error: ${error.message}\n${usage}`);
        process.exitCode = 2;
        return;
      }
      if (!report(error)) console.error(isExpected(error) ? `error: ${error.message}` : error);
      process.exitCode = 1;
    },
  );
}
