/**
 * Run time (ms since the run start, as the plan and the snapshots speak it) against the worker's clock
 * (monotonic µs): the one conversion between them.
 */
export class RunTimeline {
  private runStartUs = 0;

  /** The run starts at `runStartUs` on the clock (µs); until then it counts from 0. */
  startAt(runStartUs: number): void {
    this.runStartUs = runStartUs;
  }

  /** When the run started on the clock, µs. */
  get startUs(): number {
    return this.runStartUs;
  }

  /** The clock's µs at run time `ms`, rounded to a whole µs. */
  atUs(ms: number): number {
    return this.runStartUs + Math.round(ms * 1000);
  }

  /** The run time, ms, at the clock's `us`. */
  msAt(us: number): number {
    return (us - this.runStartUs) / 1000;
  }
}
