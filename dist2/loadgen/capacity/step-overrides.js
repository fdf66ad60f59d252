/**
 * How one capacity step becomes a run: the `--set` overrides that put the step's load on the scenario's
 * dimension and stretch its measured hold phase to warm-up + hold. Resolved once against the scenario, so a
 * scenario that cannot be stepped (no hold phase, no action with a rate) is refused before anything runs.
 */
import { formatDurationMs } from '../units.js';
/**
 * Finds what the steps change: the named phase (or the last phase of kind hold) and, for dimension rate, the
 * named action (or the first with a perClient/total rate). Throws an Error with a message for the user when the
 * scenario has no such phase or action.
 */
export function resolveStepTarget(scenario, dimension, phaseName, actionName) {
    const holds = scenario.phases.filter((phase) => phase.kind === 'hold');
    const phase = phaseName !== undefined ? scenario.phases.find((candidate) => candidate.name === phaseName) : holds[holds.length - 1];
    if (phase === undefined) {
        throw new Error(phaseName !== undefined
            ? `capacity.phase: no phase named '${phaseName}' (phases: ${scenario.phases.map((candidate) => candidate.name).join(', ')})`
            : 'capacity: the scenario has no phase of kind hold to measure each step on (add one, or name one with capacity.phase)');
    }
    switch (dimension) {
        case 'clients':
            return { dimension, phase: phase.name, scenarioLoad: scenario.population.clients };
        case 'rooms':
            return { dimension, phase: phase.name, scenarioLoad: scenario.population.rooms };
        case 'rate': {
            const candidates = scenario.actions.filter((action) => 'rate' in action && action.rate !== undefined && (action.rate.kind === 'perClient' || action.rate.kind === 'total'));
            const action = actionName !== undefined ? scenario.actions.find((candidate) => candidate.name === actionName) : candidates[0];
            if (action === undefined) {
                throw new Error(actionName !== undefined
                    ? `capacity.action: no action named '${actionName}' (actions: ${scenario.actions.map((candidate) => candidate.name).join(', ')})`
                    : 'capacity: dimension rate needs an action with a {perClient} or {total} rate');
            }
            const rate = 'rate' in action ? action.rate : undefined;
            if (rate === undefined || rate.kind === 'closedLoop') {
                throw new Error(`capacity.action: '${action.name}' has no {perClient} or {total} rate to raise`);
            }
            return { dimension, phase: phase.name, rate: { action: action.name, kind: rate.kind }, scenarioLoad: rate.perSec };
        }
    }
}
/** The overrides of one step: the load on the dimension, and the measured phase lasting warm-up + hold. */
export function stepOverrides(target, load, warmupMs, holdPerStepMs) {
    const phase = `phases.${target.phase}.duration=${formatDurationMs(warmupMs + holdPerStepMs)}`;
    switch (target.dimension) {
        case 'clients':
            return [`clients=${load}`, phase];
        case 'rooms':
            return [`rooms=${load}`, phase];
        case 'rate': {
            if (target.rate === undefined)
                throw new Error('capacity: dimension rate without a resolved action (resolveStepTarget sets it)');
            return [`actions.${target.rate.action}.rate.${target.rate.kind}=${load}`, phase];
        }
    }
}
/** The unit a dimension's load reads in: 'clients', 'rooms', 'msg/s per client' or 'msg/s'. */
export function loadUnit(target) {
    switch (target.dimension) {
        case 'clients':
            return 'clients';
        case 'rooms':
            return 'rooms';
        case 'rate':
            return target.rate?.kind === 'perClient' ? 'msg/s per client' : 'msg/s';
    }
}
//# sourceMappingURL=step-overrides.js.map