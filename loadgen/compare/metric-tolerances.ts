/**
 * How much each compared figure may move before `compare` can call it a regression. One tolerance for every
 * metric would be either deaf to fan-out latency (which repeats within a few percent) or cry wolf on server CPU
 * and connect latency (which move by tens of percent between two runs of one build on a busy machine). The
 * defaults below come from the run-to-run spread the A/A benchmark measured on a 2-core machine (bench/gate-
 * false-alarms; figures in docs/ci.md): each is about the largest ratio between the medians of two sides of an
 * unchanged build, rounded up. `--tolerance` replaces them all, `--tolerance-for ID=PCT` one metric or group.
 */
import { badInput } from '../user-error.js';
import { parsePercent } from './parse-percent.js';

/** One default: metric ids matched by `pattern` (a regular expression over the id) get `fraction`. */
interface ToleranceRule {
  pattern: RegExp;
  fraction: number;
  /** Why the figure is this noisy, for docs/ci.md and `compare --help`. */
  reason: string;
}

/** The defaults, first match wins. */
export const DEFAULT_TOLERANCE_RULES: readonly ToleranceRule[] = [
  { pattern: /^connect\.latency\./, fraction: 1, reason: 'connects queue behind the whole ramp: they follow the machine, not the build' },
  { pattern: /^(join|leave)\.latency\./, fraction: 0.5, reason: 'joins run during the ramp, among the connects' },
  { pattern: /\.latency\.(p99|p999|max)$/, fraction: 1, reason: 'a tail percentile of a short run follows a second of the machine being busy (A/A: up to +73%)' },
  { pattern: /\.latency\.p90$/, fraction: 0.3, reason: 'near the tail (A/A: up to +28% with every run of one side above the other)' },
  { pattern: /\.latency\./, fraction: 0.15, reason: 'medians of steady-state latency repeat within a few percent' },
  { pattern: /^throughput\./, fraction: 0.05, reason: 'the open model fixes the rate: a drop means events were not sent or not received' },
  { pattern: /^server\.cpuPerMessage$/, fraction: 0.35, reason: 'sampled CPU of a process that shares 2 cores with the load generator' },
  { pattern: /^server\.rssPerClient$/, fraction: 0.25, reason: 'RSS follows the garbage collector as much as the clients' },
  { pattern: /./, fraction: 0.1, reason: 'delivery and error shares: any change from zero is infinite' },
];

/** The tolerances of a comparison: defaults, or one for all, with per-metric overrides on top. */
export interface ToleranceSettings {
  /** `--tolerance`: replaces every default. */
  all?: number;
  /** `--tolerance-for`: metric id or dot-bounded prefix -> fraction, the longest matching prefix wins. */
  byMetric?: Readonly<Record<string, number>>;
}

/** The tolerance of metric `id` (0.1 = a change within 10% is never a regression). */
export function toleranceOf(id: string, settings: ToleranceSettings = {}): number {
  let best: { length: number; fraction: number } | undefined;
  for (const [prefix, fraction] of Object.entries(settings.byMetric ?? {})) {
    const matches = id === prefix || id.startsWith(`${prefix}.`);
    if (matches && (best === undefined || prefix.length > best.length)) best = { length: prefix.length, fraction };
  }
  if (best !== undefined) return best.fraction;
  if (settings.all !== undefined) return settings.all;
  const rule = DEFAULT_TOLERANCE_RULES.find((candidate) => candidate.pattern.test(id));
  // The last rule matches every id.
  return rule!.fraction;
}

/** Parses the values of `--tolerance-for ID=PERCENT` (repeatable) into per-metric tolerances; bad ones are bad input. */
export function parseToleranceFor(values: readonly string[]): Record<string, number> {
  const byMetric: Record<string, number> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const id = equals < 0 ? '' : value.slice(0, equals).trim();
    if (id === '') throw badInput(`--tolerance-for needs METRIC=PERCENT, e.g. server.cpuPerMessage=40% (got ${JSON.stringify(value)})`);
    byMetric[id] = parsePercent(value.slice(equals + 1).trim(), `--tolerance-for ${id}`, { min: 0, max: 100 });
  }
  return byMetric;
}
