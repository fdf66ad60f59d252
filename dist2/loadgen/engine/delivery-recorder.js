import { connectionId } from '../measure/membership-window.js';
import { ReceiverConnection } from './receiver-connection.js';
export class DeliveryRecorder {
    metrics;
    channels;
    inFlightHorizonUs;
    runStartUs;
    sends = new Map();
    windows = [];
    tails = [];
    receipts = [];
    receiptCounts = new Map();
    /** Message partials by stream (channel * totalClients + sender), then by seq: numeric keys, no string per receipt. */
    messages = new Map();
    senderTails = [];
    /** Connections that may still receive (open or draining), for pruning their recent receipts. */
    live = new Set();
    constructor(metrics, 
    /** The run's channels: which metric each belongs to and whether it includes the sender. */
    channels, 
    /**
     * How long a message may be in flight, µs (the scenario's drain): what a connection that ends without a drain
     * expected within this span before its end is counted by cause, not as lost. 0: nothing is in flight.
     */
    inFlightHorizonUs, 
    /** The run's time zero (monotonic µs), for receipts by send second. */
    runStartUs = 0) {
        this.metrics = metrics;
        this.channels = channels;
        this.inFlightHorizonUs = inFlightHorizonUs;
        this.runStartUs = runStartUs;
    }
    /** Sets the run's time zero once it is known. */
    startAt(runStartUs) {
        this.runStartUs = runStartUs;
    }
    /** The channel of directs to `recipient`. */
    directChannel(recipient) {
        return this.channels.personal(0, recipient);
    }
    /** A new receiving connection for client `clientIndex`, its `epoch`-th (0 first). */
    connection(clientIndex, epoch) {
        const connection = new ReceiverConnection(connectionId(clientIndex, epoch, this.channels.totalClients), clientIndex);
        this.live.add(connection);
        return connection;
    }
    recordSend(channel, sender, sentUs) {
        const key = channel * this.channels.totalClients + sender;
        let batch = this.sends.get(key);
        if (!batch) {
            batch = { channel, sender, sentUs: [] };
            this.sends.set(key, batch);
        }
        batch.sentUs.push(sentUs);
    }
    /** Opens the connection's window on `channel` at `atUs` (join ack, or connect for its direct channel). */
    openWindow(connection, channel, atUs) {
        if (connection.openedUs === Number.POSITIVE_INFINITY)
            connection.openedUs = atUs;
        connection.open(channel, atUs);
        this.windows.push({ channel, receiver: connection.clientIndex, connection: connection.id, atUs, open: true });
    }
    /** Closes the connection's window on `channel` at `atUs` if one is open (a pending join is dropped). */
    closeWindow(connection, channel, atUs) {
        if (connection.close(channel, atUs)) {
            this.windows.push({ channel, receiver: connection.clientIndex, connection: connection.id, atUs, open: false });
        }
    }
    /** Closes every open window of the connection at `atUs` (a leave of everything, or a disconnect decided now). */
    closeAll(connection, atUs) {
        if (atUs < connection.sendsUntilUs)
            connection.sendsUntilUs = atUs;
        for (const channel of connection.openChannels())
            this.closeWindow(connection, channel, atUs);
    }
    /**
     * The connection is gone at `atUs`. Open windows close now. Without `cause` its windows had their drain (a
     * planned close); with one, every window that ended within the in-flight horizon before `atUs` gets a tail,
     * so that what it expected and did not get in that span is counted under `cause` instead of as lost.
     */
    endConnection(connection, atUs, cause) {
        if (!this.live.delete(connection))
            return;
        this.closeAll(connection, atUs);
        if (cause === undefined || this.inFlightHorizonUs <= 0)
            return;
        const fromUs = atUs - this.inFlightHorizonUs;
        // What it sent lately may not have reached the server either (a stop ends every receiver's windows too,
        // whose tails cover its messages already).
        const sendsFromUs = Math.max(fromUs, connection.openedUs);
        if (cause === 'undeliverable' && sendsFromUs < connection.sendsUntilUs) {
            this.senderTails.push({ sender: connection.clientIndex, fromUs: sendsFromUs, toUs: connection.sendsUntilUs });
        }
        for (const window of connection.allWindows()) {
            if (window.endUs <= fromUs)
                continue;
            let received = 0;
            for (const sentUs of window.recentSentUs)
                if (sentUs > fromUs && sentUs <= window.endUs)
                    received += 1;
            this.tails.push({ channel: window.channel, connection: connection.id, fromUs, toUs: window.endUs, received, cause });
        }
    }
    /**
     * Classifies one message received through `connection` and counts it. Returns the outcome of a counted
     * receipt (a distinct one is 'new' or 'outOfOrder'), or undefined when it falls outside the connection's
     * windows (counted as unexpected when the connection never joined the channel).
     */
    received(metric, connection, channel, sender, seq, sentUs) {
        const window = connection.windowFor(channel, sentUs);
        if (window === 'unknown') {
            this.metrics.delivered(metric, 'unexpected');
            return undefined;
        }
        // Outside its windows, or its own message (through an older connection still draining) on a channel that
        // does not include the sender: the ledger expects neither, so neither counts.
        if (window === 'outside' || (sender === connection.clientIndex && !this.channels.includeSelf(channel)))
            return undefined;
        const outcome = connection.tracker.record(sender * this.channels.channelCount + channel, seq);
        this.metrics.delivered(metric, outcome);
        if (outcome !== 'duplicate') {
            if (this.inFlightHorizonUs > 0)
                window.recentSentUs.push(sentUs);
            this.countReceipt(metric, sentUs);
        }
        return outcome;
    }
    /** Adds one distinct receipt of a message to its partial (merged by the coordinator across workers). */
    messageReceived(channel, sender, seq, t0Us, sentUs, receiveUs) {
        const stream = channel * this.channels.totalClients + sender;
        let bySeq = this.messages.get(stream);
        if (bySeq === undefined) {
            bySeq = new Map();
            this.messages.set(stream, bySeq);
        }
        const partial = bySeq.get(seq);
        if (partial) {
            partial.received += 1;
            if (receiveUs > partial.lastReceiveUs)
                partial.lastReceiveUs = receiveUs;
        }
        else {
            bySeq.set(seq, { channel, sender, seq, t0Us, sentUs, received: 1, lastReceiveUs: receiveUs });
        }
    }
    /** Everything logged since the last call; forgets recent receipts that can no longer fall in a tail. */
    takeDelta(nowUs) {
        const messages = [];
        for (const bySeq of this.messages.values())
            for (const partial of bySeq.values())
                messages.push(partial);
        const delta = {
            sends: [...this.sends.values()],
            windows: this.windows,
            tails: this.tails,
            messages,
            senderTails: this.senderTails,
            receipts: this.receipts,
        };
        this.senderTails = [];
        this.sends = new Map();
        this.windows = [];
        this.tails = [];
        this.messages = new Map();
        this.receipts = [];
        this.receiptCounts.clear();
        if (this.inFlightHorizonUs > 0) {
            // A tail starts at most the horizon before the connection's end, which is now or later.
            for (const connection of this.live)
                connection.prune(nowUs - this.inFlightHorizonUs);
        }
        return delta;
    }
    /** Counts a distinct receipt by the second of the run in which it was sent (the live view settles by it). */
    countReceipt(metric, sentUs) {
        const sendSec = Math.floor((sentUs - this.runStartUs) / 1_000_000);
        let bySec = this.receiptCounts.get(metric);
        if (bySec === undefined) {
            bySec = new Map();
            this.receiptCounts.set(metric, bySec);
        }
        let entry = bySec.get(sendSec);
        if (entry === undefined) {
            entry = { metric, sendSec, count: 0 };
            bySec.set(sendSec, entry);
            this.receipts.push(entry);
        }
        entry.count += 1;
    }
}
//# sourceMappingURL=delivery-recorder.js.map