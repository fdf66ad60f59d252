import { readFileSync } from 'node:fs';

/** The version of sio-bench from its package.json (read once; the file sits two levels above dist/bin/). */
export function toolVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string') {
    return parsed.version;
  }
  throw new Error(`package.json at ${url.pathname} has no version`);
}
