/**
 * The lean client's HTTP long-polling transport (Engine.IO v4): one GET always waiting for the server's packets,
 * at most one POST carrying the client's buffered packets, payloads joined by \x1e with binary as `b` + base64.
 * pause() stops starting requests and reports once none is in flight, which is what an upgrade to websocket
 * waits for. Polling is the fidelity path, not the scale path, so requests use ordinary closures.
 */
import http from 'node:http';
import { ProtocolError, decodePollingPayload, encodePollingPayload, type EnginePacket } from './engineio-codec.js';
import type { Endpoint, LeanTransport, TransportCloseReason, TransportSink } from './lean-transport.js';

/** Keep-alive sockets shared by every polling client of this thread (the pool is keyed by address and port). */
const pollingAgent = new http.Agent({ keepAlive: true });

const OPEN = 0;
const PAUSING = 1;
const PAUSED = 2;
const CLOSED = 3;

export class PollingTransport implements LeanTransport {
  readonly kind = 'polling';
  /** The Engine.IO session id: set by the client from the open packet; requests before it are the handshake. */
  sid: string | undefined;
  private state = OPEN;
  private getRequest: http.ClientRequest | undefined;
  private postInFlight = false;
  private closePacketPending = false;
  private writeBuffer: EnginePacket[] = [];
  private readonly headers: Record<string, string>;

  constructor(private readonly sink: TransportSink, private readonly endpoint: Endpoint) {
    this.headers = Object.fromEntries(endpoint.headers);
    this.poll();
  }

  sendPacket(packet: EnginePacket): void {
    if (this.state === CLOSED) return;
    this.writeBuffer.push(packet);
    if (this.state === OPEN && !this.postInFlight && this.sid !== undefined) this.flush();
  }

  /** Stops starting requests; calls sink.onTransportPaused once the GET and POST in flight have finished. */
  pause(): void {
    if (this.state !== OPEN) return;
    this.state = PAUSING;
    this.checkPaused();
  }

  /** Packets buffered while paused, handed over to the transport that replaces this one. */
  takeBuffered(): EnginePacket[] {
    const packets = this.writeBuffer;
    this.writeBuffer = [];
    return packets;
  }

  /** Back to polling after a failed upgrade. */
  resume(): void {
    if (this.state !== PAUSING && this.state !== PAUSED) return;
    this.state = OPEN;
    if (this.getRequest === undefined) this.poll();
    if (!this.postInFlight && this.writeBuffer.length > 0) this.flush();
  }

  /** Drops a paused transport after an upgrade: no close packet, the session lives on over websocket. */
  discard(): void {
    this.state = CLOSED;
    this.writeBuffer = [];
  }

  close(): void {
    if (this.state === CLOSED) return;
    this.state = CLOSED;
    if (this.sid === undefined) {
      this.getRequest?.destroy();
      this.getRequest = undefined;
      return;
    }
    // The GET in flight is left to the server, which answers it when it processes the close packet: aborting it
    // first would make the server see 'transport error' instead of the client's disconnect.
    this.closePacketPending = true;
    if (!this.postInFlight) this.flushAfterClose();
  }

  /** After close(): sends what was buffered, then the close packet in a POST of its own (socket.io handles a
   * DISCONNECT one tick after its payload, so a close packet in the same payload would overtake it). */
  private flushAfterClose(): void {
    if (this.writeBuffer.length > 0) return this.flush();
    if (this.closePacketPending) {
      this.closePacketPending = false;
      this.writeBuffer.push('1');
      return this.flush();
    }
    // The close packet has been delivered: the server has answered or will drop the GET; stop waiting.
    this.getRequest?.destroy();
    this.getRequest = undefined;
  }

  private url(): string {
    let path = this.endpoint.pathAndQuery + '&transport=polling';
    if (this.sid !== undefined) path += '&sid=' + encodeURIComponent(this.sid);
    return path;
  }

  private request(method: 'GET' | 'POST'): http.ClientRequest {
    const { host, port, localAddress, localPorts } = this.endpoint;
    const headers = method === 'POST' ? { ...this.headers, 'Content-Type': 'text/plain;charset=UTF-8' } : this.headers;
    return http.request({ host, port, localAddress, method, path: this.url(), headers, agent: localPorts?.agent ?? pollingAgent });
  }

  private poll(): void {
    const request = this.request('GET');
    this.getRequest = request;
    request.on('error', (error) => {
      if (this.getRequest === request) this.fail('transport error', `poll request failed: ${error.message}`);
    });
    request.on('response', (response) => {
      readBody(response, (status, body) => {
        if (this.getRequest !== request) return; // aborted by close()
        this.getRequest = undefined;
        this.sink.wireBytes.receivedBytes += body.length;
        if (status !== 200) return this.fail('transport error', `poll: HTTP ${status} ${body.toString('utf8', 0, 300)}`);
        this.onPayload(body.toString('utf8'));
      });
    });
    request.end();
  }

  private onPayload(body: string): void {
    let packets: EnginePacket[];
    try {
      packets = decodePollingPayload(body);
    } catch (error) {
      if (error instanceof ProtocolError) return this.fail('parse error', error.message);
      throw error;
    }
    for (const packet of packets) {
      if (this.state === CLOSED) return;
      this.sink.onTransportPacket(this, packet);
    }
    if (this.state === OPEN) this.poll();
    else if (this.state === PAUSING) this.checkPaused();
  }

  private flush(): void {
    const body = encodePollingPayload(this.writeBuffer);
    this.writeBuffer = [];
    this.postInFlight = true;
    const bodyBytes = Buffer.byteLength(body);
    this.sink.wireBytes.sentBytes += bodyBytes;
    const request = this.request('POST');
    request.on('error', (error) => {
      this.postInFlight = false;
      // After close() the final POST (close packet) may fail when the server ends first: nothing left to tell.
      if (this.state !== CLOSED) this.fail('transport error', `send request failed: ${error.message}`);
    });
    request.on('response', (response) => {
      readBody(response, (status, answer) => {
        this.postInFlight = false;
        this.sink.wireBytes.receivedBytes += answer.length;
        if (this.state === CLOSED) return this.flushAfterClose();
        if (status !== 200) return this.fail('transport error', `send: HTTP ${status} ${answer.toString('utf8', 0, 300)}`);
        if (this.state === PAUSING) this.checkPaused();
        else if (this.state === OPEN && this.writeBuffer.length > 0) this.flush();
      });
    });
    request.end(body);
  }

  private checkPaused(): void {
    if (this.state !== PAUSING || this.getRequest !== undefined || this.postInFlight) return;
    this.state = PAUSED;
    this.sink.onTransportPaused(this);
  }

  private fail(reason: TransportCloseReason, description: string): void {
    if (this.state === CLOSED) return;
    this.state = CLOSED;
    this.getRequest?.destroy();
    this.getRequest = undefined;
    this.sink.onTransportClose(this, reason, description);
  }
}

/** Collects a response body; `done` runs once, also when the response is cut (then with what arrived). */
function readBody(response: http.IncomingMessage, done: (status: number, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let finished = false;
  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    done(status, Buffer.concat(chunks));
  };
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => finish(response.statusCode ?? 0));
  // A cut response counts as status 0 whatever the header said: its body may be a partial payload.
  response.on('error', () => finish(0));
}
