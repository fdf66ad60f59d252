/**
 * `capacity.json`: everything a capacity run measured and concluded. The HTML and Markdown capacity reports
 * are drawn from this and nothing else, so a report can be redrawn from the file.
 */
import type { RunEnvironment } from '../run-result.js';
import type { CapacityDimension, StepIncrement } from './capacity-schema.js';
import type { CapacityStep } from './capacity-step.js';
import type { FittedCosts } from './fit-costs.js';
import type { KneeFinding } from './find-knee.js';
import type { Projection } from './project-processes.js';

/** Bumped on any incompatible change. */
export const CAPACITY_RESULT_VERSION = 1;

/** Why the steps stopped. */
export type CapacityStopReason =
  | { kind: 'slo-broken'; stepIndex: number }
  | { kind: 'loadgen-saturated'; stepIndex: number }
  | { kind: 'run-failed'; stepIndex: number }
  | { kind: 'max-reached' }
  | { kind: 'interrupted'; stepIndex: number };

/** What the steps say, computed by analyzeCapacity. */
export interface CapacityAnalysis {
  /** Index of the highest step that met every objective; undefined when the first step already did not. */
  sustainableStepIndex?: number;
  knee?: KneeFinding;
  costs: FittedCosts;
  /** Present when a target was given. */
  projection?: Projection;
  /** Memory one process was allowed in the limiting-resource check, bytes. */
  memoryLimitBytes: number;
}

export interface CapacityResult {
  version: typeof CAPACITY_RESULT_VERSION;
  scenario: { name: string; file: string; text: string; overrides: string[] };
  dimension: CapacityDimension;
  /** 'clients', 'rooms', 'msg/s' or 'msg/s per client'. */
  loadUnit: string;
  /** The measured phase and how each step ran it. */
  phase: string;
  plan: { loads: number[]; step: StepIncrement; holdPerStepMs: number; warmupMs: number };
  /** The objectives as given. */
  slos: string[];
  environment: RunEnvironment;
  target: { kind: 'builtin' | 'url'; url: string };
  startedAt: string;
  endedAt: string;
  steps: CapacityStep[];
  stopReason: CapacityStopReason;
  analysis: CapacityAnalysis;
}
