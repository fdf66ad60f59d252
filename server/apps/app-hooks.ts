/**
 * What an app needs from the server beyond the public ReferenceServer API: a place to count the requests it
 * refused (exported as metrics) and the size of a room (for the join/leave acks). The reference server passes
 * these in; tests may pass their own.
 */
import type { NamespaceName, RoomName } from '../ids.js';

export interface AppHooks {
  /**
   * Counts `by` (default 1) refused requests or dropped deliveries; `kind` names the app and event, e.g.
   * 'bench-malformed-join', or the fault, e.g. 'fault-dropped-broadcast-deliveries'.
   */
  countRefused(kind: string, by?: number): void;
  /** How many clients are in `room` of `namespace` right now (0 for a room that does not exist). */
  roomSize(room: RoomName, namespace: NamespaceName): number;
}
