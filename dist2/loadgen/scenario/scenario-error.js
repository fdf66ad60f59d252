/**
 * Problems found in a scenario, all at once, each as `file:line:col path: message` (like k6's
 * `Validate() []error`); a problem caused by a `--set` override names the override instead of a position.
 */
/** One problem as a line: `rooms.yml:12:5 population.clients: ...`, or `--set clients: ...` for an override. */
export function formatProblem(problem) {
    if (problem.override !== undefined)
        return `--set ${problem.path}: ${problem.message}`;
    const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.col}` : problem.file;
    return problem.path === '' ? `${where}: ${problem.message}` : `${where} ${problem.path}: ${problem.message}`;
}
/** Thrown when a scenario cannot be used; `problems` lists every problem found, in file order. */
export class ScenarioError extends Error {
    problems;
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
        this.name = 'ScenarioError';
    }
}
/** Orders problems as a reader meets them: overrides first, then by line and column. */
export function sortProblems(problems) {
    return [...problems].sort((a, b) => {
        const aOverride = a.override !== undefined ? 0 : 1;
        const bOverride = b.override !== undefined ? 0 : 1;
        return aOverride - bOverride || a.line - b.line || a.col - b.col;
    });
}
//# sourceMappingURL=scenario-error.js.map