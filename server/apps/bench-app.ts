/**
 * The `bench` app: the bench protocol of DESIGN.md (join, leave, echo, direct, broadcast) on one namespace of a
 * ReferenceServer. Every request is validated; a malformed one is counted (AppHooks.countRefused, as
 * `bench-malformed-<event>`) and answered with an ErrorAck if the client asked for an ack, otherwise dropped.
 * This is the path the benchmark measures, so handlers take fixed parameters and allocate only what forwarding
 * needs.
 */
import {
  clientRoom,
  type BenchEventName,
  type BroadcastMessage,
  type DirectMessage,
  type ErrorAck,
  type JoinRequest,
  type RoomAck,
} from '../bench-protocol.js';
import type { NamespaceName, Sid } from '../ids.js';
import { ConnectionRefusedError, type ReferenceServer } from '../types.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import type { ClientDisconnector } from '../faults/client-disconnector.js';
import type { DropRecorder } from '../faults/drop-recorder.js';
import type { AppHooks } from './app-hooks.js';
import { broadcastProblem, clientIndexProblem, directProblem, roomRequestProblem } from './bench-payload-checks.js';

/**
 * Metrics `refusedByKind` kinds under which fault injection counts the deliveries its drops cost: the room's size at
 * the drop. The drop ledger (faults.drops in /metrics.json) classifies the same deliveries against memberships.
 */
export const FAULT_DROPPED_BROADCAST_DELIVERIES = 'fault-dropped-broadcast-deliveries';
export const FAULT_DROPPED_DIRECT_DELIVERIES = 'fault-dropped-direct-deliveries';

/** The refusal kind (metrics `refusedByKind`) that the bench app counts for a malformed `event`. */
export function benchRefusalKind(event: BenchEventName | 'connect'): string {
  return `bench-malformed-${event}`;
}

/** The bench app's fault injection, each part absent when off. */
export interface BenchFaults {
  /** Delays acks, and delays or drops forwarded directs/broadcasts. */
  replies?: FaultInjector;
  /** Disconnects clients; told of every broadcast and direct to count what became undeliverable. */
  disconnects?: ClientDisconnector;
  /** Told of every join ack, leave and drop, to classify what the drops cost (present with the drop fault). */
  drops?: DropRecorder;
}

/**
 * Installs the bench handlers on `namespace` (default '/') of `server`. Without `faults`, replies go out at once.
 */
export function installBenchApp(server: ReferenceServer, hooks: AppHooks, benchFaults: BenchFaults = {}, namespace: NamespaceName = '/'): void {
  const { replies: faults, disconnects, drops } = benchFaults;
  const refuse = (event: BenchEventName | 'connect', problem: string): ErrorAck => {
    hooks.countRefused(benchRefusalKind(event));
    return { error: `${event}: ${problem}` };
  };

  server.on(
    'connect',
    (sid: Sid, _handshake, auth) => {
      const problem = clientIndexProblem(auth);
      if (problem !== undefined) {
        refuse('connect', problem);
        throw new ConnectionRefusedError(problem);
      }
      const clientIndex = auth?.clientIndex;
      if (typeof clientIndex === 'number') server.enterRoom(sid, clientRoom(clientIndex), namespace);
      return true;
    },
    namespace,
  );

  const roomAck = (request: JoinRequest): RoomAck => ({ room: request.room, members: hooks.roomSize(request.room, namespace) });

  server.on(
    'join',
    (sid: Sid, request: unknown) => {
      const problem = roomRequestProblem(request);
      if (problem !== undefined) return refuse('join', problem);
      const valid = request as JoinRequest;
      server.enterRoom(sid, valid.room, namespace);
      const ack = roomAck(valid);
      const reply = faults === undefined ? ack : faults.ack(ack);
      if (drops === undefined) return reply;
      // The client's window opens when the ack reaches it: record when it goes out, after any injected delay.
      if (!(reply instanceof Promise)) {
        drops.joinAcknowledged(sid, valid.room);
        return reply;
      }
      return reply.then((value) => {
        drops.joinAcknowledged(sid, valid.room);
        return value;
      });
    },
    namespace,
  );

  server.on(
    'leave',
    (sid: Sid, request: unknown) => {
      const problem = roomRequestProblem(request);
      if (problem !== undefined) return refuse('leave', problem);
      const valid = request as JoinRequest;
      drops?.leaving(sid, valid.room);
      server.leaveRoom(sid, valid.room, namespace);
      const ack = roomAck(valid);
      return faults === undefined ? ack : faults.ack(ack);
    },
    namespace,
  );

  // Echo acks with exactly what it got; any payload is valid, so nothing is refused here. The facade acks with
  // the handler's return value, so the common one-argument case returns the payload itself (no allocation).
  server.on(
    'echo',
    (_sid: Sid, payload: unknown) => (faults === undefined ? payload : faults.ack(payload)),
    namespace,
  );

  server.on(
    'direct',
    (_sid: Sid, message: unknown) => {
      const problem = directProblem(message);
      if (problem !== undefined) return refuse('direct', problem);
      const valid = message as DirectMessage;
      disconnects?.countDirect(valid.to, valid.sentUs);
      if (faults === undefined) server.emit('direct', valid, { to: valid.to, namespace });
      else {
        // A dropped direct is one lost delivery per member of its target (one client, or a room's members).
        faults.forward(
          () => server.emit('direct', valid, { to: valid.to, namespace }),
          () => {
            hooks.countRefused(FAULT_DROPPED_DIRECT_DELIVERIES, hooks.roomSize(valid.to, namespace));
            drops?.directDropped(valid.to, valid.sentUs);
          },
        );
      }
      return undefined;
    },
    namespace,
  );

  server.on(
    'broadcast',
    (sid: Sid, message: unknown) => {
      const problem = broadcastProblem(message);
      if (problem !== undefined) return refuse('broadcast', problem);
      const valid = message as BroadcastMessage;
      disconnects?.countBroadcast(valid.room, valid.sentUs, sid, valid.includeSelf === true);
      const options = valid.includeSelf === true ? { to: valid.room, namespace } : { to: valid.room, skipSid: sid, namespace };
      if (faults === undefined) server.emit('broadcast', valid, options);
      else {
        // Count the deliveries the drop costs: the room's members, less the sender when it is skipped.
        faults.forward(
          () => server.emit('broadcast', valid, options),
          () => {
            const skipped = valid.includeSelf !== true && server.rooms(sid, namespace).includes(valid.room) ? 1 : 0;
            hooks.countRefused(FAULT_DROPPED_BROADCAST_DELIVERIES, hooks.roomSize(valid.room, namespace) - skipped);
            drops?.broadcastDropped(valid.room, valid.sentUs, sid, valid.includeSelf === true);
          },
        );
      }
      return undefined;
    },
    namespace,
  );
}
