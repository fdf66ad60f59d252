/** Starts a server in a child process and waits (at most 15 s) for its `listening http://…` line on stdout. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface ChildServer {
  child: ChildProcess;
  /** The base URL the server printed. */
  url: string;
  /** Kills the child and waits for it to exit. */
  stop(): Promise<void>;
}

export async function startChildServer(command: string, args: readonly string[], what: string): Promise<ChildServer> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let timer: NodeJS.Timeout | undefined;
  try {
    const [line] = (await Promise.race([
      once(child.stdout!, 'data'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`${what} exited (code ${String(code)}) before listening`))),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not start within 15 s`)), 15_000);
      }),
    ])) as [Buffer];
    const match = /listening (http:\/\/\S+)/.exec(line.toString());
    if (match === null) throw new Error(`${what}: unexpected first line ${JSON.stringify(line.toString())}`);
    return {
      child,
      url: match[1]!,
      async stop(): Promise<void> {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
