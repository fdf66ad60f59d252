/**
 * CPU pinning with `taskset` (util-linux), where it exists: the benchmark runs every server on one core and
 * its load clients on the others, so that the servers compared share the same conditions.
 */
import { spawnSync } from 'node:child_process';
let tasksetAvailable;
/** True when `taskset` can be run (checked once). */
export function canPin() {
    tasksetAvailable ??= spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
    return tasksetAvailable;
}
/** The command and arguments that run `command args` pinned to `cpu` (unpinned when taskset is missing). */
export function pinnedCommand(cpu, command, args) {
    if (cpu === undefined || !canPin())
        return { command, args: [...args], pinnedCpu: undefined };
    return { command: 'taskset', args: ['-c', String(cpu), command, ...args], pinnedCpu: cpu };
}
/** Pins every thread of process `pid` to the CPUs `cpuList` (taskset syntax, e.g. '0' or '0-2'); false if it could not. */
export function pinProcess(pid, cpuList) {
    if (!canPin())
        return false;
    return spawnSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' }).status === 0;
}
//# sourceMappingURL=cpu-pinning.js.map