import type { EidSessionStore, EidStoredSession } from '../../src/handler/index.js';
import { sessionMatches } from '../../src/handler/session-store.js';

/**
 * A session store that lets a test see and age what it keeps: a plain map, no expiry of its own,
 * and no `rememberLogoutToken` (like a store a portal team writes itself).
 */
export function inspectableStore(): EidSessionStore & { sessions: Map<string, EidStoredSession> } {
  const sessions = new Map<string, EidStoredSession>();
  return {
    sessions,
    async get(key) {
      return sessions.get(key);
    },
    async set(key, session) {
      sessions.set(key, session);
    },
    async delete(key) {
      sessions.delete(key);
    },
    async deleteMatching(match) {
      let count = 0;
      for (const [key, s] of sessions) {
        if (sessionMatches(s, match)) {
          sessions.delete(key);
          count += 1;
        }
      }
      return count;
    },
  };
}
