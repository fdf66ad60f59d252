/**
 * Action payloads, built once per action and reused for every send (no allocation per message).
 */
/** The payload of an action, from its `payload` option ({bytes, kind}); absent options give an empty text. */
export function buildPayload(options) {
    if (!options)
        return { present: false, value: '' };
    if (options.kind === 'binary') {
        const buffer = Buffer.alloc(options.bytes);
        // A recognisable, non-constant pattern so compression does not turn the payload into nothing.
        for (let i = 0; i < buffer.length; i += 1)
            buffer[i] = (i * 131 + 7) & 0xff;
        return { present: true, value: buffer };
    }
    let text = '';
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < options.bytes; i += 1)
        text += alphabet[(i * 7) % alphabet.length];
    return { present: true, value: text };
}
//# sourceMappingURL=payloads.js.map