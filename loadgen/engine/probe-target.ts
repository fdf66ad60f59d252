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
 * The session the handshake opened is closed before this resolves: left open, it would count as one more client
 * on the server until its ping timeout, well into the run.
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
  if (body.startsWith('0{')) return closeSession(probeUrl, body.slice(1));
  if (/^\{"code":\d+,"message":/.test(body)) return;
  throw runFailed(
    `target ${url} answered ${probeUrl.pathname} with HTTP ${response.status} and a body that is not Engine.IO (${JSON.stringify(body.slice(0, 80))}); is it a Socket.IO server, and is the path right (scenario path: ${path})?`,
  );
}

/** Closes the polling session of the open packet `openJson` by POSTing an Engine.IO close packet (`1`) to it. */
async function closeSession(probeUrl: URL, openJson: string): Promise<void> {
  const sid = sessionId(openJson);
  if (sid === undefined) throw runFailed(`target ${probeUrl.origin} answered the Engine.IO handshake with an open packet without a sid (${JSON.stringify(openJson.slice(0, 80))})`);
  const sessionUrl = new URL(probeUrl);
  sessionUrl.searchParams.set('sid', sid);
  try {
    const closed = await fetch(sessionUrl, { method: 'POST', body: '1', headers: { 'content-type': 'text/plain;charset=UTF-8' }, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await closed.arrayBuffer();
  } catch (error) {
    throw runFailed(`target ${probeUrl.origin} did not take the close of the probe's session (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The `sid` of an Engine.IO open packet's JSON, if it has one. */
function sessionId(openJson: string): string | undefined {
  try {
    const open: unknown = JSON.parse(openJson);
    const sid = typeof open === 'object' && open !== null ? (open as Record<string, unknown>)['sid'] : undefined;
    return typeof sid === 'string' && sid !== '' ? sid : undefined;
  } catch {
    // Not JSON after all: the caller reports the open packet as malformed.
    return undefined;
  }
}
