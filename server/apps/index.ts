/**
 * Installs a named app (AppName) on a ReferenceServer: the one place that maps `options.app` to handlers.
 * createReferenceServer calls installConfiguredApp for its `app` option; `sio-bench serve` reaches it through that.
 */
import type { NamespaceName } from '../ids.js';
import type { AppName, ReferenceServer } from '../types.js';
import { startFaultInjector, type FaultCounts } from '../faults/fault-injector.js';
import type { AppHooks } from './app-hooks.js';
import { installBenchApp } from './bench-app.js';
import { installSeedChatApp } from './seed-chat-app.js';

export type { AppHooks } from './app-hooks.js';

/** An installed app; `close()` stops its fault injection (call it when the server closes). */
export interface InstalledApp {
  readonly name: AppName;
  /** What fault injection has done so far; undefined when no fault is on (or the app takes none). */
  faultCounts(): FaultCounts | undefined;
  close(): void;
}

/**
 * Installs app `name` on `namespace` (default '/') of `server`. The bench app takes its fault injection from
 * `server.options.faults` (off unless set); 'none' installs nothing. Throws a RangeError for unusable fault options.
 */
export function installApp(server: ReferenceServer, name: AppName, hooks: AppHooks, namespace: NamespaceName = '/'): InstalledApp {
  switch (name) {
    case 'bench': {
      const faults = startFaultInjector(server.options.faults);
      installBenchApp(server, hooks, faults, namespace);
      return { name, faultCounts: () => faults?.counts(), close: () => faults?.stop() };
    }
    case 'seed-chat':
      installSeedChatApp(server, hooks, namespace);
      return { name, faultCounts: () => undefined, close: () => undefined };
    case 'none':
      return { name, faultCounts: () => undefined, close: () => undefined };
    default:
      throw new RangeError(`unknown app ${JSON.stringify(name satisfies never)}`);
  }
}

/**
 * Installs `server.options.app` on the default namespace with hooks into the server's metrics and adapter,
 * and stops the app's fault injection when the server's HTTP server closes. Call it before the server listens.
 */
export function installConfiguredApp(server: ReferenceServer): InstalledApp {
  const hooks: AppHooks = {
    countRefused: (kind, by) => server.metrics.countRefused(kind, by),
    roomSize: (room, namespace) => server.io.of(namespace).adapter.rooms.get(room)?.size ?? 0,
  };
  const installed = installApp(server, server.options.app, hooks);
  server.io.httpServer.once('close', () => installed.close());
  return installed;
}
