/**
 * What the lean client and its two transports (raw websocket, HTTP long-polling) say to each other. A transport
 * moves Engine.IO packets; the client owns every protocol decision above that. Transports call the sink with
 * themselves as first argument because during an upgrade two transports talk to one client.
 */
import type { EnginePacket } from './engineio-codec.js';
import type { SourcePortPool } from './source-ports.js';
import type { WireByteCounter } from './wire-bytes.js';

/** Why a transport ended, in socket.io-client's words. */
export type TransportCloseReason = 'transport close' | 'transport error' | 'parse error';

/** The lean client as its transports see it. */
export interface TransportSink {
  /** Wire bytes, incremented by the transports (frame and handshake bytes for websocket, bodies for polling). */
  readonly wireBytes: WireByteCounter;
  /** The websocket upgrade succeeded (after the 101). Polling has no such moment: its first packet is the open packet. */
  onTransportOpen(transport: LeanTransport): void;
  /** One Engine.IO packet arrived: text (type char first) or a binary message. */
  onTransportPacket(transport: LeanTransport, packet: EnginePacket): void;
  /** The polling transport has no request in flight after pause(): the upgrade can proceed. */
  onTransportPaused(transport: LeanTransport): void;
  /** The transport ended by itself (never called after close()). */
  onTransportClose(transport: LeanTransport, reason: TransportCloseReason, description: string): void;
}

export interface LeanTransport {
  readonly kind: 'websocket' | 'polling';
  /** Sends one Engine.IO packet (after open; polling buffers while a POST is in flight or while paused). */
  sendPacket(packet: EnginePacket): void;
  /** Ends the transport without telling the sink; polling sends a close packet first. */
  close(): void;
}

/** Where the lean client connects, derived once per ClientOptions object. */
export interface Endpoint {
  host: string;
  port: number;
  /** Value of the Host header. */
  hostHeader: string;
  /** Engine.IO path plus `?EIO=4` and the user's query parameters, without transport or sid. */
  pathAndQuery: string;
  /** The user's extra headers, as name/value pairs. */
  headers: readonly (readonly [string, string])[];
  localAddress: string | undefined;
  /** Ports for localAddress (see source-ports.ts); undefined: the kernel chooses. */
  localPorts: SourcePortPool | undefined;
}
