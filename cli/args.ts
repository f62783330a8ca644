// Command-line argument parsing for `assay`: no library, a small table of flags per command.
// In: argv after the command name and the command's flag table. Out: positionals and flag values,
// or a usage error (exit code 2) naming the flag (with the closest known flag when it looks like a typo).

import { suggest } from '../engine/index';

export interface FlagSpec {
  /** Flag takes a value (`--format json`); otherwise it is a switch. */
  readonly value?: boolean;
  /** Allowed values, when the flag takes a value. */
  readonly choices?: readonly string[];
  /** Flag may be given several times (values collected). */
  readonly repeat?: boolean;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string[]>;
}

export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string> = {},
  ) {
    super(key);
  }
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    let name = a.slice(2);
    let value: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const s = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!s) {
      const near = suggest(name, Object.keys(spec));
      throw new UsageError(near === undefined ? 'unknownFlag' : 'unknownFlagNear', { flag: `--${name}`, near: `--${near}` });
    }
    if (s.value) {
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new UsageError('flagNeedsValue', { flag: `--${name}` });
        value = next;
        i++;
      }
      if (s.choices && !s.choices.includes(value)) {
        throw new UsageError('badChoice', { flag: `--${name}`, value, choices: s.choices.join(', ') });
      }
    } else {
      if (value !== undefined) throw new UsageError('flagTakesNoValue', { flag: `--${name}` });
      value = 'true';
    }
    const list = flags.get(name) ?? [];
    if (list.length > 0 && !s.repeat) throw new UsageError('flagTwice', { flag: `--${name}` });
    list.push(value);
    flags.set(name, list);
  }
  return { positionals, flags };
}

export function flag(p: ParsedArgs, name: string): string | undefined {
  return p.flags.get(name)?.[0];
}

export function has(p: ParsedArgs, name: string): boolean {
  return p.flags.has(name);
}
