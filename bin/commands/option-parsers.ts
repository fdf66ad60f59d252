/**
 * Parsers of command-line option values shared by the commands: each refuses a bad value as bad input that names
 * the flag (exit code 2), so `--workers 0` says `--workers must be a positive integer (got "0")`.
 */
import { badInput } from '../../loadgen/user-error.js';

/** Collects a repeatable option into a list (`--set a=1 --set b=2`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** An integer >= 1. */
export function positiveInteger(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw badInput(`${flag} must be a positive integer (got ${JSON.stringify(value)})`);
    return parsed;
  };
}

/** A finite number > 0. */
export function positiveNumber(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) throw badInput(`${flag} must be a number > 0 (got ${JSON.stringify(value)})`);
    return parsed;
  };
}
