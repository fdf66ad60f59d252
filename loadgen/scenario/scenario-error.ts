/**
 * Problems found in a scenario, all at once, each as `file:line:col path: message` (like k6's
 * `Validate() []error`); a problem caused by a `--set` override names the override instead of a position.
 */

/** One problem of a scenario. `line` and `col` are 1-based; 0 when the problem has no position in the file. */
export interface ScenarioProblem {
  file: string;
  line: number;
  col: number;
  /** Dotted path as written in the YAML (`population.clients`, `actions.2.rate`); for overrides, the key as given. */
  path: string;
  message: string;
  /** Set when the problem comes from a `--set` override: the override as given (`population.clients=abc`). */
  override?: string;
  /**
   * The command-line option the override was typed as, when it was not `--set` (`--target` gives `target=URL`):
   * the problem then names that option and the value typed.
   */
  option?: string;
}

/**
 * One problem as a line: `rooms.yml:12:5 population.clients: ...`, `--set clients: ...` for an override, or
 * `--target 127.0.0.1:4100: ...` for an override typed as its own option.
 */
export function formatProblem(problem: ScenarioProblem): string {
  if (problem.override !== undefined && problem.option !== undefined) {
    const value = problem.override.slice(problem.override.indexOf('=') + 1);
    return `${problem.option} ${value}: ${problem.message}`;
  }
  if (problem.override !== undefined) return `--set ${problem.path}: ${problem.message}`;
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.col}` : problem.file;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where} ${problem.path}: ${problem.message}`;
}

/** Thrown when a scenario cannot be used; `problems` lists every problem found, in file order. */
export class ScenarioError extends Error {
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Orders problems as a reader meets them: overrides first, then by line and column. */
export function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => {
    const aOverride = a.override !== undefined ? 0 : 1;
    const bOverride = b.override !== undefined ? 0 : 1;
    return aOverride - bOverride || a.line - b.line || a.col - b.col;
  });
}
