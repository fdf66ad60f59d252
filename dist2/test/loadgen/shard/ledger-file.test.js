import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeLedger, encodeLedger } from '../../../loadgen/shard/ledger-file.js';
import { LedgerLog } from '../../../loadgen/shard/ledger-log.js';
import { receiptsFromSeries } from '../../../loadgen/shard/shard-result.js';
function sampleLog() {
    const log = new LedgerLog();
    log.add({
        sends: [{ channel: 2, sender: 5, sentUs: [1_795_000_000_000_001, 1_795_000_000_000_500] }],
        windows: [
            { channel: 2, receiver: 7, connection: 17, atUs: 1_795_000_000_000_000, open: true },
            { channel: 9, receiver: 7, connection: 17, atUs: 1_795_000_000_000_000, open: true },
        ],
        tails: [],
        receipts: [],
        senderTails: [],
        messages: [{ channel: 2, sender: 5, seq: 0, t0Us: 10, sentUs: 11, received: 3, lastReceiveUs: 99 }],
    });
    log.add({
        sends: [],
        windows: [{ channel: 2, receiver: 7, connection: 17, atUs: 1_795_000_000_900_000, open: false }],
        tails: [{ channel: 2, connection: 17, fromUs: 1_795_000_000_700_000, toUs: 1_795_000_000_900_000, received: 1, cause: 'undeliverable' }],
        receipts: [],
        senderTails: [],
        messages: [],
    });
    return log;
}
test('a ledger survives encode and decode exactly, epoch-µs times included', () => {
    const ledger = sampleLog().finish({ index: 1, count: 3 }, 6, { broadcast: { received: 4, duplicated: 1, outOfOrder: 0, unexpected: 2 } });
    const decoded = decodeLedger(encodeLedger(ledger), 'x');
    assert.deepEqual(decoded.shard, { index: 1, count: 3 });
    assert.equal(decoded.rooms, 6);
    assert.deepEqual(decoded.receipts, { broadcast: { received: 4, duplicated: 1, outOfOrder: 0, unexpected: 2 } });
    assert.deepEqual([...decoded.sends], [2, 5, 1_795_000_000_000_001, 2, 5, 1_795_000_000_000_500]);
    assert.deepEqual([...decoded.windows], [2, 7, 17, 1_795_000_000_000_000, 1, 9, 7, 17, 1_795_000_000_000_000, 1, 2, 7, 17, 1_795_000_000_900_000, 0]);
    // The tail's cause is stored by its index in TAIL_CAUSES (1: undeliverable).
    assert.deepEqual([...decoded.tails], [2, 17, 1_795_000_000_700_000, 1_795_000_000_900_000, 1, 1]);
    assert.deepEqual([...decoded.messages], [2, 5, 0, 10, 11, 3, 99]);
});
test('decodeLedger names the source of a file that is not a ledger, or is cut short', () => {
    assert.throws(() => decodeLedger(Buffer.from('plain text'), 'a.gz'), /a\.gz: not a gzip'd sio-bench ledger/);
    assert.throws(() => decodeLedger(gzipSync(Buffer.from('NOTLEDGR\0\0\0\0')), 'b.gz'), /b\.gz: not a sio-bench ledger \(bad magic\)/);
    const whole = encodeLedger(sampleLog().finish({ index: 0, count: 1 }, 6, {}));
    const raw = gunzipSync(whole);
    assert.throws(() => decodeLedger(gzipSync(raw.subarray(0, raw.length - 8)), 'c.gz'), /c\.gz: truncated ledger/);
});
test('receiptsFromSeries sums the uncapped per-second tallies of every delivering metric', () => {
    const point = (received, unexpected) => ({
        delivery: { broadcast: { expected: 0, received, duplicated: 1, outOfOrder: 0, unexpected } },
    });
    const receipts = receiptsFromSeries([point(5, 0), point(7, 2)]);
    assert.deepEqual(receipts, { broadcast: { received: 12, duplicated: 2, outOfOrder: 0, unexpected: 2 } });
});
//# sourceMappingURL=ledger-file.test.js.map