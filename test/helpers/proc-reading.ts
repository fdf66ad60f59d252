/** A process's RSS and CPU time as Linux's /proc says them: the independent reading server figures are checked against. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SEC = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

export interface ProcReading {
  rssBytes: number;
  /** User plus system CPU time, seconds. */
  cpuSeconds: number;
}

export function readProc(pid: number): ProcReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(rssKb) || !Number.isFinite(ticks)) throw new Error(`unreadable /proc/${pid}`);
  return { rssBytes: rssKb * 1024, cpuSeconds: ticks / CLOCK_TICKS_PER_SEC };
}
