/**
 * Worker-side membership windows of one receiving client: the same [startUs, endUs] bounds that it reports to
 * the coordinator's DeliveryLedger, used to decide whether a receipt was expected.
 *
 * Where to put the bounds (the engine's choice, both sides just have to agree): open at the time the join
 * ack arrived (every message sent after it must be delivered), close at the time the leave was emitted.
 * Messages sent between the join emit and its ack are not expected and, if they arrive, count as unexpected;
 * an engine that wants to ignore that band can check `contains(channel, sentUs)` against a window opened
 * at the join emit time and report the ack time to the ledger.
 */
export class ReceiverWindows {
  /** Per channel, flat pairs [start0, end0, start1, end1, ...]; the last end is Infinity while open. */
  private readonly byChannel = new Map<number, number[]>();

  /** Opens a window on `channel` at `startUs`. Throws if one is open there. */
  open(channel: number, startUs: number): void {
    const bounds = this.byChannel.get(channel);
    if (bounds === undefined) {
      this.byChannel.set(channel, [startUs, Infinity]);
      return;
    }
    if (bounds[bounds.length - 1] === Infinity) throw new RangeError(`a window is already open on channel ${channel}`);
    bounds.push(startUs, Infinity);
  }

  /** Closes the open window on `channel` at `endUs`. Throws if none is open or endUs is before its start. */
  close(channel: number, endUs: number): void {
    const bounds = this.byChannel.get(channel);
    if (bounds === undefined || bounds[bounds.length - 1] !== Infinity) {
      throw new RangeError(`no window is open on channel ${channel}`);
    }
    const startUs = bounds[bounds.length - 2] as number;
    if (endUs < startUs) throw new RangeError(`endUs ${endUs} is before the window's startUs ${startUs}`);
    bounds[bounds.length - 1] = endUs;
  }

  /** Whether `sentUs` lies inside one of the windows on `channel` (bounds included). Latest windows first. */
  contains(channel: number, sentUs: number): boolean {
    const bounds = this.byChannel.get(channel);
    if (bounds === undefined) return false;
    for (let i = bounds.length - 2; i >= 0; i -= 2) {
      if (sentUs >= (bounds[i] as number) && sentUs <= (bounds[i + 1] as number)) return true;
    }
    return false;
  }

  /** Whether a window is open on `channel` now. */
  isOpen(channel: number): boolean {
    const bounds = this.byChannel.get(channel);
    return bounds !== undefined && bounds[bounds.length - 1] === Infinity;
  }
}
