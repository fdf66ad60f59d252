/** Most steps a plan may have: a typo such as `step: 1` with `max: 1e6` must not plan a week of runs. */
export const MAX_CAPACITY_STEPS = 64;
/** A load as the dimension takes it: whole clients or rooms, a rate with 6 significant digits. */
export function roundLoad(dimension, load) {
    switch (dimension) {
        case 'clients':
        case 'rooms':
            return Math.round(load);
        case 'rate':
            return Number(load.toPrecision(6));
    }
}
/**
 * The loads to try, in order: start, start+step (or start×factor), ... while <= max. Throws a RangeError for a
 * plan that cannot raise the load or has more than MAX_CAPACITY_STEPS steps (misuse: the caller names the flag).
 */
export function planSteps(input) {
    const { dimension, step, max } = input;
    const start = roundLoad(dimension, input.start);
    if (!(start > 0))
        throw new RangeError(`capacity.start must be > 0 (got ${input.start})`);
    if (!(max >= start))
        throw new RangeError(`capacity.max must be at least start (got max ${max}, start ${start})`);
    if (step.kind === 'add' && !(step.amount > 0))
        throw new RangeError(`capacity.step must add an amount > 0 (got ${step.amount})`);
    if (step.kind === 'multiply' && !(step.factor > 1))
        throw new RangeError(`capacity.step must multiply by a factor > 1 (got ${step.factor})`);
    const loads = [start];
    let exact = start;
    // Bounded even when rounding makes many increments land on the same whole load.
    for (let iteration = 0; iteration < MAX_CAPACITY_STEPS * 1000; iteration += 1) {
        exact = step.kind === 'add' ? exact + step.amount : exact * step.factor;
        // Compared before rounding, so max is a true ceiling; rounding errors of the sum are absorbed by the 1e-9.
        if (exact > max * (1 + 1e-9))
            break;
        const load = roundLoad(dimension, exact);
        if (load > (loads[loads.length - 1] ?? 0))
            loads.push(load);
        if (loads.length > MAX_CAPACITY_STEPS) {
            throw new RangeError(`the capacity plan has more than ${MAX_CAPACITY_STEPS} steps: use a larger step or a lower max`);
        }
    }
    if (exact <= max * (1 + 1e-9))
        throw new RangeError(`the capacity step ${JSON.stringify(step)} is too small to reach max ${max}`);
    return loads;
}
//# sourceMappingURL=step-plan.js.map