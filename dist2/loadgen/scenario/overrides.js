/**
 * `--set key=value` overrides, applied to the YAML document before validation so that the schema checks the
 * result like any scenario. Keys are dotted paths (`population.clients`, `target.builtin.app`); array items
 * are addressed by index or by name (`actions.broadcast.rate.perClient`, `phases.steady.duration`); a few
 * shortcuts exist (`clients`, `rooms`); values are YAML (`2`, `20s`, `true`, `[127.0.0.2, 127.0.0.3]`).
 * `duration=20s` is special: it rescales every phase in proportion (see rescaleDurations).
 */
import { parse as parseYaml } from 'yaml';
import { formatDurationMs, parseDurationMs } from '../units.js';
/** Shortcuts for the keys people override most. */
export const OVERRIDE_SHORTCUTS = {
    clients: ['population', 'clients'],
    rooms: ['population', 'rooms'],
};
/** Keys whose value is one of several single-key maps (or a scalar): setting a sub-key replaces the whole value. */
const VARIANT_KEYS = new Set(['target', 'rate', 'distribution', 'replyDelay']);
function parseValue(text) {
    if (text === '')
        return '';
    return parseYaml(text);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The label an array item answers to: its `name`, else its `kind` (actions and phases default their name to it). */
function itemLabel(item) {
    if (!isRecord(item))
        return undefined;
    const label = item['name'] ?? item['kind'];
    return typeof label === 'string' ? label : undefined;
}
/** Builds `{a: {b: value}}` from ['a', 'b']. */
function nest(keys, value) {
    return keys.reduceRight((inner, key) => ({ [key]: inner }), value);
}
/** Resolves a dotted key against the current document into a document path and the value to write there. */
function resolveKey(raw, segments, value) {
    const path = [];
    let current = raw;
    for (let index = 0; index < segments.length; index += 1) {
        const segment = segments[index] ?? '';
        const rest = segments.slice(index + 1);
        if (Array.isArray(current)) {
            let itemIndex;
            if (/^\d+$/.test(segment)) {
                itemIndex = Number(segment);
                if (itemIndex >= current.length)
                    return { error: `${path.join('.')} has ${current.length} item(s), no item ${itemIndex}` };
            }
            else {
                itemIndex = current.findIndex((item) => itemLabel(item) === segment);
                if (itemIndex < 0) {
                    const labels = current.map(itemLabel).filter((label) => label !== undefined);
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
 * Rescales every phase so that the phases sum to `targetMs` exactly: phase boundaries are scaled and rounded
 * to whole milliseconds (so rounding never accumulates), connect rates are scaled by the inverse factor so that
 * each phase still connects the same clients, and a given maxDuration is scaled by the same factor.
 */
function rescaleDurations(document, targetMs) {
    const raw = document.toJS();
    const phases = isRecord(raw) ? raw['phases'] : undefined;
    if (!Array.isArray(phases) || phases.length === 0)
        return { error: 'the scenario has no phases to rescale' };
    const oldMs = [];
    for (const [index, phase] of phases.entries()) {
        const duration = isRecord(phase) ? phase['duration'] : undefined;
        const ms = typeof duration === 'number' ? duration : typeof duration === 'string' ? parseDurationMs(duration) : undefined;
        if (ms === undefined || !(ms > 0))
            return { error: `cannot rescale: phases.${index}.duration is not a duration > 0` };
        oldMs.push(ms);
    }
    const totalOldMs = oldMs.reduce((sum, ms) => sum + ms, 0);
    const newMs = [];
    let elapsedOldMs = 0;
    let previousBoundaryMs = 0;
    for (const ms of oldMs) {
        elapsedOldMs += ms;
        const boundaryMs = Math.round((elapsedOldMs * targetMs) / totalOldMs);
        newMs.push(boundaryMs - previousBoundaryMs);
        previousBoundaryMs = boundaryMs;
    }
    if (newMs.some((ms) => ms <= 0))
        return { error: `${formatDurationMs(targetMs)} is too short for ${phases.length} phases of whole milliseconds` };
    const paths = [];
    newMs.forEach((ms, index) => {
        document.setIn(['phases', index, 'duration'], ms);
        paths.push(['phases', index, 'duration']);
        const phase = phases[index];
        const connectRate = phase['connectRate'];
        if (typeof connectRate === 'number') {
            document.setIn(['phases', index, 'connectRate'], (connectRate * (oldMs[index] ?? ms)) / ms);
            paths.push(['phases', index, 'connectRate']);
        }
    });
    const maxDuration = isRecord(raw) ? raw['maxDuration'] : undefined;
    const maxMs = typeof maxDuration === 'number' ? maxDuration : typeof maxDuration === 'string' ? parseDurationMs(maxDuration) : undefined;
    if (maxMs !== undefined) {
        document.setIn(['maxDuration'], Math.max(1, Math.round((maxMs * targetMs) / totalOldMs)));
        paths.push(['maxDuration']);
    }
    return { paths };
}
/**
 * Applies `overrides` (each `key=value`) to `document` in order. Returns what was applied (to name an override
 * in later problems) and the problems of overrides that could not be applied at all.
 */
export function applyOverrides(document, overrides) {
    const applied = [];
    const problems = [];
    for (const text of overrides) {
        const equals = text.indexOf('=');
        const key = equals > 0 ? text.slice(0, equals).trim() : text.trim();
        if (equals <= 0 || key === '') {
            problems.push({ override: text, key: text, message: 'expected key=value, e.g. --set clients=200' });
            continue;
        }
        let value;
        try {
            value = parseValue(text.slice(equals + 1));
        }
        catch (error) {
            problems.push({ override: text, key, message: `the value is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
            continue;
        }
        if (key === 'duration') {
            const targetMs = typeof value === 'number' ? value : typeof value === 'string' ? parseDurationMs(value) : undefined;
            if (targetMs === undefined || !Number.isInteger(targetMs) || targetMs <= 0) {
                problems.push({ override: text, key, message: 'expected a duration > 0 such as 20s or 2m (the phases are rescaled to sum to it)' });
                continue;
            }
            const rescaled = rescaleDurations(document, targetMs);
            if ('error' in rescaled)
                problems.push({ override: text, key, message: rescaled.error });
            else
                applied.push({ text, key, paths: rescaled.paths });
            continue;
        }
        const segments = key.split('.');
        const shortcut = OVERRIDE_SHORTCUTS[segments[0] ?? ''];
        const expanded = shortcut !== undefined ? [...shortcut, ...segments.slice(1)] : segments;
        if (expanded.some((segment) => segment === '')) {
            problems.push({ override: text, key, message: 'empty segment in the key' });
            continue;
        }
        const resolved = resolveKey(document.toJS(), expanded, value);
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
//# sourceMappingURL=overrides.js.map