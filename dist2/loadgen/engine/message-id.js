/**
 * The id a custom action's message carries (`{{messageId}}`) so that a server that knows nothing of the bench
 * protocol only has to relay the payload it got: everything a receiver needs to account for the message exactly,
 * in one string `<sender>.<channel>.<seq>.<sentUs>.<lagUs>` of integers (lagUs = sentUs - t0Us, the schedule's
 * delay, for the corrected latency).
 */
export function encodeMessageId(message) {
    return `${message.sender}.${message.channel}.${message.seq}.${message.sentUs}.${message.sentUs - message.t0Us}`;
}
const MESSAGE_ID = /^(\d+)\.(\d+)\.(\d+)\.(-?\d+)\.(\d+)$/;
/** The identity in an id made by encodeMessageId, or undefined when `value` is not one. */
export function decodeMessageId(value) {
    if (typeof value !== 'string')
        return undefined;
    const match = MESSAGE_ID.exec(value);
    if (match === null)
        return undefined;
    const sentUs = Number(match[4]);
    return { sender: Number(match[1]), channel: Number(match[2]), seq: Number(match[3]), sentUs, t0Us: sentUs - Number(match[5]) };
}
//# sourceMappingURL=message-id.js.map