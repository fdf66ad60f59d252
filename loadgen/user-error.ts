/**
 * An error whose message is meant for the user as it is, and whose kind says whose fault it was: bad input (a
 * scenario, a flag or a file that cannot be used; nothing was run) or a run that could not be carried out
 * (target unreachable, server died). The load generator throws these; the CLI maps the kind to its exit code
 * (bin/exit-codes.ts), so nothing below the CLI knows exit codes exist.
 */
export type UserErrorKind = 'badInput' | 'runFailed';

export class UserError extends Error {
  constructor(
    message: string,
    readonly kind: UserErrorKind,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Misuse of a flag or a bad input file. */
export function badInput(message: string): UserError {
  return new UserError(message, 'badInput');
}

/** A run that could not be carried out. */
export function runFailed(message: string): UserError {
  return new UserError(message, 'runFailed');
}
