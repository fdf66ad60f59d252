/**
 * Options that are scenario overrides under another name: `--target URL` is `--set target=URL`, `--client KIND`
 * is `--set client=KIND`. A problem with one of them names the option the user typed, not `--set`.
 */
import { ScenarioError } from '../../loadgen/scenario/scenario-error.js';

/** One option given as an override: its name as typed (`--target`) and the override it stands for (`target=URL`). */
export interface FlagOverride {
  option: string;
  override: string;
}

/** The overrides of the options given (`{ '--target': 'http://…' }`); options left undefined are skipped. */
export function flagOverrides(options: Readonly<Record<string, string | undefined>>): FlagOverride[] {
  return Object.entries(options)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([option, value]) => ({ option, override: `${option.replace(/^--/, '')}=${value}` }));
}

/**
 * Runs `load` (which applies the overrides); a ScenarioError from it is thrown again with each problem of a
 * flag's override naming that flag, so `--target 127.0.0.1:4100` is not reported as `--set target`.
 */
export async function namingFlags<T>(flagged: readonly FlagOverride[], load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    throw new ScenarioError(
      error.problems.map((problem) => {
        const flag = flagged.find((candidate) => candidate.override === problem.override);
        return flag === undefined ? problem : { ...problem, option: flag.option };
      }),
    );
  }
}
