/**
 * The keys a scenario allows at a place, read from the scenario's JSON Schema (itself generated from the one zod
 * schema, so the list cannot drift from what validation accepts): an unknown `--set` key lists them.
 */
import { scenarioJsonSchema } from './json-schema.js';

type SchemaNode = Record<string, unknown>;

let rootSchema: SchemaNode | undefined;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `node` with a local `$ref` followed. */
function resolved(node: SchemaNode, root: SchemaNode): SchemaNode {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let current: unknown = root;
  for (const segment of ref.slice(2).split('/')) current = isNode(current) ? current[segment] : undefined;
  return isNode(current) ? resolved(current, root) : node;
}

/**
 * The alternatives `node` stands for (anyOf / oneOf flattened), keeping only those that fit `value`: a
 * `kind`-tagged map only where the value has that kind, so `actions.0` of an echo lists the echo's keys.
 */
function alternatives(node: SchemaNode, value: unknown, root: SchemaNode): SchemaNode[] {
  const own = resolved(node, root);
  const branches = [own['anyOf'], own['oneOf']].find(Array.isArray) as unknown[] | undefined;
  if (branches === undefined) return [own];
  const all = branches.filter(isNode).flatMap((branch) => alternatives(branch, value, root));
  const kind = isNode(value) ? value['kind'] : undefined;
  const tagged = all.filter((branch) => {
    const properties = branch['properties'];
    const tag = isNode(properties) && isNode(properties['kind']) ? properties['kind']['const'] : undefined;
    return tag === undefined || tag === kind;
  });
  return tagged.length > 0 ? tagged : all;
}

/**
 * The keys allowed in the map at `path` of the raw scenario `raw` (document order of the schema), or an empty
 * list where the path leads to no map the schema describes.
 */
export function knownKeysAt(raw: unknown, path: ReadonlyArray<string | number>): string[] {
  rootSchema ??= scenarioJsonSchema();
  const root = rootSchema;
  let nodes: SchemaNode[] = [root];
  let value: unknown = raw;
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const node of nodes.flatMap((candidate) => alternatives(candidate, value, root))) {
      const child = typeof segment === 'number' ? node['items'] : isNode(node['properties']) ? node['properties'][segment] : undefined;
      if (isNode(child)) next.push(child);
    }
    nodes = next;
    value = isNode(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  const keys = new Set<string>();
  for (const node of nodes.flatMap((candidate) => alternatives(candidate, value, root))) {
    if (isNode(node['properties'])) for (const key of Object.keys(node['properties'])) keys.add(key);
  }
  return [...keys];
}
