/**
 * Finds where an input-side path is in a YAML document: the value's position, the key's for an unknown key,
 * and for a missing key the parent's (its key, when the parent is a map value). Positions are 1-based.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

/** A 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

const DOCUMENT_START: Position = { line: 1, col: 1 };

interface Found {
  /** The deepest node reached along the path. */
  node: Node | null;
  /** The pair whose value is `node`, when it is a map value. */
  pair: Pair | undefined;
  /** Whether the whole path was walked. */
  complete: boolean;
}

function walk(document: Document, path: ReadonlyArray<string | number>): Found {
  let node: Node | null = (document.contents as Node | null) ?? null;
  let pair: Pair | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const next: Pair | undefined = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (next === undefined) return { node, pair, complete: false };
      pair = next;
      node = (isPair(next) ? (next.value as Node | null) : null) ?? null;
      if (node === null) return { node: null, pair, complete: true };
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (item === undefined) return { node, pair, complete: false };
      node = item;
      pair = undefined;
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

function startOf(node: Node | null | undefined, lineCounter: LineCounter): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

/**
 * The position of `path` in `document`. `atKey`: point at the last key rather than its value. `column`
 * (1-based, inside a string value) moves the position into a plain or quoted single-line string.
 */
export function locate(
  document: Document,
  lineCounter: LineCounter,
  path: ReadonlyArray<string | number>,
  options: { atKey?: boolean; column?: number } = {},
): Position {
  const found = walk(document, path);
  const keyNode = found.pair !== undefined ? (found.pair.key as Node | null) : null;
  if (!found.complete) {
    // A missing key: point at the parent, by its key when it has one (`population:` rather than its first entry).
    return startOf(keyNode, lineCounter) ?? startOf(found.node, lineCounter) ?? DOCUMENT_START;
  }
  if (options.atKey === true) return startOf(keyNode, lineCounter) ?? startOf(found.node, lineCounter) ?? DOCUMENT_START;
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
