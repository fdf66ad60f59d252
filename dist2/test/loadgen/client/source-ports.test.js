/**
 * Source ports: the pool's cycle (skips held and listening ports, undefined when full, reuse after release), and
 * every client kind and transport connecting from the pool's address and ports and giving the port back.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, it } from 'node:test';
import { createClient } from '../../../loadgen/client/create-client.js';
import { SourcePortPool, ephemeralPortLow, listeningPorts, sourcePortPools } from '../../../loadgen/client/source-ports.js';
import { HandlerRecorder, clientOptions, startSocketIoServer, waitFor } from './client-fixtures.js';
describe('SourcePortPool', () => {
    it('hands out the slice in a cycle from its start, skipping excluded and held ports', () => {
        const pool = new SourcePortPool('127.0.0.2', 2000, 5, new Set([2001, 1999, 2005]), 3);
        assert.deepEqual([pool.take(), pool.take(), pool.take(), pool.take()], [2003, 2004, 2000, 2002]);
        assert.equal(pool.take(), undefined, 'every port held or excluded');
        assert.equal(pool.heldPorts, 5);
        pool.release(2000);
        pool.release(2001); // excluded: never handed out, never released
        pool.release(7777); // not in the slice
        assert.equal(pool.heldPorts, 4);
        assert.equal(pool.take(), 2000);
        assert.equal(pool.take(), undefined);
    });
    it('reuses a released port only after the rest of the slice (least recently handed out first)', () => {
        const pool = new SourcePortPool('127.0.0.2', 3000, 4, new Set(), 0);
        const first = pool.take();
        pool.release(first ?? -1);
        assert.deepEqual([pool.take(), pool.take(), pool.take(), pool.take()], [3001, 3002, 3003, 3000]);
    });
    it('rejects an empty slice', () => {
        assert.throws(() => new SourcePortPool('127.0.0.2', 3000, 0), /size must be a positive integer/);
    });
    it('slices the ports below the ephemeral range, one disjoint slice per worker', () => {
        const slices = 4;
        const pools = Array.from({ length: slices }, (_, slice) => sourcePortPools(['127.0.0.2', '127.0.0.3'], slice, slices));
        const low = ephemeralPortLow();
        for (let slice = 0; slice < slices; slice += 1) {
            const [a, b] = pools[slice] ?? [];
            assert.ok(a && b);
            assert.equal(a.address, '127.0.0.2');
            assert.equal(b.address, '127.0.0.3');
            assert.ok(a.firstPort >= 1024 && a.firstPort + a.size <= low, `slice ${slice} within [1024, ${low})`);
            const next = pools[slice + 1]?.[0];
            if (next)
                assert.equal(a.firstPort + a.size, next.firstPort, 'slices adjoin without overlap');
        }
        assert.deepEqual(sourcePortPools([], 0, 1), [], 'no addresses: no pools');
        assert.deepEqual(sourcePortPools(['127.0.0.2'], 0, 100_000), [], 'slices too small: the kernel chooses');
    });
    it('listeningPorts sees a port something listens on', async () => {
        const server = net.createServer();
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
            const { port } = server.address();
            assert.ok(listeningPorts().has(port));
        }
        finally {
            server.close();
        }
    });
});
describe('clients connect from the pool', { timeout: 30_000 }, () => {
    const cases = [
        ['lean', 'websocket'],
        ['lean', 'polling'],
        ['lean', 'polling-upgrade'],
        ['official', 'websocket'],
        ['official', 'polling'],
    ];
    for (const [kind, transport] of cases) {
        it(`${kind} over ${transport}: the server sees 127.0.0.2 and a pool port; the port is free after disconnect`, async () => {
            const server = await startSocketIoServer();
            const pool = new SourcePortPool('127.0.0.2', 20_000, 500, listeningPorts());
            try {
                const seen = waitFor('a connection', (resolve) => {
                    server.io.on('connection', (socket) => {
                        const remote = socket.request.socket;
                        resolve({ address: remote.remoteAddress, port: remote.remotePort });
                    });
                });
                const recorder = new HandlerRecorder();
                const client = createClient(kind)(clientOptions(server.url, transport, { localAddress: pool.address, localPorts: pool }), recorder.handlers);
                await client.connect();
                const remote = await seen;
                assert.equal(remote.address, '127.0.0.2');
                assert.ok(remote.port !== undefined && remote.port >= 20_000 && remote.port < 20_500, `remote port ${remote.port} from the pool`);
                assert.ok(pool.heldPorts >= 1, 'the connection holds a port');
                client.disconnect();
                // Keep-alive agents (polling, the official client) keep idle sockets until the server closes them.
                await server.close();
                await waitFor('every port released', (resolve) => {
                    const check = setInterval(() => {
                        if (pool.heldPorts === 0) {
                            clearInterval(check);
                            resolve();
                        }
                    }, 20);
                }, 10_000);
            }
            finally {
                await server.close().catch(() => undefined);
            }
        });
    }
});
//# sourceMappingURL=source-ports.test.js.map