import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { requireStorePeer } from '../src/internal/require-peer.js';

describe('optional peers of the outbox stores (better-sqlite3, pg)', () => {
  it('fails with ERR_STAY_STORE_PEER and an install hint in both languages when the peer is absent', () => {
    const name = '@cancuoc-test/absent-store-driver';
    let caught: unknown;
    try {
      requireStorePeer(name);
    } catch (e) {
      caught = e;
    }
    expect(isCancuocError(caught)).toBe(true);
    if (!isCancuocError(caught)) return;
    expect(caught.code).toBe('ERR_STAY_STORE_PEER');
    expect(caught.message).toBe(
      `This outbox store needs the optional package "${name}": npm install ${name}`,
    );
    expect(caught.messageVi).toContain(`npm install ${name}`);
    expect((caught.cause as { code?: string }).code).toBe('MODULE_NOT_FOUND');
  });

  it('loads the installed peers as the stores use them', () => {
    const Database = requireStorePeer<new (path: string) => { close(): void }>('better-sqlite3');
    const db = new Database(':memory:');
    db.close();
    expect(typeof requireStorePeer<{ Pool: unknown }>('pg').Pool).toBe('function');
  });
});
