/**
 * The delivery accounting of a sharded run, recomputed from every slice's ledger: all sends and membership
 * windows laid on one DeliveryLedger per delivering metric give the exact expected deliveries, and all
 * partial fan-outs with all windows on one FanoutTracker per fanning-out metric give the exact fan-out
 * completion (the time until the last member in ANY slice had a message). Pure: no I/O.
 */
import { DeliveryBooks } from '../engine/delivery-books.js';
import { LatencyRecorder } from '../measure/latency-recorder.js';
import { MESSAGE_FIELDS, SENDER_TAIL_FIELDS, SEND_FIELDS, TAIL_CAUSES, TAIL_FIELDS, WINDOW_FIELDS } from '../shard/ledger-log.js';
/**
 * Recomputes expected deliveries and fan-out completion over `ledgers` (one per slice, any order), laid out
 * by the run's `channels`. Throws RangeError when the ledgers contradict each other (a connection's window
 * opened twice: the same slice given twice).
 */
export function mergeLedgers(ledgers, channels) {
    const recorders = new Map();
    const books = new DeliveryBooks(channels, (metric) => {
        const recorder = new LatencyRecorder();
        recorders.set(metric, recorder);
        return recorder;
    });
    try {
        for (const ledger of ledgers) {
            const { sends, windows, tails } = ledger;
            for (let i = 0; i < sends.length; i += SEND_FIELDS)
                books.addSends(sends[i], sends[i + 1], [sends[i + 2]]);
            for (let i = 0; i < windows.length; i += WINDOW_FIELDS)
                books.window(windows[i], windows[i + 1], windows[i + 2], windows[i + 3], windows[i + 4] === 1);
            for (let i = 0; i < tails.length; i += TAIL_FIELDS) {
                const cause = TAIL_CAUSES[tails[i + 5]];
                if (cause === undefined)
                    throw new RangeError(`tail cause ${tails[i + 5]} is not one of ${TAIL_CAUSES.join(', ')}`);
                books.addTail({ channel: tails[i], connection: tails[i + 1], fromUs: tails[i + 2], toUs: tails[i + 3], received: tails[i + 4], cause });
            }
        }
        // Every slice's sender tails first, so that each follows the messages of its range from any slice.
        for (const ledger of ledgers) {
            const list = ledger.senderTails;
            for (let i = 0; i < list.length; i += SENDER_TAIL_FIELDS)
                books.addSenderTail({ sender: list[i], fromUs: list[i + 1], toUs: list[i + 2] });
        }
        for (const ledger of ledgers) {
            const parts = ledger.messages;
            for (let i = 0; i < parts.length; i += MESSAGE_FIELDS) {
                books.partial({
                    channel: parts[i],
                    sender: parts[i + 1],
                    seq: parts[i + 2],
                    t0Us: parts[i + 3],
                    sentUs: parts[i + 4],
                    received: parts[i + 5],
                    lastReceiveUs: parts[i + 6],
                });
            }
        }
        books.settleAll();
        const fanoutCompletion = new Map();
        for (const [metric, recorder] of recorders) {
            const encoded = recorder.takeInterval();
            if (encoded !== undefined)
                fanoutCompletion.set(metric, encoded);
        }
        return {
            accounts: books.finalAccounts(),
            fanouts: books.fanoutJudgements().map(({ metric, complete, incomplete }) => ({ metric, complete, incomplete })),
            fanoutCompletion,
        };
    }
    finally {
        for (const recorder of recorders.values())
            recorder.destroy();
    }
}
//# sourceMappingURL=merged-ledger.js.map