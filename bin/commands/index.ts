import type { Command } from 'commander';
import { registerServe } from './serve.js';
import { registerRun } from './run.js';
import { registerValidateCommand } from './validate.js';
import { registerSchemaCommand } from './schema.js';
import { registerReport } from './report.js';
import { registerCapacity } from './capacity.js';
import { registerCompare } from './compare.js';
import { registerMerge } from './merge.js';

/** Sets the process exit code from inside a command's action (the action itself resolves normally). */
export type SetExitCode = (code: number) => void;

/** A subcommand: adds itself to the program. One file per subcommand in this folder. */
export type RegisterCommand = (program: Command, setExitCode: SetExitCode) => void;

const commands: RegisterCommand[] = [
  // Each subcommand registers itself here, one line each.
  registerServe,
  registerRun,
  registerValidateCommand,
  registerSchemaCommand,
  registerReport,
  registerCapacity,
  registerCompare,
  registerMerge,
];

/** Adds every subcommand to `program`. */
export function registerCommands(program: Command, setExitCode: SetExitCode): void {
  for (const register of commands) register(program, setExitCode);
}
