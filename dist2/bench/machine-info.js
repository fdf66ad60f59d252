import { cpus } from 'node:os';
/** Reads the CPU model and count (os.cpus(), which reads /proc/cpuinfo on Linux), the Node version and the date. */
export function machineInfo(now = new Date()) {
    const list = cpus();
    return { cpuModel: list[0]?.model.trim() ?? 'unknown', cpuCount: list.length, nodeVersion: process.version, date: now.toISOString() };
}
/** One line for a report: `Intel(R) Xeon(R) Processor ×2, Node v20.20.2, 2026-11-26T11:20:00.000Z`. */
export function describeMachine(info) {
    return `${info.cpuModel} ×${info.cpuCount}, Node ${info.nodeVersion}, ${info.date}`;
}
//# sourceMappingURL=machine-info.js.map