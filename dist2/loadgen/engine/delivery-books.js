import { DeliveryLedger } from '../measure/delivery-ledger.js';
import { SenderTails } from '../measure/sender-tails.js';
import { fanoutMetricOf } from '../metric-names.js';
import { FanoutTracker } from './fanout-tracker.js';
export class DeliveryBooks {
    channels;
    ledgers = new Map();
    fanouts = new Map();
    senderTails = new SenderTails();
    constructor(channels, 
    /** The recorder of a fan-out completion metric ('fanoutCompletion' for broadcasts, `<action>.fanout`). */
    fanoutRecorder) {
        this.channels = channels;
        for (const stream of channels.all) {
            const ledger = new DeliveryLedger((channel) => channels.includeSelf(channel));
            this.ledgers.set(stream.metric, ledger);
            if (stream.fansOut)
                this.fanouts.set(stream.metric, new FanoutTracker(fanoutRecorder(fanoutMetricName(stream.metric)), ledger));
        }
    }
    addSends(channel, sender, sentUs) {
        this.ledgerOf(channel).addSends(channel, sender, sentUs);
    }
    window(channel, receiver, connection, atUs, open) {
        const ledger = this.ledgerOf(channel);
        if (open)
            ledger.openWindow(channel, receiver, connection, atUs);
        else
            ledger.closeWindow(channel, connection, atUs);
    }
    addTail(tail) {
        this.ledgerOf(tail.channel).addTail(tail);
    }
    addSenderTail(tail) {
        this.senderTails.add(tail);
    }
    /** One worker's partial receipts of a message: it reached the server; a fan-out to judge once it settles. */
    partial(part) {
        this.senderTails.reached(part.channel, part.sender, part.sentUs, part.seq);
        this.fanouts.get(this.channels.streamOf(part.channel).metric)?.partial(part);
    }
    /** Judges the fan-outs sent long enough before `nowUs` (at least `minimumUs`, see FanoutTracker). */
    settle(nowUs, minimumUs) {
        for (const fanout of this.fanouts.values())
            fanout.settle(fanout.settleCutoffUs(nowUs, minimumUs));
    }
    /** Judges every fan-out still pending (the end of the run). */
    settleAll() {
        for (const fanout of this.fanouts.values())
            fanout.settle(Number.POSITIVE_INFINITY);
    }
    /** The used metrics' accounts of messages sent up to `cutoffUs` (without the senders' abrupt ends). */
    accounts(cutoffUs) {
        return this.usedMetrics().map((metric) => ({ metric, account: this.ledgers.get(metric).account(cutoffUs) }));
    }
    /** The used metrics' final accounts, with what the senders' abrupt ends made undeliverable. */
    finalAccounts() {
        return this.usedMetrics().map((metric) => {
            const ledger = this.ledgers.get(metric);
            const account = ledger.account(Number.POSITIVE_INFINITY);
            return { metric, account: { ...account, undeliverable: account.undeliverable + this.senderTails.undeliverable(ledger) } };
        });
    }
    /** How each used fan-out metric's messages were judged. */
    fanoutJudgements() {
        const judgements = [];
        for (const metric of this.usedMetrics()) {
            const fanout = this.fanouts.get(metric);
            if (fanout)
                judgements.push({ metric, complete: fanout.complete, incomplete: fanout.incomplete, lateReceipts: fanout.lateReceipts });
        }
        return judgements;
    }
    usedMetrics() {
        return this.channels.all.filter((stream) => stream.used).map((stream) => stream.metric);
    }
    ledgerOf(channel) {
        return this.ledgers.get(this.channels.streamOf(channel).metric);
    }
}
/** The fan-out completion metric of a delivering metric: 'fanoutCompletion' for bench broadcasts. */
export function fanoutMetricName(metric) {
    return metric === 'broadcast' ? 'fanoutCompletion' : fanoutMetricOf(metric);
}
//# sourceMappingURL=delivery-books.js.map