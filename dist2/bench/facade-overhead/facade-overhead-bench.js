/**
 * Benchmark: the reference server's bench `echo` against a bare `socket.io` server with an equivalent handler,
 * side by side in one run. Each server runs in its own child process (CPU measured per server); the same raw
 * websocket clients in this process drive each in a closed loop; rounds alternate the order. Reports
 * throughput (acks/s), server CPU per message (µs) and the reference/bare ratios. Target: facade cost < 5 %.
 */
import { availableParallelism } from 'node:os';
import { ECHO_SERVER_KINDS } from './child-messages.js';
import { measureClosedLoop } from './closed-loop-driver.js';
import { costPercentFromCpuRatio, costPercentFromThroughputRatio, overheadFigures } from './overhead-figures.js';
import { pinProcess } from './cpu-pinning.js';
import { startServerChild } from './server-child.js';
/** The echo argument: a small object like a bench payload (about 100 bytes of JSON). */
const PAYLOAD_JSON = JSON.stringify({ seq: 1, t0Us: 123456789, text: 'x'.repeat(64) });
/**
 * Measures both servers for `settings.rounds` rounds, in alternating order. Each measurement gets a fresh child
 * process pinned to the last CPU (the load clients, this process, are pinned to the others): a process kept across rounds carries its
 * own bias (its core, its neighbours), which alternating the order cannot cancel.
 */
export async function measureFacadeOverhead(settings, progress) {
    const cpuCount = availableParallelism();
    const serverCpu = cpuCount > 1 ? cpuCount - 1 : undefined;
    // The load clients (this process) keep off the servers' core, and get every core back afterwards.
    const clientsPinned = serverCpu !== undefined && pinProcess(process.pid, serverCpu === 1 ? '0' : `0-${serverCpu - 1}`);
    try {
        const figures = await measureRounds(settings, serverCpu, progress);
        const profile = await measureFacadeSelfTime(settings, serverCpu);
        progress(`profile window: facade self time ${(profile.share * 100).toFixed(2)} % of the reference server's busy CPU`);
        return { figures, profile };
    }
    finally {
        if (clientsPinned)
            pinProcess(process.pid, `0-${cpuCount - 1}`);
    }
}
/**
 * One more window on a reference server under the same load, with a CPU profile running: the share of its busy
 * time spent in its own code (self time under dist/server/). Noise on the machine moves this figure far less
 * than the throughput; it is a lower bound (work the facade causes inside socket.io is not counted).
 */
async function measureFacadeSelfTime(settings, serverCpu) {
    const child = await startServerChild('reference', serverCpu);
    try {
        let share;
        await measureClosedLoop({ url: child.url, clients: settings.clients, warmupMs: settings.warmupMs, measureMs: settings.measureMs, payloadJson: PAYLOAD_JSON }, () => child.readCpuUs(), {
            atStart: () => child.startProfile(),
            atEnd: async () => {
                share = await child.stopProfile();
            },
        });
        if (share === undefined)
            throw new Error('the profile window ended without a profile');
        return { ...share, share: share.busyUs > 0 ? share.matchedUs / share.busyUs : 0 };
    }
    finally {
        await child.stop();
    }
}
async function measureRounds(settings, serverCpu, progress) {
    const windows = { reference: [], bare: [] };
    for (let round = 0; round < settings.rounds; round += 1) {
        const order = round % 2 === 0 ? ECHO_SERVER_KINDS : [...ECHO_SERVER_KINDS].reverse();
        for (const kind of order) {
            const child = await startServerChild(kind, serverCpu);
            try {
                const window = await measureClosedLoop({ url: child.url, clients: settings.clients, warmupMs: settings.warmupMs, measureMs: settings.measureMs, payloadJson: PAYLOAD_JSON }, () => child.readCpuUs());
                windows[kind].push(window);
                progress(`round ${round + 1}/${settings.rounds} ${kind}${child.pinnedCpu === undefined ? '' : ` (cpu ${child.pinnedCpu})`}: ` +
                    `${Math.round((window.acks * 1000) / window.elapsedMs)} acks/s, ${(window.serverCpuUs / window.acks).toFixed(2)} µs CPU/msg`);
            }
            finally {
                await child.stop();
            }
        }
    }
    return overheadFigures(windows.reference, windows.bare);
}
/** The report of the figures as a Markdown table plus the per-round ratios and the profile's share. */
export function renderOverheadReport(result, settings) {
    const { figures, profile } = result;
    const { reference, bare } = figures;
    const fixed = (value, digits) => value.toFixed(digits);
    const rounds = (ratios) => ratios.map((r) => fixed(r, 3)).join(', ');
    return [
        `facade-overhead: bench echo, ${settings.clients} websocket clients in a closed loop, ${settings.rounds} rounds × ` +
            `${settings.measureMs} ms per server (after ${settings.warmupMs} ms warm-up), alternating order, a fresh server process each time`,
        '',
        '| server | acks | acks/s | server CPU µs/msg |',
        '|---|---:|---:|---:|',
        `| reference (facade) | ${reference.acks} | ${fixed(reference.acksPerSec, 0)} | ${fixed(reference.cpuUsPerMessage, 2)} |`,
        `| bare socket.io | ${bare.acks} | ${fixed(bare.acksPerSec, 0)} | ${fixed(bare.cpuUsPerMessage, 2)} |`,
        `| ratio reference/bare | | ${fixed(figures.throughputRatio, 3)} | ${fixed(figures.cpuPerMessageRatio, 3)} |`,
        '',
        `facade cost: ${fixed(costPercentFromThroughputRatio(figures.throughputRatio), 1)} % in throughput, ` +
            `${fixed(costPercentFromCpuRatio(figures.cpuPerMessageRatio), 1)} % in CPU per message (target < 5 %)`,
        `per-round ratios: throughput ${rounds(figures.throughputRatioByRound)} (median ${fixed(figures.throughputRatioMedian, 3)}); ` +
            `CPU/msg ${rounds(figures.cpuPerMessageRatioByRound)} (median ${fixed(figures.cpuPerMessageRatioMedian, 3)})`,
        `CPU profile of the reference server (one more window): its own code (dist/server/) took ${fixed(profile.share * 100, 2)} % ` +
            `of its busy CPU time (${fixed(profile.matchedUs / 1000, 1)} of ${fixed(profile.busyUs / 1000, 1)} ms; self time, a lower bound)`,
    ].join('\n');
}
/** The module that bench/run-all.ts lists. */
export const facadeOverheadBench = {
    name: 'facade-overhead',
    description: "reference server's bench echo vs a bare socket.io server: throughput and CPU per message",
    async run(settings) {
        const result = await measureFacadeOverhead(settings, (line) => process.stderr.write(`  ${line}\n`));
        return renderOverheadReport(result, settings);
    },
};
//# sourceMappingURL=facade-overhead-bench.js.map