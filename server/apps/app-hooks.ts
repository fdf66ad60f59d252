/**
 * What an app needs from the server beyond the public ReferenceServer API: a place to count the requests it
 * refused (exported as metrics) and the size of a room (for the join/leave acks). The reference server passes
 * these in; tests may pass their own.
 */
import type { NamespaceName, RoomName } from '../ids.js';

export interface AppHooks {
  /** Counts one refused (malformed) request; `kind` names the app and event, e.g. 'bench-malformed-join'. */
  countRefused(kind: string): void;
  /** How many clients are in `room` of `namespace` right now (0 for a room that does not exist). */
  roomSize(room: RoomName, namespace: NamespaceName): number;
}
