import type { Command } from 'commander';
import type { RegisterCommand, SetExitCode } from './register-command.js';
import { registerServe } from './serve.js';
import { registerRun } from './run.js';
import { registerValidateCommand } from './validate.js';
import { registerSchemaCommand } from './schema.js';
import { registerReport } from './report.js';
import { registerCapacity } from './capacity.js';
import { registerCompare } from './compare.js';
import { registerMerge } from './merge.js';


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
