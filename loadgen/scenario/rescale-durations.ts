/**
 * `--set duration=20s`: every phase rescaled so that the phases sum to the asked duration, except that a ramp-up
 * is never squeezed below what the machine can connect. Squeezing rooms.yml's 15 s ramp-up of 2,000 clients into
 * 5 s (400 connects/s) dropped 577 schedule slots and left clients connecting 8 s into the steady phase.
 */
import type { Document } from 'yaml';
import { formatDurationMs, parseDurationMs } from '../units.js';

/**
 * Fastest connect rate a rescaled ramp-up is given, clients per second: a ramp-up keeps at least clients /
 * this rate (or its own length, if that was shorter). rooms.yml's own 133/s connects with a p99 of 13 ms on the
 * project's 2-core machine beside the built-in server; 400/s, the 20 s rescale, took a p99 of 7 s.
 */
export const RESCALE_FLOOR_CONNECTS_PER_SEC = 200;

type Path = Array<string | number>;

/** The paths written, and a note for the run when a ramp-up was kept at its floor. */
export type Rescaled = { paths: Path[]; note?: string } | { error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function durationMsOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : typeof value === 'string' ? parseDurationMs(value) : undefined;
}

/** `oldMs` scaled to sum to `targetMs`: boundaries are scaled and rounded to whole ms, so rounding never accumulates. */
function proportional(oldMs: readonly number[], targetMs: number): number[] {
  const totalOldMs = oldMs.reduce((sum, ms) => sum + ms, 0);
  const newMs: number[] = [];
  let elapsedOldMs = 0;
  let previousBoundaryMs = 0;
  for (const ms of oldMs) {
    elapsedOldMs += ms;
    const boundaryMs = Math.round((elapsedOldMs * targetMs) / totalOldMs);
    newMs.push(boundaryMs - previousBoundaryMs);
    previousBoundaryMs = boundaryMs;
  }
  return newMs;
}

/**
 * Rescales every phase so that the phases sum to `targetMs` exactly. A ramp-up whose share would be shorter than
 * its floor (clients / RESCALE_FLOOR_CONNECTS_PER_SEC, never more than its own length) keeps the floor, and the
 * other phases share the rest in proportion. Connect rates are scaled by the inverse factor of their phase, so
 * each phase still connects the same clients; a given maxDuration is scaled with the total. `clientsAtRun`: the
 * run's client count when other overrides change it (default: the document's).
 */
export function rescaleDurations(document: Document, targetMs: number, clientsAtRun?: number): Rescaled {
  const raw = document.toJS() as unknown;
  const phases = isRecord(raw) ? raw['phases'] : undefined;
  if (!Array.isArray(phases) || phases.length === 0) return { error: 'the scenario has no phases to rescale' };
  const oldMs: number[] = [];
  for (const [index, phase] of phases.entries()) {
    const ms = durationMsOf(isRecord(phase) ? phase['duration'] : undefined);
    if (ms === undefined || !(ms > 0)) return { error: `cannot rescale: phases.${index}.duration is not a duration > 0` };
    oldMs.push(ms);
  }
  const population = isRecord(raw) ? raw['population'] : undefined;
  const clients = clientsAtRun ?? (isRecord(population) && typeof population['clients'] === 'number' ? population['clients'] : 0);
  const floorMs = phases.map((phase, index) =>
    isRecord(phase) && phase['kind'] === 'ramp-up' ? Math.min(oldMs[index] ?? 0, Math.ceil((clients * 1000) / RESCALE_FLOOR_CONNECTS_PER_SEC)) : 0,
  );
  let newMs = proportional(oldMs, targetMs);
  if (newMs.some((ms) => ms <= 0)) return { error: `${formatDurationMs(targetMs)} is too short for ${phases.length} phases of whole milliseconds` };
  const floored = newMs.map((ms, index) => ms < (floorMs[index] ?? 0));
  let note: string | undefined;
  if (floored.some(Boolean)) {
    const keptMs = floorMs.reduce((sum, ms, index) => sum + (floored[index] ? ms : 0), 0);
    const free = oldMs.filter((_, index) => !floored[index]);
    const restMs = targetMs - keptMs;
    if (restMs < free.length) {
      // Every phase left needs a whole millisecond.
      return { error: `${formatDurationMs(targetMs)} is too short: the ramp-up needs ${formatDurationMs(keptMs)} to connect ${clients} clients at ${RESCALE_FLOOR_CONNECTS_PER_SEC}/s at most` };
    }
    const freeMs = free.length === 0 ? [] : proportional(free, restMs);
    const inProportion = newMs;
    newMs = oldMs.map((_, index) => (floored[index] ? (floorMs[index] ?? 0) : (freeMs.shift() ?? 0)));
    if (newMs.some((ms) => ms <= 0)) return { error: `${formatDurationMs(targetMs)} is too short: with the ramp-up at ${formatDurationMs(keptMs)}, ${free.length} phases share ${formatDurationMs(restMs)}` };
    const kept = phases.flatMap((phase, index) =>
      floored[index] ? [`${isRecord(phase) && typeof phase['name'] === 'string' ? phase['name'] : `phase ${index}`} at ${formatDurationMs(newMs[index] ?? 0)} (not ${formatDurationMs(inProportion[index] ?? 0)})`] : [],
    );
    note =
      `duration=${formatDurationMs(targetMs)} kept ${kept.join(', ')}: ${clients} clients connect at ${RESCALE_FLOOR_CONNECTS_PER_SEC}/s at most when a ramp-up is rescaled; ` +
      (free.length === 0 ? 'the run is longer than asked' : `the other phases share the remaining ${formatDurationMs(restMs)}`);
  }
  const totalOldMs = oldMs.reduce((sum, ms) => sum + ms, 0);
  const totalNewMs = newMs.reduce((sum, ms) => sum + ms, 0);
  const paths: Path[] = [];
  newMs.forEach((ms, index) => {
    document.setIn(['phases', index, 'duration'], ms);
    paths.push(['phases', index, 'duration']);
    const connectRate = (phases[index] as Record<string, unknown>)['connectRate'];
    if (typeof connectRate === 'number') {
      document.setIn(['phases', index, 'connectRate'], (connectRate * (oldMs[index] ?? ms)) / ms);
      paths.push(['phases', index, 'connectRate']);
    }
  });
  const maxMs = durationMsOf(isRecord(raw) ? raw['maxDuration'] : undefined);
  if (maxMs !== undefined) {
    document.setIn(['maxDuration'], Math.max(1, Math.round((maxMs * totalNewMs) / totalOldMs)));
    paths.push(['maxDuration']);
  }
  return note === undefined ? { paths } : { paths, note };
}
