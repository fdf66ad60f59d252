/**
 * CPU time and resident memory of a run's processes, read the same way for the load generator and for the
 * server so that their figures can be put side by side: this process (the coordinator, and the worker threads
 * when the run fits one process), its load-process children (loadgen/engine/load-process.ts) and the built-in
 * server child (`sio-bench serve`). Linux only: children are found and read through /proc.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/** One process's CPU time so far and its resident memory now. */
export interface ProcessUsage {
  pid: number;
  /** User + system CPU time since the process started, µs (10 ms resolution for children: kernel clock ticks). */
  cpuUs: number;
  /** The kernel's (system) part of cpuUs, µs. */
  systemUs: number;
  rssBytes: number;
}

/** The run's processes at one moment. */
export interface RunProcessesUsage {
  /** This process: the coordinator, plus the worker threads when the run fits one process. */
  self: ProcessUsage;
  /** Load-generator child processes (several when one process cannot hold the connections). */
  loadProcesses: ProcessUsage[];
  /**
   * The built-in server child, when the run started one, with its own children added (the workers of a
   * `workers: N` cluster): CPU and RSS summed, `processes` counted.
   */
  server: (ProcessUsage & { processes: number }) | undefined;
}

/** CPU time and RSS summed over every load-generator process (this one and the load children). */
export function loadgenTotals(usage: RunProcessesUsage): { cpuUs: number; systemUs: number; rssBytes: number; processes: number } {
  const all = [usage.self, ...usage.loadProcesses];
  return {
    cpuUs: all.reduce((sum, p) => sum + p.cpuUs, 0),
    systemUs: all.reduce((sum, p) => sum + p.systemUs, 0),
    rssBytes: all.reduce((sum, p) => sum + p.rssBytes, 0),
    processes: all.length,
  };
}

/** Kernel clock ticks per second, the unit of utime/stime in /proc/PID/stat (USER_HZ; 100 on Linux x86). */
const TICKS_PER_SEC = readTicksPerSec();

function readTicksPerSec(): number {
  const parsed = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new Error(`getconf CLK_TCK gave ${JSON.stringify(parsed)}`);
  return parsed;
}

/** Which of this process's children it is, from its command line. */
type ChildRole = 'load-process' | 'server' | 'other';

function roleOf(commandLine: string[]): ChildRole {
  if (commandLine.some((arg) => arg.endsWith('load-process.js'))) return 'load-process';
  // The built-in server child is `node bin/sio-bench.js serve --host=... --port=0 ...` (loadgen/target/builtin-server.ts).
  if (commandLine.some((arg) => arg.endsWith('sio-bench.js')) && commandLine.includes('serve')) return 'server';
  return 'other';
}

/** Reads /proc/PID/<file>, or undefined when the process has already exited. */
function readProcFile(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch (error) {
    // A child that exits between the directory listing and the read is simply no longer part of the run.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ESRCH') return undefined;
    throw error;
  }
}

interface ProcStat {
  ppid: number;
  /** User and system CPU time since the process started, µs. */
  userUs: number;
  systemUs: number;
  cpuUs: number;
}

/** Parses /proc/PID/stat: the fields after the command name, which is in parentheses and may hold spaces. */
function parseStat(text: string): ProcStat {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state(0) ppid(1) ... utime(11) stime(12), in ticks.
  const userUs = Math.round((Number(fields[11]) * 1_000_000) / TICKS_PER_SEC);
  const systemUs = Math.round((Number(fields[12]) * 1_000_000) / TICKS_PER_SEC);
  return { ppid: Number(fields[1]), userUs, systemUs, cpuUs: userUs + systemUs };
}

/** A process's user and system CPU time so far, µs (kernel clock ticks: 10 ms resolution). Throws if it is gone. */
export function readProcessCpuSplit(pid: number): { userUs: number; systemUs: number } {
  const { userUs, systemUs } = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return { userUs, systemUs };
}

function parseRssBytes(status: string): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Reads this process and its load-process and server children now. */
export function readRunProcesses(): RunProcessesUsage {
  const cpu = process.cpuUsage();
  const self: ProcessUsage = { pid: process.pid, cpuUs: cpu.user + cpu.system, systemUs: cpu.system, rssBytes: process.memoryUsage.rss() };
  const loadProcesses: ProcessUsage[] = [];
  let server: (ProcessUsage & { processes: number }) | undefined;
  const others: Array<{ pid: number; ppid: number; cpuUs: number; systemUs: number }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const statText = readProcFile(pid, 'stat');
    if (statText === undefined) continue;
    const stat = parseStat(statText);
    const usage = (): ProcessUsage => ({ pid, cpuUs: stat.cpuUs, systemUs: stat.systemUs, rssBytes: parseRssBytes(readProcFile(pid, 'status') ?? '') });
    if (stat.ppid !== process.pid) {
      others.push({ pid, ppid: stat.ppid, cpuUs: stat.cpuUs, systemUs: stat.systemUs });
      continue;
    }
    const commandLine = readProcFile(pid, 'cmdline')?.split('\0') ?? [];
    const role = roleOf(commandLine);
    if (role === 'other') continue;
    if (role === 'server') server = { ...usage(), processes: 1 };
    else loadProcesses.push(usage());
  }
  if (server !== undefined) {
    // A cluster's workers are the server child's children; a worker that exits between reads simply drops out.
    for (const child of others) {
      if (child.ppid !== server.pid) continue;
      server.cpuUs += child.cpuUs;
      server.systemUs += child.systemUs;
      server.rssBytes += parseRssBytes(readProcFile(child.pid, 'status') ?? '');
      server.processes += 1;
    }
  }
  return { self, loadProcesses, server };
}

/** The 1-minute load average (what else ran on the machine), rounded to 2 decimals. */
export function loadAverage1m(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}
