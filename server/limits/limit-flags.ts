/**
 * The limit flags of `sio-bench serve` (`--max-rooms-per-client`, `--max-connections-per-sec-per-ip`,
 * `--connection-burst-per-ip`, `--auth-token`) turned into reference-server options; every problem names its
 * flag. No I/O here.
 */
import type { ReferenceServerOptionsInput } from '../server-options.js';

/** The raw values of the limit flags as commander hands them over. */
export interface LimitFlags {
  maxRoomsPerClient?: string;
  maxConnectionsPerSecPerIp?: string;
  connectionBurstPerIp?: string;
  authToken?: string;
}

/** Which flag sets each limit option, to name flags in the server's validation messages. */
export const FLAG_OF_LIMIT_OPTION: Readonly<Record<string, string>> = {
  maxRoomsPerClient: '--max-rooms-per-client',
  connectionsPerSecPerIp: '--max-connections-per-sec-per-ip',
  connectionBurstPerIp: '--connection-burst-per-ip',
  authToken: '--auth-token',
};

/** Parses the limit flags; absent flags keep the server's defaults. */
export function parseLimitFlags(flags: LimitFlags): { ok: true; input: ReferenceServerOptionsInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const input: ReferenceServerOptionsInput = {};
  if (flags.maxRoomsPerClient !== undefined) {
    const value = Number(flags.maxRoomsPerClient);
    if (/^\d+$/.test(flags.maxRoomsPerClient.trim()) && Number.isSafeInteger(value) && value >= 1) input.maxRoomsPerClient = value;
    else problems.push(`--max-rooms-per-client must be an integer >= 1 (got ${JSON.stringify(flags.maxRoomsPerClient)})`);
  }
  if (flags.maxConnectionsPerSecPerIp !== undefined) {
    const text = flags.maxConnectionsPerSecPerIp.trim();
    const value = text === '' ? Number.NaN : Number(text);
    if (Number.isFinite(value) && value >= 0) input.connectionsPerSecPerIp = value;
    else problems.push(`--max-connections-per-sec-per-ip must be a number >= 0, 0 = no limit (got ${JSON.stringify(flags.maxConnectionsPerSecPerIp)})`);
  }
  if (flags.connectionBurstPerIp !== undefined) {
    const value = Number(flags.connectionBurstPerIp);
    if (/^\d+$/.test(flags.connectionBurstPerIp.trim()) && Number.isSafeInteger(value) && value >= 1) input.connectionBurstPerIp = value;
    else problems.push(`--connection-burst-per-ip must be an integer >= 1 (got ${JSON.stringify(flags.connectionBurstPerIp)})`);
  }
  if (flags.authToken !== undefined) {
    if (flags.authToken.length > 0) input.authToken = flags.authToken;
    else problems.push('--auth-token must not be empty');
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input };
}
