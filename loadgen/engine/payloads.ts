/**
 * Action payloads, built once per action and reused for every send (no allocation per message).
 */

export interface ActionPayload {
  /** Whether the action has a payload at all (custom events may not). */
  present: boolean;
  /** A string of `bytes` characters (text) or a Buffer of `bytes` bytes (binary). */
  value: string | Buffer;
}

/** The payload of an action, from its `payload` option ({bytes, kind}); absent options give an empty text. */
export function buildPayload(options: { bytes: number; kind: 'text' | 'binary' } | undefined): ActionPayload {
  if (!options) return { present: false, value: '' };
  if (options.kind === 'binary') {
    const buffer = Buffer.alloc(options.bytes);
    // A recognisable, non-constant pattern so compression does not turn the payload into nothing.
    for (let i = 0; i < buffer.length; i += 1) buffer[i] = (i * 131 + 7) & 0xff;
    return { present: true, value: buffer };
  }
  let text = '';
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < options.bytes; i += 1) text += alphabet[(i * 7) % alphabet.length];
  return { present: true, value: text };
}
