/**
 * What a valid scenario asks for but can never produce data for: `validate` prints these as warnings (the run
 * still starts). Problems that make a run meaningless (a threshold nothing feeds, a delivery without its join)
 * are errors in cross-checks.ts instead.
 */
import { BENCH_ACTION_KINDS } from './action-schema.js';
import { usesPlaceholder } from './custom-args.js';
import type { Scenario } from './schema.js';

/** A warning at an input-side path (as written in YAML). */
export interface ScenarioWarning {
  path: Array<string | number>;
  message: string;
}

export function scenarioWarnings(scenario: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const { population, actions, phases } = scenario;
  const roomUsers = actions.filter(
    (action) => (action.kind !== 'custom' && BENCH_ACTION_KINDS.has(action.kind) && action.kind !== 'echo' && action.kind !== 'direct') || (action.kind === 'custom' && usesPlaceholder(action.args, '{{room}}')),
  );
  const authUsesRoom = scenario.auth !== undefined && usesPlaceholder([scenario.auth], '{{room}}');
  if (population.rooms > 0 && roomUsers.length === 0 && !authUsesRoom) {
    warnings.push({
      path: ['population', 'rooms'],
      message: `${population.rooms} rooms, but no action uses them: clients are put in rooms by a join action, or by a custom action whose args name {{room}} (with joins: true)`,
    });
  }
  actions.forEach((action, index) => {
    if (action.kind === 'listen' && action.timestampField === undefined) {
      warnings.push({
        path: ['actions', index, 'event'],
        message: `listen ${action.name} has no timestampField: its '${action.event}' events are received, but no latency is measured (for exact delivery and latency of a relayed message, declare delivers on the action that sends it)`,
      });
    }
    if ('rate' in action && action.rate !== undefined && phases.every((phase) => phase.actions !== undefined && !phase.actions.includes(action.name))) {
      warnings.push({ path: ['actions', index, 'name'], message: `no phase lists ${action.name}, so it never runs: add it to a phase's actions (a phase without an actions list runs every rate action)` });
    }
  });
  return warnings;
}
