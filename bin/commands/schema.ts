import type { RegisterCommand } from './register-command.js';
import { scenarioJsonSchema } from '../../loadgen/scenario/json-schema.js';

/** `sio-bench schema`: prints the JSON Schema of scenario files to stdout (for editors). */
export const registerSchemaCommand: RegisterCommand = (program) => {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion and checking)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
};
