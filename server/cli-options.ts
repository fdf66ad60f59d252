/**
 * The flags of `sio-bench serve` turned into reference-server options: every flag arrives as the string the user
 * typed and is parsed here, so that each problem names the flag it came from (`--port must be an integer from
 * 0 to 65535 (got "abc")`). Every problem is reported at once. No I/O and no process exit here.
 */
import type { ReferenceServerOptionsInput } from './server-options.js';
import type { AppName, CompressionOptions, FaultOptions, ParserKind, ReferenceServerOptions, TransportMode } from './types.js';

/** The raw values of serve's flags as commander hands them over (strings, or booleans for switches). */
export interface ServeFlags {
  host?: string;
  port?: string;
  path?: string;
  app?: string;
  transports?: string;
  parser?: string;
  compression?: string;
  perMessageDeflate?: boolean;
  httpCompression?: boolean;
  compressionThresholdBytes?: string;
  cors?: string;
  corsCredentials?: boolean;
  corsMethods?: string;
  pingIntervalMs?: string;
  pingTimeoutMs?: string;
  connectTimeoutMs?: string;
  maxHttpBufferSizeBytes?: string;
  listenBacklog?: string;
  faultReplyDelayFraction?: string;
  faultReplyDelayMs?: string;
  faultStallEveryMs?: string;
  faultStallForMs?: string;
  faultDropFraction?: string;
  faultDisconnectFraction?: string;
  faultDisconnectAtMs?: string;
  faultDisconnectEveryMs?: string;
  faultClientDrainMs?: string;
  faultSeed?: string;
}

/**
 * The result of parsing: the options to pass to createReferenceServer (or, with `engineEcho`, to
 * startEngineEchoServer: `--app engine-echo`), or every problem found.
 */
export type ParsedServeFlags = { ok: true; input: ReferenceServerOptionsInput; engineEcho: boolean } | { ok: false; problems: string[] };

/** What `--app` takes: the reference server's apps, and the raw Engine.IO echo server (server/engine-echo-server.ts). */
export const SERVE_APP_CHOICES = ['bench', 'seed-chat', 'none', 'engine-echo'] as const;

/** Flags that mean nothing to the Engine.IO echo server, which has no Socket.IO layer, apps, faults or scale-out. */
const NOT_FOR_ENGINE_ECHO: ReadonlyArray<[keyof ServeFlags, string]> = [
  ['parser', '--parser'],
  ['connectTimeoutMs', '--connect-timeout-ms'],
  ['faultReplyDelayFraction', '--fault-reply-delay-fraction'],
  ['faultReplyDelayMs', '--fault-reply-delay-ms'],
  ['faultStallEveryMs', '--fault-stall-every-ms'],
  ['faultStallForMs', '--fault-stall-for-ms'],
  ['faultDropFraction', '--fault-drop-fraction'],
  ['faultDisconnectFraction', '--fault-disconnect-fraction'],
  ['faultDisconnectAtMs', '--fault-disconnect-at-ms'],
  ['faultDisconnectEveryMs', '--fault-disconnect-every-ms'],
  ['faultClientDrainMs', '--fault-client-drain-ms'],
  ['faultSeed', '--fault-seed'],
];

/** `sio-bench serve`'s own defaults where they differ from the API's: port 3000 and the bench app. */
export const SERVE_DEFAULT_PORT = 3000;
export const SERVE_DEFAULT_APP: AppName = 'bench';

/** The values `--compression` takes: which compressions to turn on. */
export const COMPRESSION_CHOICES = ['none', 'http', 'per-message-deflate', 'all'] as const;
type CompressionChoice = (typeof COMPRESSION_CHOICES)[number];

/** Which flag sets each option path, to translate the server's validation messages (`options.x`) into flag names. */
export const FLAG_OF_OPTION: Readonly<Record<string, string>> = {
  host: '--host',
  port: '--port',
  path: '--path',
  app: '--app',
  transports: '--transports',
  parser: '--parser',
  'compression.perMessageDeflate': '--per-message-deflate',
  'compression.httpCompression': '--http-compression',
  'compression.thresholdBytes': '--compression-threshold-bytes',
  'cors.origin': '--cors',
  'cors.credentials': '--cors-credentials',
  'cors.methods': '--cors-methods',
  pingIntervalMs: '--ping-interval-ms',
  pingTimeoutMs: '--ping-timeout-ms',
  connectTimeoutMs: '--connect-timeout-ms',
  maxHttpBufferSizeBytes: '--max-http-buffer-size-bytes',
  listenBacklog: '--listen-backlog',
  'faults.replyDelayFraction': '--fault-reply-delay-fraction',
  'faults.replyDelayMs': '--fault-reply-delay-ms',
  'faults.stallEveryMs': '--fault-stall-every-ms',
  'faults.stallForMs': '--fault-stall-for-ms',
  'faults.dropBroadcastFraction': '--fault-drop-fraction',
  'faults.disconnectFraction': '--fault-disconnect-fraction',
  'faults.disconnectAtMs': '--fault-disconnect-at-ms',
  'faults.disconnectEveryMs': '--fault-disconnect-every-ms',
  'faults.clientDrainMs': '--fault-client-drain-ms',
  'faults.seed': '--fault-seed',
};

/** Rewrites `options.<path> ...` in a server validation message as `<flag> ...` where a flag sets that path. */
export function messageWithFlagName(message: string): string {
  return message.replace(/options\.([A-Za-z.]+)/g, (whole, path: string) => {
    // The longest known prefix: 'faults.replyDelayMs.minMs' is set by the flag of 'faults.replyDelayMs'.
    for (let candidate = path; candidate.length > 0; candidate = candidate.slice(0, Math.max(0, candidate.lastIndexOf('.')))) {
      const flag = FLAG_OF_OPTION[candidate];
      if (flag !== undefined) return flag;
    }
    return whole;
  });
}

/** Parses serve's flags; absent flags keep the server's defaults (with serve's port and app). */
export function parseServeFlags(flags: ServeFlags): ParsedServeFlags {
  const problems: string[] = [];
  const fail = (flag: string, rule: string, value: string): undefined => {
    problems.push(`${flag} must be ${rule} (got ${JSON.stringify(value)})`);
    return undefined;
  };
  const integer = (flag: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      return fail(flag, max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`, value);
    }
    return parsed;
  };
  const fraction = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = value.trim() === '' ? Number.NaN : Number(value);
    return parsed >= 0 && parsed <= 1 ? parsed : fail(flag, 'a number from 0 to 1', value);
  };
  const choice = <T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    const found = choices.find((c) => c === value);
    return found ?? fail(flag, `one of ${choices.join(', ')}`, value);
  };
  const list = (value: string): string[] =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);

  // Problems are listed in the order of the flags: --port, then --app.
  const port = integer('--port', flags.port, 0, 65_535) ?? SERVE_DEFAULT_PORT;
  const app = choice('--app', flags.app, SERVE_APP_CHOICES);
  const engineEcho = app === 'engine-echo';
  if (engineEcho) {
    for (const [key, flag] of NOT_FOR_ENGINE_ECHO) {
      if (flags[key] !== undefined) problems.push(`${flag} has no meaning with --app engine-echo (a raw Engine.IO server)`);
    }
  }
  const input: ReferenceServerOptionsInput = { port, app: app === 'engine-echo' ? 'none' : (app ?? SERVE_DEFAULT_APP) };
  if (flags.host !== undefined) input.host = flags.host.length > 0 ? flags.host : fail('--host', 'a host name or address', flags.host);
  if (flags.path !== undefined) input.path = flags.path.startsWith('/') ? flags.path : fail('--path', "a path starting with '/'", flags.path);
  input.transports = choice<TransportMode>('--transports', flags.transports, ['polling-upgrade', 'polling', 'websocket']);
  input.parser = choice<ParserKind>('--parser', flags.parser, ['default', 'msgpack']);

  const preset = compressionPreset(choice<CompressionChoice>('--compression', flags.compression, COMPRESSION_CHOICES));
  const compression: Partial<CompressionOptions> = {
    perMessageDeflate: flags.perMessageDeflate ?? preset?.perMessageDeflate,
    httpCompression: flags.httpCompression ?? preset?.httpCompression,
    thresholdBytes: integer('--compression-threshold-bytes', flags.compressionThresholdBytes, 0),
  };
  input.compression = compression;

  if (flags.cors !== undefined) {
    const origins = list(flags.cors);
    const origin = flags.cors.trim() === '*' ? '*' : origins.length > 0 ? origins : fail('--cors', "'*' or a comma-separated list of origins", flags.cors);
    input.cors = {
      origin,
      credentials: flags.corsCredentials,
      methods: flags.corsMethods === undefined ? undefined : list(flags.corsMethods.toUpperCase()),
    };
  } else if (flags.corsCredentials === true || flags.corsMethods !== undefined) {
    problems.push('--cors-credentials and --cors-methods need --cors ORIGINS');
  }

  input.pingIntervalMs = integer('--ping-interval-ms', flags.pingIntervalMs, 1);
  input.pingTimeoutMs = integer('--ping-timeout-ms', flags.pingTimeoutMs, 1);
  input.connectTimeoutMs = integer('--connect-timeout-ms', flags.connectTimeoutMs, 1);
  input.maxHttpBufferSizeBytes = integer('--max-http-buffer-size-bytes', flags.maxHttpBufferSizeBytes, 1);
  input.listenBacklog = integer('--listen-backlog', flags.listenBacklog, 1);

  const faults: Partial<FaultOptions> = {
    replyDelayFraction: fraction('--fault-reply-delay-fraction', flags.faultReplyDelayFraction),
    replyDelayMs: delayMs(flags.faultReplyDelayMs, fail),
    stallEveryMs: integer('--fault-stall-every-ms', flags.faultStallEveryMs, 0),
    stallForMs: integer('--fault-stall-for-ms', flags.faultStallForMs, 0),
    dropBroadcastFraction: fraction('--fault-drop-fraction', flags.faultDropFraction),
    disconnectFraction: fraction('--fault-disconnect-fraction', flags.faultDisconnectFraction),
    disconnectAtMs: integer('--fault-disconnect-at-ms', flags.faultDisconnectAtMs, 0),
    disconnectEveryMs: integer('--fault-disconnect-every-ms', flags.faultDisconnectEveryMs, 0),
    clientDrainMs: integer('--fault-client-drain-ms', flags.faultClientDrainMs, 0),
    seed: integer('--fault-seed', flags.faultSeed, 0, 0xffff_ffff),
  };
  input.faults = faults;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input, engineEcho };
}

function compressionPreset(choice: CompressionChoice | undefined): Pick<CompressionOptions, 'perMessageDeflate' | 'httpCompression'> | undefined {
  switch (choice) {
    case undefined:
      return undefined;
    case 'none':
      return { perMessageDeflate: false, httpCompression: false };
    case 'http':
      return { perMessageDeflate: false, httpCompression: true };
    case 'per-message-deflate':
      return { perMessageDeflate: true, httpCompression: false };
    case 'all':
      return { perMessageDeflate: true, httpCompression: true };
    default:
      throw new RangeError(`unknown compression ${JSON.stringify(choice satisfies never)}`);
  }
}

/** `--fault-reply-delay-ms`: `MS` for a fixed delay or `MIN-MAX` for a uniform draw, in milliseconds. */
function delayMs(value: string | undefined, fail: (flag: string, rule: string, value: string) => undefined): FaultOptions['replyDelayMs'] | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(value);
  const min = match?.[1];
  if (min === undefined) return fail('--fault-reply-delay-ms', 'MS or MIN-MAX (non-negative milliseconds)', value);
  const max = match?.[2];
  if (max === undefined) return Number(min);
  if (Number(max) < Number(min)) return fail('--fault-reply-delay-ms', 'MIN-MAX with MAX >= MIN', value);
  return { minMs: Number(min), maxMs: Number(max) };
}

/** One line describing the effective configuration, as `serve` prints it after its address. */
export function describeServeConfig(options: ReferenceServerOptions): string {
  const onOff = (on: boolean): string => (on ? 'on' : 'off');
  const { compression, cors, faults } = options;
  const corsText = cors === undefined ? 'off' : `${cors.origin === '*' ? '*' : cors.origin.join(',')}${cors.credentials ? '+credentials' : ''}`;
  const faultParts: string[] = [];
  if (faults.replyDelayFraction > 0) {
    const delay = typeof faults.replyDelayMs === 'number' ? `${faults.replyDelayMs}ms` : `${faults.replyDelayMs.minMs}-${faults.replyDelayMs.maxMs}ms`;
    faultParts.push(`delay ${faults.replyDelayFraction}@${delay}`);
  }
  if (faults.dropBroadcastFraction > 0) {
    const drain = (faults.clientDrainMs ?? 0) > 0 ? ` clientDrain ${faults.clientDrainMs}ms` : '';
    faultParts.push(`drop ${faults.dropBroadcastFraction}${drain}`);
  }
  if (faults.stallEveryMs > 0 && faults.stallForMs > 0) faultParts.push(`stall ${faults.stallForMs}ms/${faults.stallEveryMs}ms`);
  const disconnectFraction = faults.disconnectFraction ?? 0;
  if (disconnectFraction > 0) {
    const every = (faults.disconnectEveryMs ?? 0) > 0 ? ` every ${faults.disconnectEveryMs}ms` : '';
    faultParts.push(`disconnect ${disconnectFraction}@${faults.disconnectAtMs ?? 0}ms${every}`);
  }
  const faultText = faultParts.length === 0 ? 'off' : `${faultParts.join(',')} seed=${faults.seed}`;
  return [
    `app=${options.app}`,
    `transports=${options.transports}`,
    `parser=${options.parser}`,
    `path=${options.path}`,
    `perMessageDeflate=${onOff(compression.perMessageDeflate)}`,
    `httpCompression=${onOff(compression.httpCompression)}`,
    `compressionThresholdBytes=${compression.thresholdBytes}`,
    `cors=${corsText}`,
    `pingIntervalMs=${options.pingIntervalMs}`,
    `pingTimeoutMs=${options.pingTimeoutMs}`,
    `connectTimeoutMs=${options.connectTimeoutMs}`,
    `maxHttpBufferSizeBytes=${options.maxHttpBufferSizeBytes}`,
    `listenBacklog=${options.listenBacklog}`,
    `faults=${faultText}`,
  ].join(' ');
}
