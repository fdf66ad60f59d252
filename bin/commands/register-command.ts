import type { Command } from 'commander';

/** Sets the process exit code from inside a command's action (the action itself resolves normally). */
export type SetExitCode = (code: number) => void;

/** A subcommand: adds itself to the program. One file per subcommand in this folder. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;
