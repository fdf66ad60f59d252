import { UNDELIVERABLE_AMBIGUITY_US } from './undeliverable-ledger.js';
/** The ambiguity window, µs: the longest transit between client and server (the same as the disconnect fault's). */
export const DROP_AMBIGUITY_US = UNDELIVERABLE_AMBIGUITY_US;
/** Every drop count at zero (also the figures of a server whose drop fault is off). */
export function zeroDropCounts() {
    return { broadcastsCertain: 0, broadcastsAmbiguous: 0, broadcastsNotExpected: 0, directsCertain: 0, directsAmbiguous: 0, directsNotExpected: 0, unsettledDeliveries: 0 };
}
/**
 * Classifies a dropped message sent at `sentUs` to a member whose join was acknowledged at `joinUs` (the ack sent;
 * for its personal room, the connect). The client's window is [joinUs + a, close] with unknown transits a, b in
 * [0, ambiguityUs]: close = endedUs − clientDrainUs − b when the client ended it, endedUs + b when the server did,
 * and not yet known while it is open. Not expected: sent before joinUs, or after the latest possible close. Certain:
 * sent at least ambiguityUs after joinUs and at or before the earliest possible close. Otherwise ambiguous.
 */
export function classifyDroppedDelivery(sentUs, joinUs, end, clientDrainUs, ambiguityUs) {
    if (sentUs < joinUs)
        return 'not-expected';
    let ambiguous = sentUs < joinUs + ambiguityUs;
    switch (end.kind) {
        case 'open':
            break;
        case 'client': {
            const latestCloseUs = end.endedUs - clientDrainUs;
            if (sentUs > latestCloseUs)
                return 'not-expected';
            if (sentUs > latestCloseUs - ambiguityUs)
                ambiguous = true;
            break;
        }
        case 'server':
            if (sentUs > end.endedUs + ambiguityUs)
                return 'not-expected';
            if (sentUs > end.endedUs)
                ambiguous = true;
            break;
        default:
            throw new Error(`unknown membership end ${JSON.stringify(end)}`);
    }
    return ambiguous ? 'ambiguous' : 'certain';
}
export class DropLedger {
    nowUs;
    clientDrainUs;
    ambiguityUs;
    /** Sid → room → its membership as the server saw it; only open memberships are kept. */
    memberships = new Map();
    /** Every unclassified delivery, in drop order (so in settleAtUs order); `head` is the first not yet looked at. */
    queue = [];
    head = 0;
    totals = zeroDropCounts();
    constructor(options) {
        this.nowUs = options.nowUs;
        this.clientDrainUs = options.clientDrainUs ?? 0;
        this.ambiguityUs = options.ambiguityUs ?? DROP_AMBIGUITY_US;
    }
    /**
     * `sid`'s join of `room` was acknowledged now (the ack sent, or for its own rooms the connect). A membership that
     * is already acknowledged keeps its first time: the client's window opened at the first ack.
     */
    joinAcknowledged(sid, room) {
        const membership = this.membershipOf(sid, room);
        membership.joinUs ??= this.nowUs();
    }
    /** `sid`'s membership of `room` ended now (see MembershipEnder); its dropped deliveries are classified for good. */
    ended(sid, room, by) {
        const rooms = this.memberships.get(sid);
        const membership = rooms?.get(room);
        if (rooms === undefined || membership === undefined)
            return;
        this.settleMembership(membership, { kind: by, endedUs: this.nowUs() });
        rooms.delete(room);
        if (rooms.size === 0)
            this.memberships.delete(sid);
        this.settleDue();
    }
    /** Every membership of `sid` ended now (its disconnect). */
    endedAll(sid, by) {
        const rooms = this.memberships.get(sid);
        if (rooms === undefined)
            return;
        const end = { kind: by, endedUs: this.nowUs() };
        for (const membership of rooms.values())
            this.settleMembership(membership, end);
        this.memberships.delete(sid);
        this.settleDue();
    }
    /** A broadcast sent at `sentUs` was dropped now; `members` are the room's members that would have got it (the sender left out when skipped). */
    broadcastDropped(members, room, sentUs) {
        this.dropped('broadcast', members, room, sentUs);
    }
    /** A direct sent at `sentUs` was dropped now; `members` are its target room's members (one client, or a room's). */
    directDropped(members, room, sentUs) {
        this.dropped('direct', members, room, sentUs);
    }
    /**
     * The counts now (a copy): the settled deliveries, and each unsettled one as it would be classified were its
     * membership to stay open (also counted in `unsettledDeliveries`).
     */
    counts() {
        this.settleDue();
        const counts = { ...this.totals };
        const nowUs = this.nowUs();
        for (let i = this.head; i < this.queue.length; i += 1) {
            const delivery = this.queue[i];
            if (delivery.settled)
                continue;
            add(counts, delivery.kind, this.classifyOpen(delivery, nowUs, false));
            counts.unsettledDeliveries += 1;
        }
        return counts;
    }
    /**
     * How many open memberships and queued deliveries are held now (for tests of the bound). Classified deliveries
     * leave the queue once every older one is classified too.
     */
    get remembered() {
        let memberships = 0;
        for (const rooms of this.memberships.values())
            memberships += rooms.size;
        return { memberships, pendingDeliveries: this.queue.length - this.head };
    }
    dropped(kind, members, room, sentUs) {
        this.settleDue();
        const nowUs = this.nowUs();
        for (const sid of members) {
            const membership = this.membershipOf(sid, room);
            // Not yet acknowledged: the ack goes out at or after now, so a message sent before now is not expected.
            if (membership.joinUs === undefined && sentUs < nowUs) {
                add(this.totals, kind, 'not-expected');
                continue;
            }
            const delivery = { membership, kind, sentUs, settleAtUs: nowUs + this.clientDrainUs + this.ambiguityUs, settled: false };
            membership.pending.push(delivery);
            this.queue.push(delivery);
        }
    }
    membershipOf(sid, room) {
        let rooms = this.memberships.get(sid);
        if (rooms === undefined)
            this.memberships.set(sid, (rooms = new Map()));
        let membership = rooms.get(room);
        if (membership === undefined)
            rooms.set(room, (membership = { joinUs: undefined, pending: [] }));
        return membership;
    }
    settleMembership(membership, end) {
        for (const delivery of membership.pending) {
            // Never acknowledged: the client's window never opened.
            const kind = membership.joinUs === undefined
                ? 'not-expected'
                : classifyDroppedDelivery(delivery.sentUs, membership.joinUs, end, this.clientDrainUs, this.ambiguityUs);
            add(this.totals, delivery.kind, kind);
            delivery.settled = true;
        }
        membership.pending.length = 0;
    }
    /**
     * Classifies for good the deliveries dropped clientDrainUs + ambiguityUs ago or earlier whose membership is still
     * open: any end still to come is at or after now, so it cannot make them unexpected (see classifyOpen).
     */
    settleDue() {
        const nowUs = this.nowUs();
        while (this.head < this.queue.length) {
            const delivery = this.queue[this.head];
            if (!delivery.settled) {
                if (delivery.settleAtUs > nowUs)
                    break;
                add(this.totals, delivery.kind, this.classifyOpen(delivery, nowUs, true));
                delivery.settled = true;
                // Deliveries settle in drop order, so this one is the oldest of its membership's.
                delivery.membership.pending.shift();
            }
            this.head += 1;
        }
        if (this.head > 1024 && this.head * 2 > this.queue.length) {
            this.queue = this.queue.slice(this.head);
            this.head = 0;
        }
    }
    /**
     * Classifies a delivery of a still open membership at `nowUs`. The window's close, if it comes, is at or after
     * nowUs − clientDrainUs − ambiguityUs; a send after that (only a send time later than its drop, which a client on
     * this machine cannot have) is ambiguous when `final`. An unacknowledged join is acknowledged at or after nowUs.
     */
    classifyOpen(delivery, nowUs, final) {
        const { joinUs } = delivery.membership;
        if (joinUs === undefined)
            return delivery.sentUs < nowUs ? 'not-expected' : 'ambiguous';
        const kind = classifyDroppedDelivery(delivery.sentUs, joinUs, { kind: 'open' }, this.clientDrainUs, this.ambiguityUs);
        if (final && kind === 'certain' && delivery.sentUs > nowUs - this.clientDrainUs - this.ambiguityUs)
            return 'ambiguous';
        return kind;
    }
}
function add(counts, kind, dropClass) {
    if (kind === 'broadcast') {
        if (dropClass === 'certain')
            counts.broadcastsCertain += 1;
        else if (dropClass === 'ambiguous')
            counts.broadcastsAmbiguous += 1;
        else
            counts.broadcastsNotExpected += 1;
    }
    else if (dropClass === 'certain')
        counts.directsCertain += 1;
    else if (dropClass === 'ambiguous')
        counts.directsAmbiguous += 1;
    else
        counts.directsNotExpected += 1;
}
//# sourceMappingURL=drop-ledger.js.map