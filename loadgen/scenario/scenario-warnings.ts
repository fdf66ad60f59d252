/**
 * What a valid scenario asks for but can never produce data for: `validate` prints these as warnings (the run
 * still starts). Problems that make a run meaningless (a threshold nothing feeds, a delivery without its join)
 * are errors in cross-checks.ts instead.
 */
import { BENCH_ACTION_KINDS } from './action-schema.js';
import { usesPlaceholder } from './custom-args.js';
import type { Scenario } from './schema.js';
import type { Rate } from './fields.js';

/** A warning at an input-side path (as written in YAML). */
export interface ScenarioWarning {
  path: Array<string | number>;
  message: string;
}

/** Fewer expected slots than this, and an action's metrics may have no sample at all. */
const MIN_EXPECTED_SLOTS = 3;

/** How long the phases that run `name` last, ms (a phase without an actions list runs every rate action). */
function activeMs(phases: Scenario['phases'], name: string): number {
  return phases.filter((phase) => phase.actions === undefined || phase.actions.includes(name)).reduce((sum, phase) => sum + phase.durationMs, 0);
}

/** Slots an open-model rate schedules over `ms` with `clients` connected; undefined for a closed loop (it runs as fast as it goes). */
function expectedSlots(rate: Rate, clients: number, ms: number): number | undefined {
  switch (rate.kind) {
    case 'perClient':
      return rate.perSec * clients * (ms / 1000);
    case 'total':
      return rate.perSec * (ms / 1000);
    case 'closedLoop':
      return undefined;
  }
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
    } else if ('rate' in action && action.rate !== undefined) {
      const expected = expectedSlots(action.rate, population.clients, activeMs(phases, action.name));
      if (expected !== undefined && expected < MIN_EXPECTED_SLOTS) {
        warnings.push({
          path: ['actions', index, 'rate'],
          message:
            `${action.name} is scheduled about ${Number(expected.toPrecision(2))} time${expected === 1 ? '' : 's'} over the phases that run it (rate × clients × seconds): ` +
            `the run may be too short for it, and its metrics and thresholds may get no samples; raise the rate or lengthen those phases`,
        });
      }
    }
  });
  return warnings;
}
