/** The analysis of a capacity run's steps: sustainable load, knee, fitted costs and the projection. Pure. */
import type { CapacityAnalysis } from './capacity-result.js';
import type { CapacityStep } from './capacity-step.js';
import { fitCosts } from './fit-costs.js';
import { findKnee, highestSustainableStep } from './find-knee.js';
import { projectProcesses, type ProjectionLimits, type ProjectionTarget } from './project-processes.js';

export interface AnalyzeOptions {
  /** Memory a server process may use, for the limiting-resource check and the projection, bytes. */
  memoryLimitBytes: number;
  projection?: { target: ProjectionTarget; limits: ProjectionLimits };
}

/** Analyzes the steps (in plan order). */
export function analyzeCapacity(steps: readonly CapacityStep[], options: AnalyzeOptions): CapacityAnalysis {
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
