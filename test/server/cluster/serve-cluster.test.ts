/**
 * `sio-bench serve --workers 2` as a user runs it (a child process): official clients land on both workers, and
 * the bench protocol's broadcasts and directs cross between them; the primary's metrics list every process
 * and add them up; SIGTERM ends the primary and every worker with exit code 0.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { SIO_BENCH_LAUNCHER_PATH, startBuiltinServer } from '../../../loadgen/target/builtin-server.js';
import type { BroadcastMessage, DirectMessage, RoomAck } from '../../../server/bench-protocol.js';
import type { ClusterMetricsJson } from '../../../server/metrics/process-metrics.js';
import { withTimeout } from '../support/socket-test-kit.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ESRCH') return false;
    throw error;
  }
}

async function connect(url: string, transport: 'websocket' | 'polling', clientIndex: number): Promise<ClientSocket> {
  const client = io(url, { transports: [transport], forceNew: true, reconnection: false, auth: { clientIndex } });
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('connect_error', reject);
    }),
    `client ${clientIndex} connect`,
  );
  return client;
}

function next<T>(client: ClientSocket, event: string): Promise<T> {
  return withTimeout(new Promise<T>((resolve) => client.once(event, (message: T) => resolve(message))), event);
}

function broadcast(room: string, from: number, seq: number, includeSelf: boolean): BroadcastMessage {
  return { room, from, seq, t0Us: 1, sentUs: 1, includeSelf, payload: `b${seq}` };
}

for (const transport of ['websocket', 'polling'] as const) {
  test(`serve --workers 2 over ${transport}: broadcasts and directs cross processes, metrics per process and in total`, async (t) => {
    const server = await startBuiltinServer({ app: 'bench', workers: 2, transports: transport });
    t.after(() => server.stop());
    assert.match(server.config, / workers=2 adapter=cluster$/);

    // Connected one after the other, so sticky's least-connection balancing puts one on each worker.
    const a = await connect(server.url, transport, 0);
    t.after(() => a.close());
    const b = await connect(server.url, transport, 1);
    t.after(() => b.close());

    for (const client of [a, b]) {
      const ack = (await withTimeout(client.emitWithAck('join', { room: 'r' }), 'join ack')) as RoomAck;
      assert.equal(ack.room, 'r');
    }

    const before = (await (await fetch(server.metricsUrl)).json()) as ClusterMetricsJson;
    assert.deepEqual(
      before.processes.map((p) => [p.process, p.connectedClients]),
      [
        ['primary', 0],
        ['worker-1', 1],
        ['worker-2', 1],
      ],
      'one client on each worker',
    );
    assert.equal(before.connectedClients, 2);
    assert.deepEqual(before.unansweredProcesses, []);

    // From a's worker to b's: b gets seq 0; a is skipped, so the first broadcast a sees is seq 1 (includeSelf),
    // which its worker sent after seq 0 (per-client order would put a wrongly delivered seq 0 first).
    const atB = next<BroadcastMessage>(b, 'broadcast');
    const atA = next<BroadcastMessage>(a, 'broadcast');
    a.emit('broadcast', broadcast('r', 0, 0, false));
    a.emit('broadcast', broadcast('r', 0, 1, true));
    assert.equal((await atB).seq, 0);
    assert.equal((await atA).seq, 1);

    // A direct to the personal room of a client on the other worker.
    const direct: DirectMessage = { to: 'client:0', from: 1, seq: 0, t0Us: 1, sentUs: 1, payload: 'd0' };
    const directAtA = next<DirectMessage>(a, 'direct');
    b.emit('direct', direct);
    assert.deepEqual(await directAtA, direct);

    const after = (await (await fetch(server.metricsUrl)).json()) as ClusterMetricsJson;
    assert.equal(after.eventsReceivedByEvent.broadcast, 2, 'both broadcasts counted once, on the sender worker');
    assert.equal(after.eventsReceivedByEvent.direct, 1);
    assert.equal(
      after.cpuSecondsTotal,
      after.processes.reduce((sum, p) => sum + p.cpuSecondsTotal, 0),
      'the total CPU is the sum of the processes',
    );
    const text = await (await fetch(server.metricsUrl.replace('/metrics.json', '/metrics'))).text();
    assert.match(text, /^socket_io_connected\{namespace="\/",process="worker-1"\} 1$/m);
    assert.match(text, /^socket_io_connected\{namespace="\/",process="worker-2"\} 1$/m);
    assert.match(text, /^process_cpu_seconds_total\{process="primary"\} /m);

    a.close();
    b.close();
    await server.stop();
    assert.deepEqual(await server.exited, { code: 0, signal: null }, `serve's stderr: ${server.stderrTail()}`);
    const workerPids = after.processes.filter((p) => p.process !== 'primary').map((p) => p.pid);
    assert.equal(workerPids.length, 2);
    assert.deepEqual(
      workerPids.filter((pid) => isAlive(pid)),
      [],
      'no worker outlives the primary',
    );
  });
}

test('serve refuses scale-out flags that would lose messages, with exit code 2 and every problem named', () => {
  const run = spawnSync(process.execPath, [SIO_BENCH_LAUNCHER_PATH, 'serve', '--port=0', '--workers=2', '--adapter=memory', '--ping-interval-ms=x'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(run.status, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /--ping-interval-ms must be an integer >= 1 \(got "x"\)/);
  assert.match(run.stderr, /--adapter memory cannot carry broadcasts between --workers processes/);
});
