/**
 * The reference server's protective limits: their defaults and their validation. The options themselves live
 * flat in ReferenceServerOptions (types.ts): `maxRoomsPerClient`, `connectionsPerSecPerIp`,
 * `connectionBurstPerIp`, `authToken`.
 */
import type { ReferenceServerOptions } from '../types.js';

/** Most rooms one client may join with `join` requests (its own rooms not counted). Default 1000. */
export const DEFAULT_MAX_ROOMS_PER_CLIENT = 1_000;

/**
 * New connections (Engine.IO handshakes) accepted per second from one IP address; 0 = no limit. Default 0: a
 * benchmark server is hammered on purpose by a load generator on a handful of addresses, so the limit is opt-in.
 */
export const DEFAULT_CONNECTIONS_PER_SEC_PER_IP = 0;

/** Handshakes one IP address may make at once before the per-second rate applies (the bucket's size). Default 100. */
export const DEFAULT_CONNECTION_BURST_PER_IP = 100;

/** The limit options of ReferenceServerOptions. */
export type LimitOptions = Pick<ReferenceServerOptions, 'maxRoomsPerClient' | 'connectionsPerSecPerIp' | 'connectionBurstPerIp' | 'authToken'>;

/** The limits' defaults, to spread into the server's defaults. */
export const defaultLimitOptions: LimitOptions = {
  maxRoomsPerClient: DEFAULT_MAX_ROOMS_PER_CLIENT,
  connectionsPerSecPerIp: DEFAULT_CONNECTIONS_PER_SEC_PER_IP,
  connectionBurstPerIp: DEFAULT_CONNECTION_BURST_PER_IP,
  authToken: undefined,
};

/** Every problem of the limit options, each as `options.<name> <rule> (got ...)`. Empty when valid. */
export function validateLimitOptions(options: LimitOptions): string[] {
  const issues: string[] = [];
  const got = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));
  if (!isIntegerAtLeast(options.maxRoomsPerClient, 1)) {
    issues.push(`options.maxRoomsPerClient must be a positive integer (got ${got(options.maxRoomsPerClient)})`);
  }
  const rate = options.connectionsPerSecPerIp;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    issues.push(`options.connectionsPerSecPerIp must be a non-negative number, 0 = no limit (got ${got(rate)})`);
  }
  if (!isIntegerAtLeast(options.connectionBurstPerIp, 1)) {
    issues.push(`options.connectionBurstPerIp must be a positive integer (got ${got(options.connectionBurstPerIp)})`);
  }
  const token = options.authToken;
  if (token !== undefined && (typeof token !== 'string' || token.length === 0)) {
    issues.push(`options.authToken must be a non-empty string or absent (got ${got(token)})`);
  }
  return issues;
}

function isIntegerAtLeast(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}
