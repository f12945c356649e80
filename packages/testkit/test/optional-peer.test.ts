import { isCancuocError } from '@cancuoc/core';
import { describe, expect, it } from 'vitest';
import { importPeer } from '../src/internal/optional-peer.js';

// A name no registry package has, so the import really fails the way a missing peer does.
const ABSENT = '@cancuoc-test/absent-optional-peer';

describe('importPeer (optional peers of @cancuoc/testkit)', () => {
  it('turns a missing peer into ERR_TESTKIT_PEER_MISSING with an install hint in both languages', async () => {
    const error = await importPeer(
      ABSENT,
      '@cancuoc/testkit/oidc',
      () => import(/* @vite-ignore */ ABSENT),
    ).catch((e: unknown) => e);
    expect(isCancuocError(error)).toBe(true);
    if (!isCancuocError(error)) return;
    expect(error.code).toBe('ERR_TESTKIT_PEER_MISSING');
    expect(error.message).toContain(`npm install --save-dev ${ABSENT}`);
    expect(error.message).toContain('@cancuoc/testkit/oidc');
    expect(error.messageVi).toContain('cần gói tùy chọn');
    expect(error.details).toEqual({ package: ABSENT, feature: '@cancuoc/testkit/oidc' });
    expect((error.cause as { code?: string }).code).toMatch(/MODULE_NOT_FOUND/);
  });

  it('keeps the original error when the peer is installed but fails inside', async () => {
    const inner = Object.assign(new Error("Cannot find package 'something-else'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(importPeer('jose', 'x', () => Promise.reject(inner))).rejects.toBe(inner);
    const broken = new SyntaxError('Unexpected token');
    await expect(importPeer('jose', 'x', () => Promise.reject(broken))).rejects.toBe(broken);
  });

  it('returns the module when the peer is installed', async () => {
    const jose = await importPeer('jose', 'x', () => import('jose'));
    expect(typeof jose.SignJWT).toBe('function');
  });
});
