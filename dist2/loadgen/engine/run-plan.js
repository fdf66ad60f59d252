/** Connect rate used when no ramp-up phase gives one, clients per second. */
export const DEFAULT_CONNECT_RATE_PER_SEC = 2000;
/** Builds the plan of a (validated, overridden) scenario. */
export function planRun(scenario) {
    const phases = [];
    let cursorMs = 0;
    for (const phase of scenario.phases) {
        if (cursorMs >= scenario.maxDurationMs)
            break;
        const durationMs = Math.min(phase.durationMs, scenario.maxDurationMs - cursorMs);
        const names = phase.actions ?? scenario.actions.map((action) => action.name);
        phases.push({ name: phase.name, kind: phase.kind, startMs: cursorMs, durationMs, activeActions: new Set(names) });
        cursorMs += durationMs;
    }
    const phasesEndMs = cursorMs;
    // The drain follows the phases (or the cap on them): messages sent in their last moments still arrive and count.
    const endMs = Math.min(phasesEndMs, scenario.maxDurationMs) + scenario.drainMs;
    const extra = Math.max(0, ...scenario.phases.map((phase) => phase.extraClients ?? 0));
    const actionWindows = new Map();
    for (const action of scenario.actions) {
        const windows = [];
        for (const phase of phases) {
            if (!phase.activeActions.has(action.name))
                continue;
            const last = windows[windows.length - 1];
            // Adjacent phases that both run an action make one window, so its schedule does not restart.
            if (last && last[1] === phase.startMs)
                windows[windows.length - 1] = [last[0], phase.startMs + phase.durationMs];
            else
                windows.push([phase.startMs, phase.startMs + phase.durationMs]);
        }
        actionWindows.set(action.name, windows);
    }
    const leaveAtMs = phases.filter((phase) => phase.kind === 'ramp-down').map((phase) => phase.startMs);
    return {
        phases,
        phasesEndMs,
        endMs,
        totalClients: scenario.population.clients + extra,
        baseClients: scenario.population.clients,
        actionWindows,
        leaveAtMs,
    };
}
/** When client `clientIndex` connects and disconnects under `plan`. */
export function clientLifetime(scenario, plan, clientIndex) {
    const base = plan.baseClients;
    if (clientIndex < base) {
        const rampUp = plan.phases.find((phase) => phase.kind === 'ramp-up');
        const rampUpPhase = rampUp && scenario.phases.find((phase) => phase.name === rampUp.name);
        const ratePerSec = rampUpPhase?.connectRatePerSec ?? (rampUp ? (base * 1000) / Math.max(1, rampUp.durationMs) : DEFAULT_CONNECT_RATE_PER_SEC);
        const connectMs = (rampUp?.startMs ?? 0) + (clientIndex * 1000) / ratePerSec;
        const rampDown = plan.phases.find((phase) => phase.kind === 'ramp-down');
        const leaveLeadMs = rampDown && scenario.actions.some(isLeaving) ? Math.min(scenario.drainMs, rampDown.durationMs / 2) : 0;
        const disconnectMs = rampDown ? rampDown.startMs + leaveLeadMs + (clientIndex * (rampDown.durationMs - leaveLeadMs)) / base : undefined;
        return { connectMs, disconnectMs };
    }
    // Extra clients belong to the spike phases: each spike connects its own extras and drops them at its end.
    for (const planned of plan.phases) {
        if (planned.kind !== 'spike')
            continue;
        const phase = scenario.phases.find((candidate) => candidate.name === planned.name);
        const extra = phase?.extraClients ?? 0;
        const k = clientIndex - base;
        if (k >= extra)
            continue;
        const ratePerSec = phase?.connectRatePerSec ?? (extra * 1000) / Math.max(1, planned.durationMs / 2);
        return { connectMs: planned.startMs + (k * 1000) / ratePerSec, disconnectMs: planned.startMs + planned.durationMs };
    }
    return undefined;
}
/** A bench leave, or a custom action that leaves rooms: both run at the start of a ramp-down. */
function isLeaving(action) {
    return action.kind === 'leave' || (action.kind === 'custom' && action.leaves);
}
/** The phase running at `tMs` (the last one after the phases end). */
export function phaseAt(plan, tMs) {
    let current;
    for (const phase of plan.phases) {
        if (phase.startMs <= tMs)
            current = phase;
    }
    return current;
}
/** The actions of `scenario` that are driven by a rate (or a closed loop), in scenario order. */
export function rateDrivenActions(scenario) {
    return scenario.actions.filter((action) => 'rate' in action && action.rate !== undefined);
}
//# sourceMappingURL=run-plan.js.map