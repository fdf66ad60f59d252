/** The raw value at `path`, or undefined where the path does not lead anywhere. */
export function valueAt(root, path) {
    let current = root;
    for (const key of path) {
        if (typeof current !== 'object' || current === null)
            return undefined;
        current = current[key];
    }
    return current;
}
function hasKey(root, path) {
    if (path.length === 0)
        return true;
    const parent = valueAt(root, path.slice(0, -1));
    const key = path[path.length - 1];
    return typeof parent === 'object' && parent !== null && key !== undefined && key in parent;
}
/** How a value reads in a message: `"2000" (a string)`, `null (an empty value)`, `a list`, `a map`, `5`. */
export function describeValue(value) {
    if (value === null)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value)}`;
    return String(value);
}
function toPath(path) {
    return path.map((key) => (typeof key === 'number' ? key : String(key)));
}
/** True when an alternative of a union failed on the shape itself: wrong type, unknown or missing keys at its root. */
function isShapeMismatch(issue, root, unionPath) {
    if (issue.path.length === 0)
        return issue.code === 'invalid_type' || issue.code === 'unrecognized_keys' || issue.code === 'invalid_value';
    if (issue.path.length === 1 && issue.code === 'invalid_type')
        return !hasKey(root, [...unionPath, ...issue.path]);
    return false;
}
function boundMessage(issue) {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    const inclusive = issue.inclusive ?? true;
    const op = issue.code === 'too_small' ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<';
    switch (issue.origin) {
        case 'array':
        case 'set':
            return issue.code === 'too_small' ? `needs at least ${String(bound)} item(s)` : `takes at most ${String(bound)} item(s)`;
        case 'string':
            return issue.code === 'too_small' && Number(bound) === 1 ? 'must not be empty' : `length must be ${op} ${String(bound)}`;
        default:
            return `must be ${op} ${String(bound)}`;
    }
}
function messageOf(issue, value, present) {
    switch (issue.code) {
        case 'invalid_type':
            if (!present)
                return `required key is missing (expected ${issue.expected})`;
            return `expected ${issue.expected}, got ${describeValue(value)}`;
        case 'invalid_value':
            return `expected ${issue.values.map((allowed) => JSON.stringify(allowed)).join(' | ')}, got ${describeValue(value)}`;
        case 'too_small':
        case 'too_big':
            return boundMessage(issue);
        default:
            return issue.message;
    }
}
/**
 * Flattens zod issues (from parsing `root`) into located-by-path problems. `base` is the path of the schema
 * that produced them (issues of union alternatives are relative to the union).
 */
export function issuesToProblems(issues, root, base = []) {
    const problems = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys)
                problems.push({ path: toPath([...path, key]), message: 'unknown key', atKey: true });
            continue;
        }
        if (issue.code === 'invalid_union' && issue.errors.length === 0 && 'options' in issue && Array.isArray(issue.options)) {
            // A discriminated union whose discriminator (`kind`) matched no alternative.
            const value = valueAt(root, path);
            const allowed = issue.options.map((option) => JSON.stringify(option)).join(' | ');
            problems.push({ path: toPath(path), message: value === undefined ? `required key is missing (expected ${allowed})` : `expected ${allowed}, got ${describeValue(value)}` });
            continue;
        }
        if (issue.code === 'invalid_union' && issue.errors.length > 0) {
            const fitting = issue.errors.filter((alternative) => !alternative.some((inner) => isShapeMismatch(inner, root, path)));
            const [only] = fitting;
            if (fitting.length === 1 && only !== undefined) {
                problems.push(...issuesToProblems(only, root, path));
                continue;
            }
            const message = hasKey(root, path) ? `${issue.message}; got ${describeValue(valueAt(root, path))}` : `required key is missing (${issue.message})`;
            problems.push({ path: toPath(path), message });
            continue;
        }
        const column = issue.code === 'custom' && typeof issue.params?.['column'] === 'number' ? issue.params['column'] : undefined;
        problems.push({
            path: toPath(path),
            message: messageOf(issue, valueAt(root, path), hasKey(root, path)),
            ...(column !== undefined ? { column } : {}),
        });
    }
    return problems;
}
//# sourceMappingURL=issue-messages.js.map