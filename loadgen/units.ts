/**
 * Unit conversions in one place: duration strings ('500ms', '10s', '2m', '1h', '1m30s') to and from
 * milliseconds, microseconds to and from milliseconds, elapsed microseconds in words ('840 ms', '12.3 s'), and
 * byte sizes ('512', '1KiB', '2MB') to bytes.
 * Measurement code records integer microseconds; scenarios speak milliseconds; people read both.
 */

/** Milliseconds in one of each duration unit that a duration string may use. */
const MS_PER_DURATION_UNIT = {
  us: 0.001,
  µs: 0.001,
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
} as const;

/** One `<number><unit>` part of a duration string; a duration is one or more of them ('1m30s'). */
const DURATION_PART = /(\d+(?:\.\d+)?)(us|µs|ms|s|m|h)/gy;

/** A whole duration string, for schemas that want to check the form: e.g. 500ms, 10s, 2m, 1h, 1m30s, 1.5s. */
export const DURATION_PATTERN = /^(?:\d+(?:\.\d+)?(?:us|µs|ms|s|m|h))+$/;

/**
 * Parses a duration string ('500ms', '10s', '2m', '1h', '1m30s', '250us') into milliseconds, which may be
 * fractional ('250us' is 0.25). Returns undefined when the text is not a duration (a bare number has no unit
 * and is not one: callers decide what a unitless number means).
 */
export function parseDurationMs(text: string): number | undefined {
  if (!DURATION_PATTERN.test(text)) return undefined;
  let totalMs = 0;
  DURATION_PART.lastIndex = 0;
  for (let match = DURATION_PART.exec(text); match !== null; match = DURATION_PART.exec(text)) {
    const amount = Number(match[1]);
    const unit = match[2] as keyof typeof MS_PER_DURATION_UNIT;
    totalMs += amount * MS_PER_DURATION_UNIT[unit];
  }
  // Sums of decimal parts ('0.1s' + ...) can pick up binary noise; durations are exact to the microsecond.
  return Math.round(totalMs * 1000) / 1000;
}

/**
 * Formats milliseconds as the shortest exact duration string: 1500 → '1500ms', 2000 → '2s', 90000 → '1m30s',
 * 3600000 → '1h', 0 → '0ms', 0.25 → '250us'. Negative or non-finite values are refused (RangeError).
 */
export function formatDurationMs(durationMs: number): string {
  if (!Number.isFinite(durationMs) || durationMs < 0) throw new RangeError(`durationMs must be a finite number >= 0, got ${durationMs}`);
  if (durationMs === 0) return '0ms';
  if (!Number.isInteger(durationMs)) return `${Math.round(durationMs * 1000)}us`;
  if (durationMs % 1000 !== 0) return `${durationMs}ms`;
  let restSec = durationMs / 1000;
  const hours = Math.floor(restSec / 3600);
  restSec -= hours * 3600;
  const minutes = Math.floor(restSec / 60);
  restSec -= minutes * 60;
  return `${hours > 0 ? `${hours}h` : ''}${minutes > 0 ? `${minutes}m` : ''}${restSec > 0 ? `${restSec}s` : ''}`;
}

/** Microseconds to milliseconds (fractional where the value is not a whole millisecond). */
export function usToMs(durationUs: number): number {
  return durationUs / 1000;
}

/** Milliseconds to integer microseconds (rounded to the nearest microsecond, as histograms record them). */
export function msToUs(durationMs: number): number {
  return Math.round(durationMs * 1000);
}

/** A duration in words, to the millisecond below one second and to a tenth of a second above: 840 ms, 12.3 s. */
export function formatElapsedUs(elapsedUs: number): string {
  const ms = Math.round(elapsedUs / 1000);
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Seconds to milliseconds. */
export function secToMs(durationSec: number): number {
  return durationSec * 1000;
}

/** Milliseconds to seconds. */
export function msToSec(durationMs: number): number {
  return durationMs / 1000;
}

/** Bytes in one of each size unit: SI (kB, MB, GB: powers of 1000) and IEC (KiB, MiB, GiB: powers of 1024). */
const BYTES_PER_SIZE_UNIT: Record<string, number> = {
  B: 1,
  kB: 1_000,
  KB: 1_000,
  MB: 1_000_000,
  GB: 1_000_000_000,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** A whole byte-size string: a whole or decimal number with an optional unit, e.g. 512, 512B, 1KiB, 1.5MB. */
export const BYTE_SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|MB|GB|KiB|MiB|GiB)?$/;

/**
 * Parses a byte size ('512', '512B', '1KiB' = 1024, '1kB' = 1000, '1.5MiB') into a whole number of bytes.
 * Returns undefined when the text is not a size or does not come to a whole number of bytes ('0.3B').
 */
export function parseByteSize(text: string): number | undefined {
  const match = BYTE_SIZE_PATTERN.exec(text);
  if (match === null) return undefined;
  const bytes = Number(match[1]) * (BYTES_PER_SIZE_UNIT[match[2] ?? 'B'] ?? Number.NaN);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** Formats a byte count for people: 512 → '512 B', 1536 → '1.5 KiB', 1048576 → '1 MiB' (at most one decimal). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'] as const;
  let value = bytes;
  let unitIndex = 0;
  while (Math.abs(value) >= 1024 && unitIndex < units.length - 1) {
    value /= 1024;
    unitIndex += 1;
  }
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} ${units[unitIndex]}`;
}
