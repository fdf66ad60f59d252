/**
 * `--set key=value` overrides, applied to the YAML document before validation so that the schema checks the
 * result like any scenario. Keys are dotted paths (`population.clients`, `target.builtin.app`); array items
 * are addressed by index or by name (`actions.broadcast.rate.perClient`, `phases.steady.duration`); a few
 * shortcuts exist (`clients`, `rooms`); values are YAML (`2`, `20s`, `true`, `[127.0.0.2, 127.0.0.3]`).
 * `duration=20s` is special: it rescales every phase in proportion, a ramp-up no faster than the machine can
 * connect (rescale-durations.ts).
 */
import { parse as parseYaml, type Document } from 'yaml';
import { parseDurationMs } from '../units.js';
import { rescaleDurations } from './rescale-durations.js';

/** Shortcuts for the keys people override most. */
export const OVERRIDE_SHORTCUTS: Readonly<Record<string, readonly string[]>> = {
  clients: ['population', 'clients'],
  rooms: ['population', 'rooms'],
};

/** Keys whose value is one of several single-key maps (or a scalar): setting a sub-key replaces the whole value. */
const VARIANT_KEYS: ReadonlySet<string> = new Set(['target', 'rate', 'distribution', 'replyDelay']);

/** An override that was applied, and the document paths it wrote, so that later problems can name it. */
export interface AppliedOverride {
  /** As given, e.g. `clients=20000`. */
  text: string;
  /** The key as given, e.g. `clients`. */
  key: string;
  /** Resolved paths written, e.g. [['population', 'clients']]. */
  paths: Array<Array<string | number>>;
  /** What the run should say about how it was applied (a ramp-up kept at its floor). */
  note?: string;
}

/** A problem with an override itself (syntax, a path that leads nowhere). */
export interface OverrideProblem {
  override: string;
  key: string;
  message: string;
}

type Path = Array<string | number>;

function parseValue(text: string): unknown {
  if (text === '') return '';
  return parseYaml(text) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The label an array item answers to: its `name`, else its `kind` (actions and phases default their name to it). */
function itemLabel(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  const label = item['name'] ?? item['kind'];
  return typeof label === 'string' ? label : undefined;
}

/** Builds `{a: {b: value}}` from ['a', 'b']. */
function nest(keys: readonly string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

type Resolved = { path: Path; value: unknown } | { error: string };

/** Resolves a dotted key against the current document into a document path and the value to write there. */
function resolveKey(raw: unknown, segments: readonly string[], value: unknown): Resolved {
  const path: Path = [];
  let current: unknown = raw;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] ?? '';
    const rest = segments.slice(index + 1);
    if (Array.isArray(current)) {
      let itemIndex: number;
      if (/^\d+$/.test(segment)) {
        itemIndex = Number(segment);
        if (itemIndex >= current.length) return { error: `${path.join('.')} has ${current.length} item(s), no item ${itemIndex}` };
      } else {
        itemIndex = current.findIndex((item) => itemLabel(item) === segment);
        if (itemIndex < 0) {
          const labels = current.map(itemLabel).filter((label): label is string => label !== undefined);
          return { error: `no item named '${segment}' in ${path.join('.')} (names: ${labels.join(', ') || 'none'})` };
        }
      }
      path.push(itemIndex);
      current = current[itemIndex];
      continue;
    }
    const parentKey = path[path.length - 1];
    if (!isRecord(current) || !(segment in current)) {
      if (typeof parentKey === 'string' && VARIANT_KEYS.has(parentKey)) {
        // `rate.perClient=2` on a {total: ...} rate: the variant is replaced, not merged into an invalid mix.
        return { path, value: nest([segment, ...rest], value) };
      }
      if (current !== undefined && current !== null && !isRecord(current)) {
        return { error: `${path.join('.')} is ${JSON.stringify(current)}, not a map: cannot set ${segment} in it` };
      }
      return { path: [...path, segment], value: nest(rest, value) };
    }
    path.push(segment);
    current = current[segment];
  }
  return { path, value };
}

/**
 * Applies `overrides` (each `key=value`) to `document` in order. Returns what was applied (to name an override
 * in later problems) and the problems of overrides that could not be applied at all. How far `duration=` may
 * shorten a ramp-up depends on the population the run will have, so it reads the client count that every other
 * override leaves (`--set duration=20s --set clients=400` rescales for 400 clients, as the other order does).
 */
export function applyOverrides(document: Document, overrides: readonly string[]): { applied: AppliedOverride[]; problems: OverrideProblem[] } {
  const applied: AppliedOverride[] = [];
  const problems: OverrideProblem[] = [];
  const others = overrides.filter((text) => text.slice(0, Math.max(0, text.indexOf('='))).trim() !== 'duration');
  let finalClients: number | undefined;
  if (others.length < overrides.length) {
    const probe = document.clone();
    applyOverrides(probe, others);
    const clients = probe.getIn(['population', 'clients']);
    finalClients = typeof clients === 'number' ? clients : undefined;
  }
  for (const text of overrides) {
    const equals = text.indexOf('=');
    const key = equals > 0 ? text.slice(0, equals).trim() : text.trim();
    if (equals <= 0 || key === '') {
      problems.push({ override: text, key: text, message: 'expected key=value, e.g. --set clients=200' });
      continue;
    }
    let value: unknown;
    try {
      value = parseValue(text.slice(equals + 1));
    } catch (error) {
      problems.push({ override: text, key, message: `the value is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      continue;
    }
    if (key === 'duration') {
      const targetMs = typeof value === 'number' ? value : typeof value === 'string' ? parseDurationMs(value) : undefined;
      if (targetMs === undefined || !Number.isInteger(targetMs) || targetMs <= 0) {
        problems.push({ override: text, key, message: 'expected a duration > 0 such as 20s or 2m (the phases are rescaled to sum to it)' });
        continue;
      }
      const rescaled = rescaleDurations(document, targetMs, finalClients);
      if ('error' in rescaled) problems.push({ override: text, key, message: rescaled.error });
      else applied.push({ text, key, paths: rescaled.paths, ...(rescaled.note === undefined ? {} : { note: rescaled.note }) });
      continue;
    }
    const segments = key.split('.');
    const shortcut = OVERRIDE_SHORTCUTS[segments[0] ?? ''];
    const expanded = shortcut !== undefined ? [...shortcut, ...segments.slice(1)] : segments;
    if (expanded.some((segment) => segment === '')) {
      problems.push({ override: text, key, message: 'empty segment in the key' });
      continue;
    }
    const resolved = resolveKey(document.toJS() as unknown, expanded, value);
    if ('error' in resolved) {
      problems.push({ override: text, key, message: resolved.error });
      continue;
    }
    if (resolved.path.length === 0) {
      problems.push({ override: text, key, message: 'cannot replace the whole scenario' });
      continue;
    }
    document.setIn(resolved.path, document.createNode(resolved.value));
    applied.push({ text, key, paths: [resolved.path] });
  }
  return { applied, problems };
}
