import { fitCosts } from './fit-costs.js';
import { findKnee, highestSustainableStep } from './find-knee.js';
import { projectProcesses } from './project-processes.js';
/** Analyzes the steps (in plan order). */
export function analyzeCapacity(steps, options) {
    const sustainable = highestSustainableStep(steps);
    const knee = findKnee(steps, options.memoryLimitBytes);
    const costs = fitCosts(steps);
    const clusterProcesses = Math.max(1, ...steps.map((step) => step.server?.processes ?? 1));
    return {
        ...(sustainable !== undefined ? { sustainableStepIndex: sustainable.index } : {}),
        ...(knee !== undefined ? { knee } : {}),
        costs,
        ...(options.projection !== undefined
            ? { projection: projectProcesses(options.projection.target, options.projection.limits, costs, clusterProcesses) }
            : {}),
        memoryLimitBytes: options.memoryLimitBytes,
    };
}
//# sourceMappingURL=analyze-capacity.js.map