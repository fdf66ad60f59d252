import { ExitCode } from '../exit-codes.js';
import type { RegisterCommand } from './register-command.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import { ScenarioError, formatProblem } from '../../loadgen/scenario/scenario-error.js';
import { totalPhasesMs, type Scenario } from '../../loadgen/scenario/schema.js';
import { collect } from './option-parsers.js';

/** The one-line summary of a valid scenario: `12 clients, 4 phases, total 60s` (the population, before spikes). */
export function describeScenario(scenario: Scenario): string {
  const phases = scenario.phases.length;
  return `${scenario.population.clients} clients, ${phases} phase${phases === 1 ? '' : 's'}, total ${totalPhasesMs(scenario) / 1000}s`;
}

/**
 * `sio-bench validate FILE... [--set k=v ...]`: checks each scenario and prints `FILE: ok (...)` to stdout, or
 * every problem to stderr. Exit 0 when all are valid, 2 when any is not.
 */
export const registerValidateCommand: RegisterCommand = (program, setExitCode) => {
  program
    .command('validate')
    .description('check scenario files and report every problem as file:line:col path: message')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--set <key=value>', 'override a value before checking (repeatable), e.g. --set clients=200', collect, [])
    .action(async (files: string[], options: { set: string[] }) => {
      let allValid = true;
      for (const file of files) {
        try {
          const { scenario, warnings, notes } = await loadScenarioFile(file, options.set);
          process.stdout.write(`${file}: ok (${describeScenario(scenario)})\n`);
          for (const note of notes) process.stderr.write(`${file}: note: ${note}\n`);
          for (const warning of warnings) process.stderr.write(`${formatProblem({ ...warning, message: `warning: ${warning.message}` })}\n`);
        } catch (error) {
          if (!(error instanceof ScenarioError)) throw error;
          allValid = false;
          process.stderr.write(`${file}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
          for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
        }
      }
      setExitCode(allValid ? ExitCode.ok : ExitCode.badInput);
    });
};
