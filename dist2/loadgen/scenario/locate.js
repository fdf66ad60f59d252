/**
 * Finds where an input-side path is in a YAML document: the value's position, the key's for an unknown key,
 * and for a missing key the parent's (its key, when the parent is a map value). Positions are 1-based.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
const DOCUMENT_START = { line: 1, col: 1 };
function walk(document, path) {
    let node = document.contents ?? null;
    let pair;
    for (const key of path) {
        if (isMap(node)) {
            const next = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
            if (next === undefined)
                return { node, pair, complete: false };
            pair = next;
            node = (isPair(next) ? next.value : null) ?? null;
            if (node === null)
                return { node: null, pair, complete: true };
        }
        else if (isSeq(node) && typeof key === 'number') {
            const item = node.items[key];
            if (item === undefined)
                return { node, pair, complete: false };
            node = item;
            pair = undefined;
        }
        else {
            return { node, pair, complete: false };
        }
    }
    return { node, pair, complete: true };
}
function startOf(node, lineCounter) {
    const offset = node?.range?.[0];
    if (offset === undefined)
        return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
}
/**
 * The position of `path` in `document`. `atKey`: point at the last key rather than its value. `column`
 * (1-based, inside a string value) moves the position into a plain or quoted single-line string.
 */
export function locate(document, lineCounter, path, options = {}) {
    const found = walk(document, path);
    const keyNode = found.pair !== undefined ? found.pair.key : null;
    if (!found.complete) {
        // A missing key: point at the parent, by its key when it has one (`population:` rather than its first entry).
        return startOf(keyNode, lineCounter) ?? startOf(found.node, lineCounter) ?? DOCUMENT_START;
    }
    if (options.atKey === true)
        return startOf(keyNode, lineCounter) ?? startOf(found.node, lineCounter) ?? DOCUMENT_START;
    const position = startOf(found.node, lineCounter) ?? startOf(keyNode, lineCounter) ?? DOCUMENT_START;
    if (options.column !== undefined && isScalar(found.node)) {
        switch (found.node.type) {
            case 'PLAIN':
                return { line: position.line, col: position.col + options.column - 1 };
            case 'QUOTE_DOUBLE':
            case 'QUOTE_SINGLE':
                return { line: position.line, col: position.col + options.column };
            default:
                return position;
        }
    }
    return position;
}
//# sourceMappingURL=locate.js.map