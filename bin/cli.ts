import { Command, CommanderError } from 'commander';
import { ExitCode, exitCodeOfError, generalExitCodesHelp } from './exit-codes.js';
import { UserError } from '../loadgen/user-error.js';
import { toolVersion } from '../loadgen/tool-version.js';
import { registerCommands } from './commands/index.js';
import { ScenarioError } from '../loadgen/scenario/scenario-error.js';

/**
 * Runs the sio-bench CLI on `argv` (as process.argv: node, script, args...) and resolves to the exit code.
 * Errors meant for the user are printed to stderr here, once; anything else is a bug and is printed with its stack.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('sio-bench')
    .description('Load testing and benchmarking for Socket.IO servers')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', generalExitCodesHelp())
    .exitOverride();
  let exitCode: number = ExitCode.ok;
  registerCommands(program, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; real flag errors were already printed by commander.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (error instanceof UserError) {
      process.stderr.write(`sio-bench: ${error.message}\n`);
      return exitCodeOfError(error);
    }
    if (error instanceof ScenarioError) {
      // Every problem of the scenario, one `file:line:col path: message` per line; nothing was run.
      process.stderr.write(`${error.message}\n`);
      return ExitCode.badInput;
    }
    process.stderr.write(`sio-bench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return ExitCode.runFailed;
  }
}
