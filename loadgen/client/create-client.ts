/**
 * The factory the engine uses: one CreateVirtualClient per client kind.
 */
import { LeanClient } from './lean-client.js';
import { OfficialClient } from './official-client.js';
import type { ClientHandlers, ClientOptions, CreateVirtualClient, VirtualClient } from './virtual-client.js';

/** The client kinds a scenario can name. */
export type ClientKind = 'lean' | 'official';

function createLean(options: ClientOptions, handlers: ClientHandlers): VirtualClient {
  return new LeanClient(options, handlers);
}

function createOfficial(options: ClientOptions, handlers: ClientHandlers): VirtualClient {
  return new OfficialClient(options, handlers);
}

/** Returns the constructor function for a client kind. */
export function createClient(kind: ClientKind): CreateVirtualClient {
  switch (kind) {
    case 'lean':
      return createLean;
    case 'official':
      return createOfficial;
  }
}
