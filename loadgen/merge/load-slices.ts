/**
 * Reads and checks the inputs of `sio-bench merge`: each result.json of a slice and the ledger beside it, then
 * whether together they are every slice of one run (same scenario text and overrides, same slice count, each
 * position exactly once). Every problem is reported at once, as a UserError with exit code 2.
 */
import path from 'node:path';
import { badInput, UserError } from '../user-error.js';
import { readResult } from '../result/write-result.js';
import { parseScenarioText } from '../scenario/load-scenario.js';
import type { Scenario } from '../scenario/schema.js';
import { readLedgerFile } from '../shard/ledger-file.js';
import type { SliceInput } from './merge-results.js';

/** The checked slices and the scenario they ran (re-parsed from the text and overrides they recorded). */
export interface LoadedSlices {
  slices: SliceInput[];
  scenario: Scenario;
}

/** Reads `files` (result.json paths) and their ledgers. Rejects with a UserError (exit 2) listing every problem. */
export async function loadSlices(files: readonly string[]): Promise<LoadedSlices> {
  if (files.length === 0) throw badInput('merge needs at least one result.json');
  const slices: SliceInput[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const result = readResult(file);
    if (result.shard === undefined) {
      problems.push(`${file}: not the result of a sharded run (made without --shard i/n)`);
      continue;
    }
    const ledgerPath = path.join(path.dirname(file), result.shard.ledgerFile);
    try {
      slices.push({ source: file, result, ledger: await readLedgerFile(ledgerPath) });
    } catch (error) {
      problems.push(`${file}: its ledger ${ledgerPath} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  problems.push(...sliceProblems(slices));
  if (problems.length > 0) throw badInput(`cannot merge:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  const first = slices[0]!.result;
  try {
    return { slices, scenario: parseScenarioText(first.scenario.text, first.scenario.file, first.scenario.overrides).scenario };
  } catch (error) {
    // The scenario ran once, so this means the result was edited or made by another sio-bench version.
    throw badInput(`${slices[0]!.source}: its scenario no longer parses: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Why `slices` are not exactly every slice of one run (empty when they are). */
export function sliceProblems(slices: readonly SliceInput[]): string[] {
  if (slices.length === 0) return [];
  const problems: string[] = [];
  const first = slices[0]!;
  const count = first.result.shard!.count;
  const seen = new Map<number, string>();
  for (const slice of slices) {
    const shard = slice.result.shard!;
    if (shard.count !== count) {
      problems.push(`${slice.source}: is slice ${shard.position}/${shard.count}, but ${first.source} is one of ${count}`);
    }
    if (slice.result.scenario.text !== first.result.scenario.text) problems.push(`${slice.source}: ran a different scenario text than ${first.source}`);
    if (JSON.stringify(slice.result.scenario.overrides) !== JSON.stringify(first.result.scenario.overrides)) {
      problems.push(`${slice.source}: ran with overrides ${JSON.stringify(slice.result.scenario.overrides)}, ${first.source} with ${JSON.stringify(first.result.scenario.overrides)}`);
    }
    if (slice.ledger.shard.index + 1 !== shard.position || slice.ledger.shard.count !== shard.count) {
      problems.push(`${slice.source}: its ledger is of slice ${slice.ledger.shard.index + 1}/${slice.ledger.shard.count}, the result of ${shard.position}/${shard.count}`);
    }
    const already = seen.get(shard.position);
    if (already !== undefined) problems.push(`${slice.source}: slice ${shard.position}/${shard.count} is given twice (also ${already})`);
    // A slice of another split covers nothing of this one.
    if (shard.count === count) seen.set(shard.position, slice.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((position) => !seen.has(position));
  if (missing.length > 0) problems.push(`missing slice${missing.length > 1 ? 's' : ''} ${missing.map((position) => `${position}/${count}`).join(', ')}: every slice's result is needed for exact delivery accounting`);
  return problems;
}
