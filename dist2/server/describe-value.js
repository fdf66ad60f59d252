/** How an option's value is shown in a validation message: strings quoted, lists expanded, objects unnamed. */
export function describeValue(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(describeValue).join(', ')}]`;
    return value === null || typeof value !== 'object' ? String(value) : 'an object';
}
//# sourceMappingURL=describe-value.js.map