import { startFaultInjector } from '../faults/fault-injector.js';
import { startClientDisconnector } from '../faults/client-disconnector.js';
import { startDropRecorder } from '../faults/drop-recorder.js';
import { zeroDropCounts } from '../faults/drop-ledger.js';
import { installBenchApp } from './bench-app.js';
import { installSeedChatApp } from './seed-chat-app.js';
/**
 * Installs app `name` on `namespace` (default '/') of `server`. The bench app takes its fault injection from
 * `server.options.faults` (off unless set); 'none' installs nothing. Throws a RangeError for unusable fault options.
 */
export function installApp(server, name, hooks, namespace = '/') {
    switch (name) {
        case 'bench': {
            const faults = startFaultInjector(server.options.faults);
            const disconnects = startClientDisconnector(server.options.faults, server.io.of(namespace));
            const drops = startDropRecorder(server.options.faults, server.io.of(namespace));
            installBenchApp(server, hooks, { replies: faults, disconnects, drops }, namespace);
            const faultMetrics = () => {
                if (faults === undefined && disconnects === undefined)
                    return undefined;
                const counts = faults?.counts();
                const delays = faults?.delays();
                const none = { count: 0, valuesUs: [] };
                return {
                    ackDelays: delays?.ack ?? none,
                    forwardDelays: delays?.forward ?? none,
                    droppedForwards: counts?.dropped ?? 0,
                    stalls: counts?.stalls ?? 0,
                    disconnects: disconnects?.json() ?? noDisconnects(),
                    drops: drops?.json() ?? noDrops(),
                };
            };
            return {
                name,
                faultCounts: () => faults?.counts(),
                faultMetrics,
                close: () => {
                    faults?.stop();
                    disconnects?.stop();
                    drops?.stop();
                },
            };
        }
        case 'seed-chat':
            installSeedChatApp(server, hooks, namespace);
            return { name, faultCounts: () => undefined, faultMetrics: () => undefined, close: () => undefined };
        case 'none':
            return { name, faultCounts: () => undefined, faultMetrics: () => undefined, close: () => undefined };
        default:
            throw new RangeError(`unknown app ${JSON.stringify(name)}`);
    }
}
/**
 * Installs `server.options.app` on the default namespace with hooks into the server's metrics and adapter,
 * and stops the app's fault injection when the server's HTTP server closes. Call it before the server listens.
 */
export function installConfiguredApp(server) {
    const hooks = {
        countRefused: (kind, by) => server.metrics.countRefused(kind, by),
        roomSize: (room, namespace) => server.io.of(namespace).adapter.rooms.get(room)?.size ?? 0,
    };
    const installed = installApp(server, server.options.app, hooks);
    server.metrics.reportFaultsFrom(() => installed.faultMetrics());
    server.io.httpServer.once('close', () => installed.close());
    return installed;
}
/** The disconnect figures of a server whose disconnect fault is off. */
export function noDisconnects() {
    return {
        disconnectedClients: 0,
        undeliverableBroadcastsCertain: 0,
        undeliverableBroadcastsAmbiguous: 0,
        undeliverableDirectsCertain: 0,
        undeliverableDirectsAmbiguous: 0,
    };
}
/** The drop figures of a server whose drop fault is off. */
export function noDrops() {
    return zeroDropCounts();
}
//# sourceMappingURL=index.js.map