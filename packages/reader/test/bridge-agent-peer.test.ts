import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it, vi } from 'vitest';

// `ws` as it is on a machine where the optional peer was never installed.
vi.mock('ws', () => {
  throw Object.assign(new Error("Cannot find package 'ws'"), { code: 'ERR_MODULE_NOT_FOUND' });
});

describe('startBridgeAgent without the optional package ws', () => {
  it('fails with ERR_READER_WS_MISSING and the install hint in both languages', async () => {
    const { startBridgeAgent } = await import('../src/bridge/agent/index.js');
    const transport = { transmit: async () => new Uint8Array([0x90, 0x00]), close: async () => {} };
    const error = await startBridgeAgent({ transport, origins: ['https://desk.example'], port: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCancuocError(error) && error.code).toBe('ERR_READER_WS_MISSING');
    if (!isCancuocError(error)) return;
    expect(error.message).toContain('npm install ws');
    expect(error.messageVi).toContain('npm install ws');
  });
});
