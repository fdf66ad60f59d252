/**
 * The `bench` app: the bench protocol of DESIGN.md (join, leave, echo, direct, broadcast) on one namespace of a
 * ReferenceServer. Every request is validated; a malformed one is counted (AppHooks.countRefused, as
 * `bench-malformed-<event>`) and answered with an ErrorAck if the client asked for an ack, otherwise dropped.
 * This is the path the benchmark measures, so handlers take fixed parameters and allocate only what forwarding
 * needs.
 */
import { clientRoom, } from '../bench-protocol.js';
import { ConnectionRefusedError } from '../types.js';
import { broadcastProblem, clientIndexProblem, directProblem, roomRequestProblem } from './bench-payload-checks.js';
/**
 * Metrics `refusedByKind` kinds under which fault injection counts the deliveries its drops cost: the room's size at
 * the drop. The drop ledger (faults.drops in /metrics.json) classifies the same deliveries against memberships.
 */
export const FAULT_DROPPED_BROADCAST_DELIVERIES = 'fault-dropped-broadcast-deliveries';
export const FAULT_DROPPED_DIRECT_DELIVERIES = 'fault-dropped-direct-deliveries';
/** The refusal kind (metrics `refusedByKind`) that the bench app counts for a malformed `event`. */
export function benchRefusalKind(event) {
    return `bench-malformed-${event}`;
}
/**
 * Installs the bench handlers on `namespace` (default '/') of `server`. Without `faults`, replies go out at once.
 */
export function installBenchApp(server, hooks, benchFaults = {}, namespace = '/') {
    const { replies: faults, disconnects, drops } = benchFaults;
    const refuse = (event, problem) => {
        hooks.countRefused(benchRefusalKind(event));
        return { error: `${event}: ${problem}` };
    };
    server.on('connect', (sid, _handshake, auth) => {
        const problem = clientIndexProblem(auth);
        if (problem !== undefined) {
            refuse('connect', problem);
            throw new ConnectionRefusedError(problem);
        }
        const clientIndex = auth.clientIndex;
        if (typeof clientIndex === 'number')
            server.enterRoom(sid, clientRoom(clientIndex), namespace);
        return true;
    }, namespace);
    const roomAck = (request) => ({ room: request.room, members: hooks.roomSize(request.room, namespace) });
    server.on('join', (sid, request) => {
        const problem = roomRequestProblem(request);
        if (problem !== undefined)
            return refuse('join', problem);
        const valid = request;
        server.enterRoom(sid, valid.room, namespace);
        const ack = roomAck(valid);
        const reply = faults === undefined ? ack : faults.ack(ack);
        if (drops === undefined)
            return reply;
        // The client's window opens when the ack reaches it: record when it goes out, after any injected delay.
        if (!(reply instanceof Promise)) {
            drops.joinAcknowledged(sid, valid.room);
            return reply;
        }
        return reply.then((value) => {
            drops.joinAcknowledged(sid, valid.room);
            return value;
        });
    }, namespace);
    server.on('leave', (sid, request) => {
        const problem = roomRequestProblem(request);
        if (problem !== undefined)
            return refuse('leave', problem);
        const valid = request;
        drops?.leaving(sid, valid.room);
        server.leaveRoom(sid, valid.room, namespace);
        const ack = roomAck(valid);
        return faults === undefined ? ack : faults.ack(ack);
    }, namespace);
    // Echo acks with exactly what it got; any payload is valid, so nothing is refused here. The facade acks with
    // the handler's return value, so the common one-argument case returns the payload itself (no allocation).
    server.on('echo', (_sid, payload) => (faults === undefined ? payload : faults.ack(payload)), namespace);
    server.on('direct', (_sid, message) => {
        const problem = directProblem(message);
        if (problem !== undefined)
            return refuse('direct', problem);
        const valid = message;
        disconnects?.countDirect(valid.to, valid.sentUs);
        if (faults === undefined)
            server.emit('direct', valid, { to: valid.to, namespace });
        else {
            // A dropped direct is one lost delivery per member of its target (one client, or a room's members).
            faults.forward(() => server.emit('direct', valid, { to: valid.to, namespace }), () => {
                hooks.countRefused(FAULT_DROPPED_DIRECT_DELIVERIES, hooks.roomSize(valid.to, namespace));
                drops?.directDropped(valid.to, valid.sentUs);
            });
        }
        return undefined;
    }, namespace);
    server.on('broadcast', (sid, message) => {
        const problem = broadcastProblem(message);
        if (problem !== undefined)
            return refuse('broadcast', problem);
        const valid = message;
        disconnects?.countBroadcast(valid.room, valid.sentUs, sid, valid.includeSelf === true);
        const options = valid.includeSelf === true ? { to: valid.room, namespace } : { to: valid.room, skipSid: sid, namespace };
        if (faults === undefined)
            server.emit('broadcast', valid, options);
        else {
            // Count the deliveries the drop costs: the room's members, less the sender when it is skipped.
            faults.forward(() => server.emit('broadcast', valid, options), () => {
                const skipped = valid.includeSelf !== true && server.rooms(sid, namespace).includes(valid.room) ? 1 : 0;
                hooks.countRefused(FAULT_DROPPED_BROADCAST_DELIVERIES, hooks.roomSize(valid.room, namespace) - skipped);
                drops?.broadcastDropped(valid.room, valid.sentUs, sid, valid.includeSelf === true);
            });
        }
        return undefined;
    }, namespace);
}
//# sourceMappingURL=bench-app.js.map