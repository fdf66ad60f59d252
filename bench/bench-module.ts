/**
 * One benchmark that `npm run bench` (bench/run-all.ts) runs. Each benchmark is a module exporting a
 * BenchModule; run-all lists them, one line each, and runs them in order (or only those named with --only).
 */

/** Settings that run-all passes to every benchmark; each one scales its own defaults by them. */
export interface BenchSettings {
  /** Measured time per server per round, ms. Default 3000. */
  measureMs: number;
  /** Traffic before each measurement that is not counted (JIT warm-up, connection setup), ms. Default 1000. */
  warmupMs: number;
  /** Rounds; servers are measured in alternating order each round to spread drift and noise. Default 4. */
  rounds: number;
  /** Concurrent load clients. Default 32. */
  clients: number;
  /** `--quick`: shorter holds and phases, for a first look or CI; the figures are noisier. Default false. */
  quick?: boolean;
  /** `--comparisons`: comparisons per experiment of gate-false-alarms. Default 20 (5 with --quick). */
  comparisons?: number;
}

export interface BenchModule {
  /** Short kebab-case name, used by `--only`. */
  readonly name: string;
  /** One line: what it compares. */
  readonly description: string;
  /** Runs the benchmark and resolves to its report (Markdown-friendly plain text); progress goes to stderr. */
  run(settings: BenchSettings): Promise<string>;
}
