/**
 * The clients of a worker lost to a disconnect they did not ask for (server, transport, fault), while the
 * scenario's `reconnect` policy retries them: when each was lost, so that its reconnect time counts from the
 * loss, and how many attempts it has had, so that it is given up after `maxAttempts`.
 */
export class LostClients {
  /** When each lost client lost its connection (monotonic µs), by client index. */
  private readonly lostAtUs = new Map<number, number>();
  /** Reconnect attempts since the loss, by client index. */
  private readonly attempts = new Map<number, number>();

  constructor(
    /** Most reconnect attempts after one loss. */
    private readonly maxAttempts: number,
  ) {}

  /** Client `index` lost its connection at `nowUs` (monotonic µs): no attempt yet. */
  lose(index: number, nowUs: number): void {
    this.lostAtUs.set(index, nowUs);
    this.attempts.set(index, 0);
  }

  /** Client `index` is no longer lost: it reconnected, was given up, or the plan disconnects it. */
  forget(index: number): void {
    this.lostAtUs.delete(index);
    this.attempts.delete(index);
  }

  /** When client `index` was lost (monotonic µs), or undefined when it is not lost. */
  lostAt(index: number): number | undefined {
    return this.lostAtUs.get(index);
  }

  /**
   * Takes the next reconnect attempt of lost client `index`: true when one is left, false (and the client is
   * forgotten) when it has had maxAttempts.
   */
  takeAttempt(index: number): boolean {
    const attempts = this.attempts.get(index) ?? 0;
    if (attempts >= this.maxAttempts) {
      this.forget(index);
      return false;
    }
    this.attempts.set(index, attempts + 1);
    return true;
  }
}
