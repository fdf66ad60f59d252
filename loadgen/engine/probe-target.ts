/**
 * Checks, before a run against a URL, that something Socket.IO-like answers there, so an unreachable or wrong
 * target fails within seconds with a clear message instead of thousands of connect errors.
 */
import { runFailed } from '../user-error.js';

/** How long the probe waits for an answer, ms. */
export const PROBE_TIMEOUT_MS = 5000;

/**
 * GETs the Engine.IO polling handshake. An Engine.IO open packet (`0{...}`) or an Engine.IO error body
 * (`{"code":...,"message":...}`, e.g. a websocket-only server refusing polling) passes; anything else is an error.
 */
export async function probeTarget(url: string, path: string): Promise<void> {
  const probeUrl = new URL(path, url);
  probeUrl.searchParams.set('EIO', '4');
  probeUrl.searchParams.set('transport', 'polling');
  let response: Response;
  try {
    response = await fetch(probeUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw runFailed(`target ${url} is unreachable (${cause})`);
  }
  const body = await response.text();
  if (body.startsWith('0{')) return;
  if (/^\{"code":\d+,"message":/.test(body)) return;
  throw runFailed(
    `target ${url} answered ${probeUrl.pathname} with HTTP ${response.status} and a body that is not Engine.IO (${JSON.stringify(body.slice(0, 80))}); is it a Socket.IO server, and is the path right (scenario path: ${path})?`,
  );
}
