/**
 * `sio-bench compare --run SCENARIO --baseline-target A --candidate-target B`: the interleaved A/B gate. Runs the
 * scenario against both targets alternately (loadgen/compare/interleaved-runs.ts), writes each side's result to
 * OUT/baseline/result.json and OUT/candidate/result.json and the comparison to OUT/compare.md, prints the table, and
 * exits as `compare` does. A target is a URL (a server the user started) or a checkout of sio-bench (a folder
 * holding bin/sio-bench.js) whose built-in server the scenario then runs, e.g. the main branch against a change.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { runInterleaved, type InterleavedSide } from '../../loadgen/compare/interleaved-runs.js';
import { compareResults, type CompareOptions } from '../../loadgen/compare/compare-results.js';
import { defaultOutputDir, prepareOutputDir, writeResultAtomic } from '../../loadgen/result/write-result.js';
import { loadScenarioFile } from '../../loadgen/scenario/load-scenario.js';
import { badInput } from '../../loadgen/user-error.js';
import { createPlainReporter } from '../../reports/live/plain-reporter.js';
import { ExitCode, exitCodeOfRun } from '../exit-codes.js';
import { abortOnInterrupt } from '../interrupt-signals.js';

/** The flags of `compare` that the interleaved mode reads. */
export interface CompareRunFlags {
  baselineTarget?: string;
  candidateTarget?: string;
  set: string[];
  baselineSet: string[];
  candidateSet: string[];
  repeat: number;
  out?: string;
  workers?: number;
}

/** A side's target as the user gave it: a URL, or a checkout's launcher. */
type SideTarget = { kind: 'url'; url: string } | { kind: 'checkout'; launcherPath: string; folder: string } | { kind: 'scenario' };

/** Parses `--baseline-target` / `--candidate-target`: an http(s) URL, or a folder with bin/sio-bench.js; bad input otherwise. */
export function parseSideTarget(value: string | undefined, flag: string): SideTarget {
  if (value === undefined) return { kind: 'scenario' };
  if (/^https?:\/\//.test(value)) {
    if (!URL.canParse(value)) throw badInput(`${flag} ${JSON.stringify(value)} is not a valid URL`);
    return { kind: 'url', url: value };
  }
  const folder = path.resolve(value);
  const launcherPath = path.join(folder, 'bin', 'sio-bench.js');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw badInput(`${flag} ${JSON.stringify(value)} is neither an http(s) URL nor a folder (a checkout of sio-bench)`);
  }
  if (!existsSync(launcherPath)) throw badInput(`${flag} ${JSON.stringify(value)} has no bin/sio-bench.js: give a checkout of sio-bench (built with npm install) or a URL`);
  if (!existsSync(path.join(folder, 'dist'))) throw badInput(`${flag} ${JSON.stringify(value)} is not built (no dist/): run npm install there first`);
  return { kind: 'checkout', launcherPath, folder };
}

async function loadSide(name: 'baseline' | 'candidate', file: string, target: SideTarget, common: string[], own: string[]): Promise<InterleavedSide> {
  const overrides = [...common, ...own];
  if (target.kind === 'url') overrides.push(`target=${target.url}`);
  const loaded = await loadScenarioFile(file, overrides);
  const flag = `--${name}-target`;
  if (target.kind === 'checkout' && loaded.scenario.target.kind !== 'builtin') {
    throw badInput(`${flag} names a checkout, whose built-in server only runs for a scenario with target: builtin (${file} targets ${loaded.scenario.target.url})`);
  }
  const description = target.kind === 'url' ? target.url : target.kind === 'checkout' ? `built-in server of ${target.folder}` : loaded.scenario.target.kind === 'builtin' ? 'built-in server' : loaded.scenario.target.url;
  const extra = own.length > 0 ? ` with ${own.join(' ')}` : '';
  const side: InterleavedSide = { label: `${name} ${description}${extra}`, loaded };
  if (target.kind === 'checkout') side.serverLauncherPath = target.launcherPath;
  return side;
}

/**
 * Runs the interleaved comparison and resolves to the exit code: the gate's (0 or 1) when both sides completed
 * every run, else the failed or interrupted run's. `print` renders and writes the comparison (compare.ts).
 */
export async function compareRunCommand(file: string, flags: CompareRunFlags, options: CompareOptions, print: (comparison: ReturnType<typeof compareResults>, mdFile: string) => Promise<number>): Promise<number> {
  const baselineTarget = parseSideTarget(flags.baselineTarget, '--baseline-target');
  const candidateTarget = parseSideTarget(flags.candidateTarget, '--candidate-target');
  if (flags.repeat < 2) throw badInput(`--repeat must be at least 2 with --run (a side of one run cannot show noise from change; default 3)`);
  const baseline = await loadSide('baseline', file, baselineTarget, flags.set, flags.baselineSet);
  const candidate = await loadSide('candidate', file, candidateTarget, flags.set, flags.candidateSet);
  const outDir = flags.out ?? defaultOutputDir(`${baseline.loaded.scenario.name}-ab`, new Date());
  await prepareOutputDir(outDir);
  const interrupt = abortOnInterrupt();
  let ran: Awaited<ReturnType<typeof runInterleaved>>;
  try {
    ran = await runInterleaved({
      baseline,
      candidate,
      repeat: flags.repeat,
      workers: flags.workers,
      reporter: createPlainReporter(process.stderr),
      signal: interrupt.signal,
      notice: (line) => process.stderr.write(`sio-bench: ${line}\n`),
    });
  } finally {
    interrupt.dispose();
  }
  for (const [name, result] of [['baseline', ran.baseline], ['candidate', ran.candidate]] as const) {
    if (result === undefined) continue;
    await prepareOutputDir(path.join(outDir, name));
    const written = await writeResultAtomic(path.join(outDir, name), result);
    process.stderr.write(`sio-bench: ${name} result (${result.repetitions?.length ?? 1} runs) written to ${written}\n`);
  }
  if (ran.baseline === undefined || ran.candidate === undefined) {
    process.stderr.write('sio-bench: the comparison stopped before both sides had run: nothing to compare\n');
    const done = ran.baseline ?? ran.candidate;
    return done?.status === 'interrupted' ? ExitCode.interrupted : ExitCode.runFailed;
  }
  const comparison = compareResults(ran.baseline, ran.candidate, { ...options, baselineLabel: baseline.label, candidateLabel: candidate.label });
  comparison.notes.unshift(`Interleaved in one job (${ran.order.map((name) => (name === 'baseline' ? 'A' : 'B')).join(' ')}): drift in the machine fell on both sides alike.`);
  const gate = await print(comparison, path.join(outDir, 'compare.md'));
  for (const result of [ran.baseline, ran.candidate]) {
    if (result.status !== 'completed') return exitCodeOfRun(result);
  }
  return gate;
}
