/**
 * A hand-driven Engine.IO / Socket.IO peer for the conformance tests: raw websocket frames and raw polling
 * requests, with no client library deciding anything. Every websocket message is queued as it arrives, so a test
 * reads the conversation in order without racing the socket's events.
 */
import WebSocket from 'ws';
import { eventTimeoutMs, withTimeout } from '../support/socket-test-kit.js';

/** A frame as the test sees it: text, or the bytes of a binary frame. */
export type Frame = string | Buffer;

/** A raw websocket whose received frames are read with `next()`; `closed` resolves with the close code. */
export class RawWebSocket {
  private readonly frames: Frame[] = [];
  private readonly waiting: Array<(frame: Frame) => void> = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;
  private readonly socket: WebSocket;
  private pongs = false;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('message', (data: Buffer, isBinary: boolean) => {
      const frame: Frame = isBinary ? Buffer.from(data) : data.toString();
      if (this.pongs && frame === '2') {
        this.socket.send('3');
        return;
      }
      const waiter = this.waiting.shift();
      if (waiter !== undefined) waiter(frame);
      else this.frames.push(frame);
    });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    // Many sockets are expected to be refused, and nobody awaits their `opened`.
    this.opened.catch(() => undefined);
    // A refused upgrade is an 'error' event followed by 'close'; the close is what the tests look at.
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', (code: number) => resolve(code)));
  }

  /** The next frame (`skipPings`: Engine.IO pings, "2", are dropped); rejects after the event timeout. */
  async next(what = 'a frame', skipPings = false): Promise<Frame> {
    for (;;) {
      const queued = this.frames.shift();
      const frame = queued ?? (await withTimeout(new Promise<Frame>((resolve) => this.waiting.push(resolve)), what));
      if (!(skipPings && frame === '2')) return frame;
    }
  }

  /** The next `count` frames that are not pings. */
  async nextPackets(count: number, what = 'packets'): Promise<Frame[]> {
    const frames: Frame[] = [];
    while (frames.length < count) frames.push(await this.next(what, true));
    return frames;
  }

  /** From now on, answer every Engine.IO ping with a pong (and do not queue the pings). */
  answerPings(): void {
    this.pongs = true;
  }

  send(frame: string | Uint8Array): void {
    this.socket.send(frame);
  }

  /** Resolves with the close code, or rejects if the server keeps the socket open past the timeout. */
  waitClosed(timeoutMs = eventTimeoutMs): Promise<number> {
    return withTimeout(this.closed, 'the server to close the websocket', timeoutMs);
  }

  close(): void {
    this.socket.terminate();
  }
}

/** Raw HTTP long-polling requests to one server path (`/engine.io/` or `/socket.io/`). */
export class RawPolling {
  constructor(
    private readonly baseUrl: string,
    private readonly path: string,
  ) {}

  url(query: string): string {
    return `${this.baseUrl}${this.path}?${query}`;
  }

  /** GET or POST with the query; resolves with status and body text. */
  async request(query: string, init: { method?: string; body?: string } = {}): Promise<{ status: number; body: string }> {
    const response = await fetch(this.url(query), { method: init.method ?? 'GET', ...(init.body === undefined ? {} : { body: init.body }) });
    return { status: response.status, body: await response.text() };
  }

  /** Opens a session (EIO=4 polling handshake) and returns its sid and the handshake's fields. */
  async open(): Promise<{ sid: string; handshake: Record<string, unknown> }> {
    const { status, body } = await this.request('EIO=4&transport=polling');
    if (status !== 200 || !body.startsWith('0')) throw new Error(`handshake failed: ${status} ${body}`);
    const handshake = JSON.parse(body.slice(1)) as Record<string, unknown>;
    return { sid: String(handshake.sid), handshake };
  }

  poll(sid: string, extra = ''): Promise<{ status: number; body: string }> {
    return this.request(`EIO=4&transport=polling&sid=${sid}${extra}`);
  }

  push(sid: string, body: string): Promise<{ status: number; body: string }> {
    return this.request(`EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body });
  }
}

/** The websocket URL of `path` on the server at `httpUrl`, with `query`. */
export function wsUrl(httpUrl: string, path: string, query: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${path}?${query}`;
}

export function sleepMs(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
