/**
 * Per-process server samples: a multi-process server (`sio-bench serve --workers N`) lists each process's own
 * figures under `processes` in its `/metrics.json` beside the total (see server/metrics/process-metrics.ts).
 * These turn two consecutive lists into one ServerSample per process that appears in both. Pure.
 */
import type { ServerSample } from '../run-result.js';
import { computeServerSample, parseMetricsReading, type MetricsReading } from './server-sample.js';

/** The per-process readings of a metrics body, by process name; empty when the body lists none (one process). */
export function parseProcessReadings(body: unknown): Map<string, MetricsReading> {
  const readings = new Map<string, MetricsReading>();
  if (typeof body !== 'object' || body === null) return readings;
  const processes = (body as { processes?: unknown }).processes;
  if (!Array.isArray(processes)) return readings;
  for (const entry of processes) {
    const name = typeof entry === 'object' && entry !== null ? (entry as { process?: unknown }).process : undefined;
    if (typeof name !== 'string' || name.length === 0 || name === 'total') continue;
    const reading = parseMetricsReading(entry);
    // A malformed entry costs that process its sample; the total and the other processes are still usable.
    if (typeof reading !== 'string') readings.set(name, reading);
  }
  return readings;
}

/**
 * One sample per process present in both `previous` and `current` (a process that just appeared gets its first
 * sample one interval later; one that restarted, as computeServerSample decides, gets none), in `current`'s order.
 */
export function computeProcessSamples(
  previous: ReadonlyMap<string, MetricsReading>,
  current: ReadonlyMap<string, MetricsReading>,
  tSec: number,
): ServerSample[] {
  const samples: ServerSample[] = [];
  for (const [name, reading] of current) {
    const before = previous.get(name);
    if (before === undefined) continue;
    const sample = computeServerSample(before, reading, { tSec, process: name });
    if (sample !== undefined) samples.push(sample);
  }
  return samples;
}
