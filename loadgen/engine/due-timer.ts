/**
 * The one timer of a worker over its queue of due events (connects, disconnects, reconnects, action slots):
 * armed for the earliest entry, it hands the due ones to the visitor in bounded batches, re-arming after each.
 */
import type { Clock } from '../measure/clock.js';
import type { DueVisitor, ScheduleQueue } from '../schedule/schedule-queue.js';

/** Most schedule entries (connects, sends) one timer tick handles before letting I/O and the interval timer run. */
const MAX_DUE_PER_TICK = 256;

export class DueTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly queue: ScheduleQueue,
    private readonly clock: Clock,
    private readonly visit: DueVisitor,
  ) {}

  /** (Re-)arms the timer for the queue's earliest entry; call after a push outside a tick. No-op once stopped. */
  arm(): void {
    if (this.stopped) return;
    const dueUs = this.queue.peekDueUs();
    if (this.timer) clearTimeout(this.timer);
    if (dueUs === undefined) return;
    const delayMs = Math.max(0, (dueUs - this.clock.nowUs()) / 1000);
    this.timer = setTimeout(this.onTimer, delayMs);
  }

  /** Stops for good: nothing further is visited. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    // Bounded: a worker that fell behind (thousands of connects due at once) must still read its sockets and
    // send its interval between batches, or it blocks for seconds and the coordinator takes it for hung.
    this.queue.popDue(this.clock.nowUs(), this.visit, MAX_DUE_PER_TICK);
    this.arm();
  };
}
