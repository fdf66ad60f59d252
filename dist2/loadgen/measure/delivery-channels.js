export class DeliveryChannels {
    roomCount;
    totalClients;
    /** Channels per slot. */
    span;
    /** Channels in all slots: every channel number is below it. */
    channelCount;
    streams;
    declared;
    constructor(roomCount, totalClients, 
    /** Whether a bench broadcast reaches its sender. */
    benchIncludeSelf = false, declared = [], 
    /** Which bench streams the scenario sends on (default both). */
    benchUsed = { broadcast: true, direct: true }) {
        this.roomCount = roomCount;
        this.totalClients = totalClients;
        this.span = roomCount + 1 + totalClients + 1;
        this.declared = declared;
        this.channelCount = this.span * (1 + declared.length);
        this.streams = [
            { metric: 'broadcast', includeSelf: benchIncludeSelf, fansOut: true, used: benchUsed.broadcast },
            { metric: 'direct', includeSelf: false, fansOut: false, used: benchUsed.direct },
            ...declared.map((stream) => ({
                metric: stream.name,
                includeSelf: stream.audience !== 'room' && stream.audience !== 'everyone-else',
                fansOut: stream.audience !== 'sender',
                used: true,
            })),
        ];
    }
    /** Every delivering metric of the run: broadcast, direct, then the declared ones. */
    get all() {
        return this.streams;
    }
    /** The stream `channel` belongs to. */
    streamOf(channel) {
        const slot = Math.floor(channel / this.span);
        if (slot === 0)
            return this.streams[channel < this.roomCount + 1 ? 0 : 1];
        return this.streams[slot + 1];
    }
    includeSelf(channel) {
        return this.streamOf(channel).includeSelf;
    }
    /** Slot of the declared stream named `name` (1-based), or -1. */
    slotOf(name) {
        const at = this.declared.findIndex((stream) => stream.name === name);
        return at < 0 ? -1 : at + 1;
    }
    /** The declared stream of `slot` (1-based). */
    declaredAt(slot) {
        return this.declared[slot - 1];
    }
    /** Room `room` of slot `slot`; FIXED_ROOM for the fixed room. */
    room(slot, room) {
        return slot * this.span + (room === FIXED_ROOM ? this.roomCount : room);
    }
    /** The personal channel of client `recipient` in slot `slot`. */
    personal(slot, recipient) {
        return slot * this.span + this.roomCount + 1 + recipient;
    }
    /** The whole-namespace channel of slot `slot`. */
    namespace(slot) {
        return slot * this.span + this.roomCount + 1 + this.totalClients;
    }
    /** Whether `channel` is a valid channel of slot `slot`. */
    inSlot(channel, slot) {
        return Number.isInteger(channel) && Math.floor(channel / this.span) === slot;
    }
    /** The declared streams whose audience is a room. */
    roomSlots() {
        return this.slotsWhere((audience) => audience === 'room' || audience === 'room-and-sender');
    }
    /** Channels a connection is a member of from its connect: its own, and the namespace's. */
    connectChannels(clientIndex) {
        const channels = [this.personal(0, clientIndex)];
        for (const slot of this.slotsWhere((audience) => audience === 'sender'))
            channels.push(this.personal(slot, clientIndex));
        for (const slot of this.slotsWhere((audience) => audience === 'everyone' || audience === 'everyone-else'))
            channels.push(this.namespace(slot));
        return channels;
    }
    slotsWhere(test) {
        const slots = [];
        this.declared.forEach((stream, at) => {
            if (test(stream.audience))
                slots.push(at + 1);
        });
        return slots;
    }
}
/** The room index that stands for the fixed room (a custom join without `{{room}}`). */
export const FIXED_ROOM = -1;
/** The channels of a scenario with `totalClients` clients (every process of a run builds the same). */
export function channelsOf(scenario, totalClients) {
    const includeSelf = scenario.actions.some((action) => action.kind === 'broadcast' && action.includeSelf);
    const declared = [];
    for (const action of scenario.actions) {
        if (action.kind === 'custom' && action.delivers !== undefined)
            declared.push({ name: action.name, audience: action.delivers.to });
    }
    const uses = (kind) => scenario.actions.some((action) => action.kind === kind);
    return new DeliveryChannels(scenario.population.rooms, totalClients, includeSelf, declared, { broadcast: uses('broadcast'), direct: uses('direct') });
}
//# sourceMappingURL=delivery-channels.js.map