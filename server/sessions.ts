/**
 * python-socketio's user sessions: one dictionary per client and namespace that handlers read and write with
 * `get_session`, `save_session` and the `session` context manager. It lives as long as the client's connection to
 * the namespace (from its connect handler on) and is dropped after its disconnect handler ran. Sessions are this
 * process's: a client on another server of an adapter has its session there.
 */
import type { Sid } from './ids.js';

/** A client's session: any JSON-like record the app keeps for it. */
export type Session = Record<string, unknown>;

/** The sessions of one namespace, by sid. */
export class SessionStore {
  private readonly sessions = new Map<Sid, Session>();

  /** The session of `sid` (created empty on first use), the stored object itself, as in python-socketio. */
  get(sid: Sid): Session {
    let session = this.sessions.get(sid);
    if (session === undefined) {
      session = {};
      this.sessions.set(sid, session);
    }
    return session;
  }

  /** Replaces the session of `sid`; throws a TypeError unless `session` is a plain object. */
  save(sid: Sid, session: Session): void {
    if (typeof session !== 'object' || session === null || Array.isArray(session)) {
      throw new TypeError(`saveSession: session must be an object (got ${session === null ? 'null' : typeof session})`);
    }
    this.sessions.set(sid, session);
  }

  /** Forgets the session of `sid` (its client left the namespace). */
  delete(sid: Sid): void {
    this.sessions.delete(sid);
  }
}
