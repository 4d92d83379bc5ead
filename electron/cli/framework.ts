// The command-line frame: parsing, exit codes, messages. Each feature describes its commands
// in its commands.ts (light: names, usage, flags) and does them in its cli.ts, which loads
// only when one of them runs; ./commands.ts lists every feature's commands.
import { parseArgs as nodeParseArgs } from 'node:util';
import { isValidYear } from '../../shared/domain';
import { damagedMessage, isCorruption } from '../db/failures';
import { fileSystemReason } from '../files/output';
import { UserError, formatProblem, type Problem, type ProblemHint } from '../../shared/errors';

export type FlagKind = 'string' | 'number' | 'boolean' | 'strings';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | string[] | undefined>;
}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What a command does with its parsed arguments; its exit code, or 0. */
export type CommandRun = (args: ParsedArgs, io: CliIO) => Promise<number | void> | number | void;

export interface CommandSpec {
  /** words that name it: "units import" */
  name: string;
  /** the argument synopsis after the name: "WS FILE" */
  usage: string;
  summary: string;
  /** positional arguments: exact count, or a minimum when `variadic` */
  positionals: number;
  variadic?: boolean;
  flags?: Record<string, FlagKind>;
  /** flags that must be given */
  required?: string[];
  /** the command's doing, loaded when it runs */
  load(): Promise<CommandRun>;
}

/** Wrong usage of the command line: exit code 2. */
export class UsageError extends Error {}

/** The synopsis of one command, as `--help` and usage errors print it. */
export function commandUsage(command: CommandSpec): string {
  return `Cách dùng: par-workbench ${command.name} ${command.usage}`;
}

/** What node:util parseArgs says about a flag, in Vietnamese: its codes are stable, its text is not. */
function usageProblem(error: unknown, command: CommandSpec): UsageError | null {
  const code = (error as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const option = /'(-[^' ,]+)/.exec((error as Error).message)?.[1] ?? '';
  const text =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `Tùy chọn không hợp lệ: ${option}`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
        ? command.flags?.[option.replace(/^-+/, '').split('=')[0]] === 'boolean'
          ? `Tùy chọn ${option.split('=')[0]} không nhận giá trị (bỏ "=…" đi, hoặc bỏ cả tùy chọn).`
          : `Tùy chọn ${option} cần một giá trị.`
        : 'Sai tham số.';
  return new UsageError(`${text}\n${commandUsage(command)}`);
}

/**
 * Reads the arguments of one command with node:util's parseArgs (strict: an unknown option,
 * a value given to a switch such as --json=false, or a missing value is wrong usage), then
 * checks the count of positionals, the required flags and the numbers.
 */
export function parseArgs(argv: string[], command: CommandSpec): ParsedArgs {
  const spec = command.flags ?? {};
  const options = Object.fromEntries(
    Object.entries(spec).map(([name, kind]) => [
      name,
      kind === 'boolean' ? { type: 'boolean' as const } : { type: 'string' as const, multiple: kind === 'strings' },
    ]),
  );
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw usageProblem(e, command) ?? e;
  }
  const positionals = parsed.positionals;
  const flags: ParsedArgs['flags'] = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === undefined) continue;
    if (spec[name] === 'number') {
      const n = Number(value);
      if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) {
        throw new UsageError(`Tùy chọn --${name} cần một số, không phải "${String(value)}".\n${commandUsage(command)}`);
      }
      flags[name] = n;
    } else flags[name] = value as string | boolean | string[];
  }
  if (command.variadic ? positionals.length < command.positionals : positionals.length !== command.positionals) {
    throw new UsageError(`Sai số tham số.\n${commandUsage(command)}`);
  }
  for (const r of command.required ?? []) {
    if (flags[r] === undefined) throw new UsageError(`Thiếu tùy chọn --${r}.\n${commandUsage(command)}`);
  }
  return { positionals, flags };
}

export function usageText(commands: CommandSpec[]): string {
  return [
    'PAR Workbench — Chỉ số cải cách hành chính và SIPAS',
    '',
    'Cách dùng: par-workbench LỆNH ...',
    '',
    ...commands.flatMap((c) => [`  ${c.name} ${c.usage}`, `      ${c.summary}`]),
    '',
    'Mã thoát: 0 thành công; 1 dữ liệu vào không hợp lệ (tệp dữ liệu giữ nguyên); 2 sai cách dùng.',
  ].join('\n');
}

/** What fixes a problem, named as the command line names it. */
const TERMINAL_HINTS: Record<ProblemHint, string> = {
  unit: 'tùy chọn --unit MÃ',
  'mapping-profile': 'par-workbench survey profile, rồi tùy chọn --profile TÊN',
  'survey-template': 'par-workbench survey template',
  'survey-link': 'par-workbench survey link',
  overwrite: 'tùy chọn --overwrite để ghi đè',
};

/** A problem as the terminal shows it: its place, its message, and the option that fixes it. */
export function problemForTerminal(p: Problem): string {
  return p.hint ? `${formatProblem(p)} (${TERMINAL_HINTS[p.hint]})` : formatProblem(p);
}

/** Runs the command named by argv and returns the process exit code. */
export async function runCli(argv: string[], commands: CommandSpec[], io: CliIO): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(usageText(commands));
    return argv.length === 0 ? 2 : 0;
  }
  // the longest command name matching the first words
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    });
  if (!command) {
    io.err(`Lệnh không hợp lệ: ${argv.slice(0, 2).join(' ')}\n\n${usageText(commands)}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${commandUsage(command)}\n    ${command.summary}`);
    return 0;
  }
  try {
    const args = parseArgs(rest, command);
    const run = await command.load();
    const code = await run(args, io);
    return code ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      // every wrong usage ends with the command's synopsis
      io.err(e.message.includes(commandUsage(command)) ? e.message : `${e.message}\n${commandUsage(command)}`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`Lỗi: ${e.problems.map(problemForTerminal).join('\n')}`);
      return 1;
    }
    const reason = fileSystemReason(e);
    if (reason) {
      const file = (e as NodeJS.ErrnoException).path;
      io.err(`Lỗi: ${file ? `Tệp ${file}: ` : ''}${reason}.`);
      return 1;
    }
    if (isCorruption(e)) {
      io.err(`Lỗi: ${damagedMessage([])}`);
      return 1;
    }
    throw e;
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function flagNumber(args: ParsedArgs, name: string): number | undefined {
  const v = args.flags[name];
  return typeof v === 'number' ? v : undefined;
}

/** A year flag, checked to be a plausible whole year. */
export function flagYear(args: ParsedArgs, name = 'year'): number {
  const y = flagNumber(args, name);
  if (y === undefined || !isValidYear(y)) {
    throw new UsageError(`--${name} cần một năm, ví dụ --${name} 2025.`);
  }
  return y;
}
