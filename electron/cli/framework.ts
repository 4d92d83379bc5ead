// The command-line frame: parsing, exit codes, messages. Commands live in their own files
// and are listed in ./commands.ts.
import { UserError } from '../../shared/errors';

export type FlagKind = 'string' | 'number' | 'boolean' | 'strings';

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | number | boolean | string[] | undefined>;
}

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface Command {
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
  run(args: ParsedArgs, io: CliIO): Promise<number | void> | number | void;
}

/** Wrong usage of the command line: exit code 2. */
export class UsageError extends Error {}

export function parseArgs(argv: string[], command: Command): ParsedArgs {
  const spec = command.flags ?? {};
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [rawName, inline] = a.slice(2).split(/=(.*)/s, 2);
      const kind = spec[rawName];
      if (!kind) throw new UsageError(`Tùy chọn không hợp lệ: --${rawName}`);
      if (kind === 'boolean') {
        flags[rawName] = true;
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`Tùy chọn --${rawName} cần một giá trị.`);
      if (kind === 'number') {
        const n = Number(value);
        if (!Number.isFinite(n)) throw new UsageError(`Tùy chọn --${rawName} cần một số, không phải "${value}".`);
        flags[rawName] = n;
      } else if (kind === 'strings') {
        flags[rawName] = [...((flags[rawName] as string[] | undefined) ?? []), value];
      } else flags[rawName] = value;
    } else positionals.push(a);
  }
  if (command.variadic ? positionals.length < command.positionals : positionals.length !== command.positionals) {
    throw new UsageError(`Sai số tham số. Cách dùng: par-workbench ${command.name} ${command.usage}`);
  }
  for (const r of command.required ?? []) {
    if (flags[r] === undefined) throw new UsageError(`Thiếu tùy chọn --${r}. Cách dùng: par-workbench ${command.name} ${command.usage}`);
  }
  return { positionals, flags };
}

export function usageText(commands: Command[]): string {
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

/** Runs the command named by argv and returns the process exit code. */
export async function runCli(argv: string[], commands: Command[], io: CliIO): Promise<number> {
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
  try {
    const args = parseArgs(argv.slice(command.name.split(' ').length), command);
    const code = await command.run(args, io);
    return code ?? 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`Lỗi: ${e.message}`);
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
  if (y === undefined || !Number.isInteger(y) || y < 1990 || y > 2200) {
    throw new UsageError(`--${name} cần một năm, ví dụ --${name} 2025.`);
  }
  return y;
}
