/**
 * A capacity run: resolves the plan (the scenario's `capacity:` block, then the caller's overrides), checks
 * every step's scenario before running any, then runs the scenario once per step with the step's load,
 * measures the step's hold window, and stops at the first step that breaks an objective (confirmed by a
 * re-measure at the same load), saturates the load generator, fails, or is interrupted. Returns the
 * CapacityResult with its analysis.
 */
import type { RunResult } from '../run-result.js';
import { parseScenarioText, type LoadedScenario } from '../scenario/load-scenario.js';
import type { CapacityResult, CapacityStopReason } from './capacity-result.js';
import { CAPACITY_RESULT_VERSION } from './capacity-result.js';
import {
  DEFAULT_HOLD_PER_STEP_MS,
  DEFAULT_STEP,
  DEFAULT_WARMUP_MS,
  type CapacityDimension,
  type StepIncrement,
} from './capacity-schema.js';
import type { CapacityStep } from './capacity-step.js';
import { analyzeCapacity } from './analyze-capacity.js';
import { parseSlos } from './evaluate-slos.js';
import { measureStep } from './measure-step.js';
import { DEFAULT_CONNECTIONS_PER_PROCESS, DEFAULT_CPU_BUDGET_PERCENT, DEFAULT_MEMORY_PER_PROCESS_BYTES, type ProjectionLimits, type ProjectionTarget } from './project-processes.js';
import { loadUnit, resolveStepTarget, stepOverrides } from './step-overrides.js';
import { planSteps } from './step-plan.js';

/** When no max is given: start × this (five doubling steps). */
export const DEFAULT_MAX_FACTOR = 16;

/** Plan settings given by the caller (CLI flags); each wins over the scenario's `capacity:` block. */
export interface CapacityPlanOverrides {
  dimension?: CapacityDimension;
  start?: number;
  step?: StepIncrement;
  max?: number;
  holdPerStepMs?: number;
  warmupMs?: number;
}

export interface RunCapacityOptions {
  /** The scenario's text and file name. */
  text: string;
  file: string;
  /** The user's `--set` overrides, applied to every step before the step's own. */
  overrides: readonly string[];
  /** Objectives (threshold syntax). Empty: the scenario's thresholds. */
  slos: readonly string[];
  plan?: CapacityPlanOverrides;
  /** Runs one step's scenario (runScenario with a reporter, in the CLI); `remeasure`: the second run of a step whose first broke an objective. */
  runStep: (loaded: LoadedScenario, stepIndex: number, stepCount: number, remeasure: boolean) => Promise<RunResult>;
  /**
   * Whether a step that breaks an objective is measured once more at the same load before the plan stops there:
   * the re-measure decides the step, so one noisy run (a stall of the host) neither stops the plan nor names the
   * knee. Default true.
   */
  confirmBreaches?: boolean;
  /** Memory a server process may use, bytes. Default: the machine's total memory. */
  memoryLimitBytes?: number;
  /** Plan for this target. Limits default to DEFAULT_CPU_BUDGET_PERCENT, DEFAULT_MEMORY_PER_PROCESS_BYTES, DEFAULT_CONNECTIONS_PER_PROCESS. */
  projection?: { target: ProjectionTarget; limits?: Partial<ProjectionLimits> };
  /** Called after each step is measured. */
  onStep?: (step: CapacityStep, stepCount: number) => void;
  signal?: AbortSignal;
}

/** The resolved plan: what runs and how. Throws an Error with a user-facing message when it cannot run. */
export function resolveCapacityPlan(text: string, file: string, overrides: readonly string[], plan: CapacityPlanOverrides = {}) {
  const base = parseScenarioText(text, file, overrides);
  const block = base.scenario.capacity;
  const dimension = plan.dimension ?? block?.dimension ?? 'clients';
  const target = resolveStepTarget(base.scenario, dimension, block?.phase, block?.action);
  const start = plan.start ?? block?.start ?? target.scenarioLoad;
  if (!(start > 0)) throw new Error(`capacity: the scenario's ${dimension} is ${start}; give a start > 0 (--start or capacity.start)`);
  const step = plan.step ?? block?.step ?? DEFAULT_STEP;
  const max = plan.max ?? block?.max ?? start * DEFAULT_MAX_FACTOR;
  const holdPerStepMs = plan.holdPerStepMs ?? block?.holdPerStepMs ?? DEFAULT_HOLD_PER_STEP_MS;
  const warmupMs = plan.warmupMs ?? block?.warmupMs ?? DEFAULT_WARMUP_MS;
  const loads = planSteps({ dimension, start, step, max });
  // Every step's scenario is validated now, so a load the schema refuses stops the command before any run.
  const steps = loads.map((load) => {
    const stepSets = stepOverrides(target, load, warmupMs, holdPerStepMs);
    const all = [...overrides, ...stepSets];
    return { load, overrides: all, loaded: parseScenarioText(text, file, all) };
  });
  return { base, target, dimension, step, holdPerStepMs, warmupMs, loads, steps };
}

/** Whether `signal` has fired (read afresh: it changes while a step runs). */
function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Runs the capacity plan and returns its result. Rejects for an unusable plan or scenario (nothing has run then). */
export async function runCapacity(options: RunCapacityOptions): Promise<CapacityResult> {
  const plan = resolveCapacityPlan(options.text, options.file, options.overrides, options.plan);
  const sloTexts = options.slos.length > 0 ? [...options.slos] : plan.base.scenario.thresholds;
  if (sloTexts.length === 0) throw new Error('capacity: give at least one objective with --slo (the scenario has no thresholds either)');
  const slos = parseSlos(sloTexts);
  const startedAt = new Date();
  const steps: CapacityStep[] = [];
  let stopReason: CapacityStopReason = { kind: 'max-reached' };
  let environment: RunResult['environment'] | undefined;
  let runTarget: RunResult['target'] | undefined;
  for (const [index, planned] of plan.steps.entries()) {
    if (options.signal?.aborted === true) {
      stopReason = { kind: 'interrupted', stepIndex: index };
      break;
    }
    const measure = async (first?: CapacityStep): Promise<{ result: RunResult; step: CapacityStep }> => {
      const result = await options.runStep(planned.loaded, index, plan.steps.length, first !== undefined);
      environment ??= result.environment;
      runTarget ??= result.target;
      const step = measureStep(result, {
        index,
        load: planned.load,
        overrides: planned.overrides,
        scenario: planned.loaded.scenario,
        phase: plan.target.phase,
        warmupMs: plan.warmupMs,
        slos,
      });
      if (first !== undefined) step.firstMeasurement = { outcome: first.outcome, slos: first.slos };
      options.onStep?.(step, plan.steps.length);
      return { result, step };
    };
    let { result, step } = await measure();
    if (step.outcome === 'slo-broken' && result.status !== 'interrupted' && options.confirmBreaches !== false && !aborted(options.signal)) {
      ({ result, step } = await measure(step));
    }
    steps.push(step);
    if (result.status === 'interrupted') {
      stopReason = { kind: 'interrupted', stepIndex: index };
      break;
    }
    if (step.outcome !== 'met') {
      stopReason = { kind: step.outcome, stepIndex: index };
      break;
    }
  }
  if (environment === undefined || runTarget === undefined) {
    throw new Error('capacity: interrupted before the first step ran');
  }
  const memoryLimitBytes = options.memoryLimitBytes ?? environment.totalMemoryBytes;
  const projection =
    options.projection === undefined
      ? undefined
      : {
          target: options.projection.target,
          limits: {
            cpuBudgetPercent: options.projection.limits?.cpuBudgetPercent ?? DEFAULT_CPU_BUDGET_PERCENT,
            memoryPerProcessBytes: options.projection.limits?.memoryPerProcessBytes ?? DEFAULT_MEMORY_PER_PROCESS_BYTES,
            connectionsPerProcess: options.projection.limits?.connectionsPerProcess ?? DEFAULT_CONNECTIONS_PER_PROCESS,
          },
        };
  return {
    version: CAPACITY_RESULT_VERSION,
    scenario: { name: plan.base.scenario.name, file: options.file, text: options.text, overrides: [...options.overrides] },
    dimension: plan.dimension,
    loadUnit: loadUnit(plan.target),
    phase: plan.target.phase,
    plan: { loads: plan.loads, step: plan.step, holdPerStepMs: plan.holdPerStepMs, warmupMs: plan.warmupMs },
    slos: sloTexts,
    environment,
    target: runTarget,
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    steps,
    stopReason,
    analysis: analyzeCapacity(steps, { memoryLimitBytes, ...(projection !== undefined ? { projection } : {}) }),
  };
}
