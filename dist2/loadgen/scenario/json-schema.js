/**
 * The JSON Schema of scenario files, generated from the one zod schema (its input side: what a person
 * writes), for editors: point the YAML language server at it for completion and inline errors.
 */
import { z } from 'zod';
import { scenarioInputSchema } from './schema.js';
/** Where the schema says it lives; editors only use it as an identifier. */
export const SCENARIO_JSON_SCHEMA_ID = 'https://github.com/sio-bench/sio-bench/scenario.schema.json';
/**
 * The JSON Schema (draft 2020-12) of a scenario file. Cross-field rules (unique names, rooms for room actions,
 * threshold syntax) cannot be expressed there; `sio-bench validate` checks them.
 */
export function scenarioJsonSchema() {
    const schema = z.toJSONSchema(scenarioInputSchema, { io: 'input', target: 'draft-2020-12' });
    return {
        ...schema,
        $id: SCENARIO_JSON_SCHEMA_ID,
        title: 'sio-bench scenario',
        description: 'A load-test scenario for Socket.IO servers: target, client, population, phases, actions and thresholds.',
    };
}
//# sourceMappingURL=json-schema.js.map