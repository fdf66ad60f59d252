/**
 * Random bytes for websocket masking keys and handshake nonces, drawn from one pool per thread refilled in
 * blocks: one syscall per 1,024 frames instead of one per frame.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;

let pool = Buffer.allocUnsafe(POOL_BYTES);
let offset = pool.length;

/** Where `bytes` fresh random bytes start in `pool`, refilling it first when it has too few left. */
function take(bytes: number): number {
  if (offset + bytes > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const at = offset;
  offset += bytes;
  return at;
}

/** Writes `bytes` fresh random bytes into `target` at `targetAt`. */
export function copyRandom(target: Buffer, targetAt: number, bytes: number): void {
  const at = take(bytes);
  pool.copy(target, targetAt, at, at + bytes);
}

/** `bytes` fresh random bytes, base64-encoded. */
export function randomBase64(bytes: number): string {
  const at = take(bytes);
  return pool.toString('base64', at, at + bytes);
}
