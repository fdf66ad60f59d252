/**
 * Reads a scenario: YAML text → document (with positions) → `--set` overrides → schema → `Scenario`. Every
 * problem (YAML syntax, unknown keys, wrong types, cross-field checks, bad overrides) is collected and thrown
 * at once as a ScenarioError, each located as `file:line:col path: message`.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { issuesToProblems, type PathProblem } from './issue-messages.js';
import { locate } from './locate.js';
import { applyOverrides, OVERRIDE_SHORTCUTS, type AppliedOverride } from './overrides.js';
import { knownKeysAt } from './known-keys.js';
import { ScenarioError, sortProblems, type ScenarioProblem } from './scenario-error.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { scenarioWarnings } from './scenario-warnings.js';

/** A scenario ready to run, with what it was made from (a run result records all of it). */
export interface LoadedScenario {
  scenario: Scenario;
  /** The file's text as read (before overrides). */
  text: string;
  /** The file name as given. */
  file: string;
  /** The `--set` overrides applied, as given. */
  overrides: string[];
  /** What the scenario asks for but can never produce data for (scenario-warnings.ts), located like problems. */
  warnings: ScenarioProblem[];
  /** How the overrides were applied where the run should say so (a rescaled ramp-up kept at its floor). */
  notes: string[];
}

function startsWith(path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>): boolean {
  return prefix.length <= path.length && prefix.every((key, index) => String(path[index]) === String(key));
}

/** The override a problem comes from, if any: the latest one that wrote the problem's path (or, for an unknown key, created it). */
function overrideFor(problem: PathProblem, applied: readonly AppliedOverride[]): { override: AppliedOverride; written: Array<string | number> } | undefined {
  for (let index = applied.length - 1; index >= 0; index -= 1) {
    const override = applied[index] as AppliedOverride;
    for (const written of override.paths) {
      if (startsWith(problem.path, written) || (problem.atKey === true && startsWith(written, problem.path))) return { override, written };
    }
  }
  return undefined;
}

/**
 * An unknown key of an override, with the keys allowed at its place (and, at the top, the --set shortcuts), so
 * that `--set duraton=5s` shows what was meant without opening the docs.
 */
function withKnownKeys(problem: PathProblem, raw: unknown): string {
  const parent = problem.path.slice(0, -1);
  const known = knownKeysAt(raw, parent);
  if (known.length === 0) return problem.message;
  const shortcuts = parent.length === 0 ? ` (or a shortcut: ${[...Object.keys(OVERRIDE_SHORTCUTS), 'duration'].join(', ')})` : '';
  return `${problem.message}; known keys here: ${known.join(', ')}${shortcuts}`;
}

/**
 * Parses a scenario's text. `fileName` is used in problem locations; `overrides` are `key=value` strings as
 * given to `--set`. Returns the scenario or throws ScenarioError with every problem found.
 */
export function parseScenarioText(text: string, fileName: string, overrides: readonly string[] = []): LoadedScenario {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  if (document.errors.length > 0) {
    // A document with syntax errors cannot be trusted for anything else: report only those.
    throw new ScenarioError(
      document.errors.map((error): ScenarioProblem => {
        const position = error.linePos?.[0] ?? { line: 1, col: 1 };
        return { file: fileName, line: position.line, col: position.col, path: '', message: `YAML: ${error.message.split(' at line ')[0] ?? error.message}` };
      }),
    );
  }
  const problems: ScenarioProblem[] = [];
  const { applied, problems: overrideProblems } = applyOverrides(document, overrides);
  for (const problem of overrideProblems) {
    problems.push({ file: fileName, line: 0, col: 0, path: problem.key, message: problem.message, override: problem.override });
  }
  const raw = document.toJS() as unknown;
  const result = scenarioSchema.safeParse(raw);
  if (!result.success || problems.length > 0) {
    const pathProblems = result.success ? [] : issuesToProblems(result.error.issues, raw);
    for (const problem of pathProblems) {
      const source = overrideFor(problem, applied);
      if (source !== undefined) {
        const beyond = problem.path.slice(source.written.length).join('.');
        problems.push({
          file: fileName,
          line: 0,
          col: 0,
          path: beyond === '' ? source.override.key : `${source.override.key}: ${beyond}`,
          message: problem.atKey === true ? withKnownKeys(problem, raw) : problem.message,
          override: source.override.text,
        });
        continue;
      }
      const position = locate(document, lineCounter, problem.path, {
        ...(problem.atKey !== undefined ? { atKey: problem.atKey } : {}),
        ...(problem.column !== undefined ? { column: problem.column } : {}),
      });
      problems.push({ file: fileName, line: position.line, col: position.col, path: problem.path.join('.'), message: problem.message });
    }
    throw new ScenarioError(sortProblems(problems));
  }
  const warnings = scenarioWarnings(result.data).map((warning): ScenarioProblem => {
    const position = locate(document, lineCounter, warning.path, {});
    return { file: fileName, line: position.line, col: position.col, path: warning.path.join('.'), message: warning.message };
  });
  const notes = applied.flatMap((override) => (override.note === undefined ? [] : [override.note]));
  return { scenario: result.data, text, file: fileName, overrides: [...overrides], warnings, notes };
}

/** Reads and parses a scenario file (see parseScenarioText). An unreadable file is a ScenarioError too. */
export async function loadScenarioFile(path: string, overrides: readonly string[] = []): Promise<LoadedScenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{ file: path, line: 0, col: 0, path: '', message: `cannot read the scenario: ${reason}` }]);
  }
  return parseScenarioText(text, path, overrides);
}
