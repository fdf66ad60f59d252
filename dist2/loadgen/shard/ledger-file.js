/**
 * The file a shard writes beside its result.json: `ledger.bin.gz`, its ShardLedger in a compact binary form
 * (8 bytes per number, gzip'd: a send costs 24 bytes before compression, where JSON would spend ~45).
 * Layout before gzip: the 8-byte magic `SIOLEDG1`, a little-endian u32 header length, the JSON header
 * (shard, rooms, receipts, record counts), zero padding to a multiple of 8, then the sends, windows, tails and fan-out
 * records as little-endian float64s.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { MESSAGE_FIELDS, SENDER_TAIL_FIELDS, SEND_FIELDS, TAIL_FIELDS, WINDOW_FIELDS } from './ledger-log.js';
/** File name of a shard's ledger inside its output folder. */
export const LEDGER_FILE_NAME = 'ledger.bin.gz';
const MAGIC = 'SIOLEDG1';
/** 2: windows carry their connection; tails of windows that ended without a drain; directs' receipts; sender tails. */
const FORMAT_VERSION = 2;
/** Encodes `ledger` (gzip'd). */
export function encodeLedger(ledger) {
    const header = {
        version: FORMAT_VERSION,
        shard: ledger.shard,
        rooms: ledger.rooms,
        receipts: ledger.receipts,
        sends: ledger.sends.length / SEND_FIELDS,
        windows: ledger.windows.length / WINDOW_FIELDS,
        tails: ledger.tails.length / TAIL_FIELDS,
        messages: ledger.messages.length / MESSAGE_FIELDS,
        senderTails: ledger.senderTails.length / SENDER_TAIL_FIELDS,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const prefixBytes = 8 + 4 + headerBytes.length;
    const paddedPrefix = Math.ceil(prefixBytes / 8) * 8;
    const numbers = ledger.sends.length + ledger.windows.length + ledger.tails.length + ledger.messages.length + ledger.senderTails.length;
    const raw = Buffer.alloc(paddedPrefix + numbers * 8);
    raw.write(MAGIC, 0, 'latin1');
    raw.writeUInt32LE(headerBytes.length, 8);
    headerBytes.copy(raw, 12);
    let offset = paddedPrefix;
    for (const block of [ledger.sends, ledger.windows, ledger.tails, ledger.messages, ledger.senderTails]) {
        for (const value of block) {
            raw.writeDoubleLE(value, offset);
            offset += 8;
        }
    }
    return gzipSync(raw);
}
/** Decodes a buffer written by encodeLedger. Throws Error naming `source` when it is not one. */
export function decodeLedger(data, source) {
    let raw;
    try {
        raw = gunzipSync(data);
    }
    catch (error) {
        throw new Error(`${source}: not a gzip'd sio-bench ledger (${error instanceof Error ? error.message : String(error)})`);
    }
    if (raw.length < 12 || raw.toString('latin1', 0, 8) !== MAGIC)
        throw new Error(`${source}: not a sio-bench ledger (bad magic)`);
    const headerLength = raw.readUInt32LE(8);
    const header = parseHeader(raw.toString('utf8', 12, 12 + headerLength), source);
    let offset = Math.ceil((12 + headerLength) / 8) * 8;
    const expectedBytes = offset + (header.sends * SEND_FIELDS + header.windows * WINDOW_FIELDS + header.tails * TAIL_FIELDS + header.messages * MESSAGE_FIELDS + header.senderTails * SENDER_TAIL_FIELDS) * 8;
    if (raw.length !== expectedBytes)
        throw new Error(`${source}: truncated ledger (${raw.length} bytes, header says ${expectedBytes})`);
    const readBlock = (count) => {
        const block = new Float64Array(count);
        for (let i = 0; i < count; i += 1) {
            block[i] = raw.readDoubleLE(offset);
            offset += 8;
        }
        return block;
    };
    return {
        shard: header.shard,
        rooms: header.rooms,
        receipts: header.receipts,
        sends: readBlock(header.sends * SEND_FIELDS),
        windows: readBlock(header.windows * WINDOW_FIELDS),
        tails: readBlock(header.tails * TAIL_FIELDS),
        messages: readBlock(header.messages * MESSAGE_FIELDS),
        senderTails: readBlock(header.senderTails * SENDER_TAIL_FIELDS),
    };
}
/** Writes `ledger` to `path`. */
export async function writeLedgerFile(path, ledger) {
    await writeFile(path, encodeLedger(ledger));
}
/** Reads a ledger file. Rejects with an Error naming the path when it is missing or malformed. */
export async function readLedgerFile(path) {
    return decodeLedger(await readFile(path), path);
}
function parseHeader(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`${source}: ledger header is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const header = value;
    if (header.version !== FORMAT_VERSION)
        throw new Error(`${source}: ledger format version ${String(header.version)} is not ${FORMAT_VERSION}`);
    const counts = [header.sends, header.windows, header.tails, header.messages, header.senderTails, header.rooms];
    if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || header.shard === undefined || header.receipts === undefined) {
        throw new Error(`${source}: ledger header is incomplete`);
    }
    return header;
}
//# sourceMappingURL=ledger-file.js.map