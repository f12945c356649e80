import type { PartialDate } from '@cancuoc/core';

/** What a session keeps about the logged-in citizen (only the fields the portal configured). */
export interface EidSessionIdentity {
  readonly sub: string;
  readonly issuer: string;
  readonly personalId?: string;
  readonly fullName?: string;
  readonly dateOfBirth?: PartialDate;
  readonly sex?: 'male' | 'female';
  readonly acr?: string;
  readonly accountType?: string;
  readonly loginIdp?: string;
}

/** A server-side session as a {@link EidSessionStore} keeps it. Times are seconds since the epoch. */
export interface EidStoredSession {
  readonly identity: EidSessionIdentity;
  /** The ID token, kept for `id_token_hint` at logout (only when provider logout is on). */
  readonly idToken?: string;
  /** The provider's session ID (`sid` of the ID token): back-channel logout names sessions by it. */
  readonly providerSid?: string;
  readonly createdAt: number;
  /** Last time the session was used (rolling idle timeout). */
  readonly lastSeenAt: number;
  /** Absolute end of the session, whatever its use. */
  readonly expiresAt: number;
}

/** Which sessions a back-channel logout names: those of a provider session, or every one of a subject. */
export interface EidSessionMatch {
  readonly issuer: string;
  /** The provider's session ID; when given, only sessions with this `sid` (and `sub`, if given) match. */
  readonly sid?: string;
  /** The subject; alone, every session of the subject at this issuer matches. */
  readonly sub?: string;
}

/**
 * Where the handler keeps sessions server-side. Keys are SHA-256 digests of the session
 * references the cookies carry, so a leaked store gives no usable cookie.
 *
 * @example
 * ```ts
 * const store: EidSessionStore = createMemorySessionStore();
 * const eid = createEidHandler({ client, secret, sessionStore: store });
 * ```
 */
export interface EidSessionStore {
  /** The session under a key, or `undefined` (missing or expired). */
  get(key: string): Promise<EidStoredSession | undefined>;
  /** Creates or replaces a session; the store may forget it after `ttlSec` seconds. */
  set(key: string, session: EidStoredSession, ttlSec: number): Promise<void>;
  /** Deletes one session (logout). */
  delete(key: string): Promise<void>;
  /** Deletes the sessions a back-channel logout names; answers how many were deleted. */
  deleteMatching(match: EidSessionMatch): Promise<number>;
  /**
   * Records a back-channel logout token's ID (a digest of its issuer and `jti`) until `untilSec`
   * (seconds since the epoch), atomically: answers `true` the first time, `false` when the ID is
   * already recorded and not yet past its time (a replay, which the handler refuses with
   * `ERR_EID_LOGOUT_REPLAY`). The three stores of this package implement it, sharing what they
   * record across processes as they share sessions. Optional so that your own stores keep
   * compiling: without it the handler records IDs in its own process memory only.
   */
  rememberLogoutToken?(id: string, untilSec: number): Promise<boolean>;
}

/** Options of {@link createMemorySessionStore}. */
export interface MemorySessionStoreOptions {
  /** At most this many sessions are kept; the oldest are dropped beyond (default 100 000). */
  readonly maxSessions?: number;
}

/** Whether a stored session is one a back-channel logout names. @internal */
export function sessionMatches(session: EidStoredSession, match: EidSessionMatch): boolean {
  if (session.identity.issuer !== match.issuer) return false;
  if (match.sid !== undefined) {
    return (
      session.providerSid === match.sid && (match.sub === undefined || session.identity.sub === match.sub)
    );
  }
  return match.sub !== undefined && session.identity.sub === match.sub;
}

/**
 * An in-memory session store: the default, for a portal that runs as ONE process. With several
 * processes or machines, each would see only its own sessions: use
 * {@link createRedisSessionStore} or {@link createPostgresSessionStore} there.
 *
 * @example
 * ```ts
 * const eid = createEidHandler({ client, secret, sessionStore: createMemorySessionStore({ maxSessions: 10_000 }) });
 * ```
 */
export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): EidSessionStore {
  const max = options.maxSessions ?? 100_000;
  if (!Number.isInteger(max) || max < 1) throw new RangeError('maxSessions must be a positive integer');
  const sessions = new Map<string, { session: EidStoredSession; until: number }>();
  const sweep = (now: number) => {
    for (const [key, entry] of sessions) if (entry.until <= now) sessions.delete(key);
  };
  const logoutTokens = createLogoutTokenMemory(max);
  return {
    async get(key) {
      const entry = sessions.get(key);
      if (!entry) return undefined;
      if (entry.until <= Date.now()) {
        sessions.delete(key);
        return undefined;
      }
      return entry.session;
    },
    async set(key, session, ttlSec) {
      const now = Date.now();
      sessions.delete(key);
      sessions.set(key, { session, until: now + ttlSec * 1000 });
      if (sessions.size > max) {
        sweep(now);
        // Maps iterate in insertion order: the first entries are the least recently written.
        for (const oldest of sessions.keys()) {
          if (sessions.size <= max) break;
          sessions.delete(oldest);
        }
      }
    },
    async delete(key) {
      sessions.delete(key);
    },
    async deleteMatching(match) {
      let count = 0;
      for (const [key, entry] of sessions) {
        if (sessionMatches(entry.session, match)) {
          sessions.delete(key);
          count += 1;
        }
      }
      return count;
    },
    rememberLogoutToken: logoutTokens,
  };
}

/**
 * Logout-token IDs kept in memory until their time, at most `max` of them (beyond, expired ones
 * are swept, then the oldest dropped: only the provider can mint them, so this bounds memory
 * against a provider gone wrong, not against the public). @internal
 */
export function createLogoutTokenMemory(max: number): (id: string, untilSec: number) => Promise<boolean> {
  const seen = new Map<string, number>();
  return async (id, untilSec) => {
    const now = Date.now() / 1000;
    const until = seen.get(id);
    if (until !== undefined && until > now) return false;
    seen.delete(id);
    seen.set(id, untilSec);
    if (seen.size > max) {
      for (const [key, time] of seen) if (time <= now) seen.delete(key);
      for (const oldest of seen.keys()) {
        if (seen.size <= max) break;
        seen.delete(oldest);
      }
    }
    return true;
  };
}

/** Parses a stored session (JSON), `undefined` when it is not one. @internal */
export function parseStored(text: string | null | undefined): EidStoredSession | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as EidStoredSession;
    return typeof value === 'object' && value !== null && typeof value.identity === 'object'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}
