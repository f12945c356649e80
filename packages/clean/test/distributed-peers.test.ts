import { describe, expect, it, vi } from 'vitest';
import { redisConnection } from '../src/distributed/peers.js';

describe('optional peers of the distributed mode', () => {
  it('answers a missing bullmq with ERR_CLEAN_PEER_MISSING and the install command in both languages', async () => {
    vi.doMock('bullmq', () => {
      throw new Error("Cannot find package 'bullmq'");
    });
    const { createCleanCoordinator } = await import('../src/distributed/index.js');
    const error = await createCleanCoordinator({
      redis: 'redis://127.0.0.1:1',
      postgres: 'postgresql://x@127.0.0.1:1/x',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_CLEAN_PEER_MISSING', details: { name: 'bullmq' } });
    expect((error as Error).message).toContain('npm install bullmq ioredis pg');
    expect((error as { messageVi: string }).messageVi).toContain(
      'Chế độ phân tán cần cài gói tùy chọn "bullmq"',
    );
    vi.doUnmock('bullmq');
  });

  it('reads redis:// URLs into BullMQ connection options and refuses other schemes', () => {
    expect(redisConnection('redis://user:p%40ss@queue.internal:6380/2')).toEqual({
      host: 'queue.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      maxRetriesPerRequest: null,
    });
    expect(redisConnection('rediss://queue')).toMatchObject({ port: 6379, db: 0, tls: {} });
    expect(() => redisConnection('http://queue')).toThrow(TypeError);
    expect(() => redisConnection('not a url')).toThrow(TypeError);
    expect(() => redisConnection(null as unknown as string)).toThrow(TypeError);
  });
});
