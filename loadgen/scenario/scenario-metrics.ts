/**
 * Which latency and delivery metrics a scenario produces, and from which action: the built-in ones (echo,
 * broadcast, customAck, ...) and each custom or listen action's own (its name, `<name>.fanout`, `<name>.ack`;
 * see metric-names.ts). Thresholds are checked against it, and reports show only what a run produced.
 */
import { ackMetricOf, fanoutMetricOf } from '../metric-names.js';
import type { Action } from './action-schema.js';

/** Metrics recorded without any action: every client connects; reconnects also follow faults; http comes from benchmarks. */
export const METRICS_WITHOUT_ACTION: ReadonlySet<string> = new Set(['connect', 'reconnect', 'http']);

/** What to add so that a built-in metric gets samples. */
export const BUILTIN_METRIC_SOURCE: Readonly<Record<string, string>> = {
  connect: 'any client',
  join: 'a join action',
  leave: 'a leave action',
  echo: 'an echo action',
  direct: 'a direct action',
  broadcast: 'a broadcast action',
  fanoutCompletion: 'a broadcast action',
  customAck: 'a custom action with ack: true',
  customReply: 'a custom action with a reply',
  push: 'a listen action with a timestampField',
  reconnect: 'a churn action',
  http: 'an HTTP benchmark',
};

/** The latency metrics `action` records (a bench action under its kind; a custom or listen action also under its name). */
export function latencyMetricsOf(action: Action): string[] {
  switch (action.kind) {
    case 'join':
    case 'leave':
    case 'echo':
    case 'direct':
      return [action.kind];
    case 'broadcast':
      return ['broadcast', 'fanoutCompletion'];
    case 'custom': {
      const metrics: string[] = [];
      if (action.ack) metrics.push('customAck', action.delivers === undefined ? action.name : ackMetricOf(action.name));
      if (action.reply !== undefined) metrics.push('customReply', action.name);
      if (action.delivers !== undefined) {
        metrics.push(action.name);
        if (action.delivers.to !== 'sender' && action.delivers.to !== 'peer') metrics.push(fanoutMetricOf(action.name));
      }
      return metrics;
    }
    case 'listen':
      return action.timestampField === undefined ? [] : ['push', action.name];
    case 'churn':
      return ['reconnect'];
    case 'http':
      return ['http'];
  }
}

/** Every latency metric the scenario's actions record, with the action that records it first. */
export function scenarioLatencyMetrics(actions: readonly Action[]): Map<string, Action> {
  const metrics = new Map<string, Action>();
  for (const action of actions) for (const metric of latencyMetricsOf(action)) if (!metrics.has(metric)) metrics.set(metric, action);
  return metrics;
}

/** The delivering metrics of the scenario: bench broadcast and direct where used, each declared delivery. */
export function scenarioDeliveryMetrics(actions: readonly Action[]): string[] {
  const metrics: string[] = [];
  if (actions.some((action) => action.kind === 'broadcast')) metrics.push('broadcast');
  if (actions.some((action) => action.kind === 'direct')) metrics.push('direct');
  for (const action of actions) if (action.kind === 'custom' && action.delivers !== undefined) metrics.push(action.name);
  return metrics;
}
