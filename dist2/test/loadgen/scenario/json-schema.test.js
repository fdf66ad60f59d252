import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCENARIO_JSON_SCHEMA_ID, scenarioJsonSchema } from '../../../loadgen/scenario/json-schema.js';
function property(schema, name) {
    const properties = schema['properties'];
    const found = properties[name];
    assert.ok(found !== undefined, `property ${name}`);
    return found;
}
test('the JSON Schema describes the input side: strict, with the YAML keys and forms', () => {
    const schema = scenarioJsonSchema();
    assert.equal(schema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema['$id'], SCENARIO_JSON_SCHEMA_ID);
    assert.equal(schema['type'], 'object');
    assert.equal(schema['additionalProperties'], false);
    assert.deepEqual(schema['required'], ['name', 'population', 'phases']);
    assert.deepEqual(Object.keys(schema['properties']), [
        'name', 'description', 'target', 'client', 'transport', 'parser', 'namespace', 'path', 'auth', 'headers',
        'population', 'phases', 'actions', 'thresholds', 'reconnect', 'maxDuration', 'drain', 'capacity',
    ]);
    // Durations are written as strings with a unit, or whole milliseconds.
    const drain = property(schema, 'drain');
    assert.equal(drain['default'], '2s');
    const forms = drain['anyOf'];
    assert.deepEqual(forms.map((form) => form['type']), ['string', 'integer']);
    // Actions are one of the eight kinds, each a strict object keyed by its `kind` constant.
    const items = property(schema, 'actions')['items'];
    const kinds = items['oneOf'].map((option) => {
        assert.equal(option['additionalProperties'], false);
        return option['properties']['kind']['const'];
    });
    assert.deepEqual(kinds, ['join', 'leave', 'broadcast', 'direct', 'echo', 'custom', 'listen', 'churn', 'http']);
    // The phase uses the YAML key `duration`, not the effective `durationMs`.
    const phase = property(schema, 'phases')['items'];
    assert.deepEqual(phase['required'], ['kind', 'duration']);
    assert.equal(property(schema, 'client')['default'], 'lean');
});
//# sourceMappingURL=json-schema.test.js.map