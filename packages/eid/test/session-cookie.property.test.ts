import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveCookieKeys, openCookie, readCookie, sealCookie } from '../src/handler/session-cookie.js';

const keys = await deriveCookieKeys('property-test secret, 32 bytes or more');
const otherKeys = await deriveCookieKeys('another secret that is long enough!!');
const payload = fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue(), { maxKeys: 6 });

describe('session cookie sealing', () => {
  it('round-trips any JSON payload for the same purpose and keys', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        const sealed = await sealCookie(keys, 'session', { data: p }, 60);
        expect(sealed.split('.')).toHaveLength(5);
        const opened = await openCookie(keys, 'session', sealed);
        expect(opened?.data).toEqual(JSON.parse(JSON.stringify(p)));
      }),
      { numRuns: 50 },
    );
  });

  it('opens nothing sealed for another purpose or with another secret, or altered anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(payload, fc.nat(), async (p, position) => {
        const sealed = await sealCookie(keys, 'session', { data: p }, 60);
        expect(await openCookie(keys, 'login', sealed)).toBeUndefined();
        expect(await openCookie(otherKeys, 'session', sealed)).toBeUndefined();
        // The last character of a base64url segment may carry unused bits: alter the one before.
        // Dots are left alone too (altering one is a format error, tested elsewhere).
        let i = position % sealed.length;
        while (i > 0 && (sealed[i] === '.' || i === sealed.length - 1 || sealed[i + 1] === '.')) i -= 1;
        const swapped = sealed[i] === 'A' ? 'B' : 'A';
        const altered = sealed.slice(0, i) + swapped + sealed.slice(i + 1);
        expect(await openCookie(keys, 'session', altered)).toBeUndefined();
      }),
      { numRuns: 50 },
    );
  });

  it('answers arbitrary cookie values with undefined, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (value) => {
        expect(await openCookie(keys, 'session', value)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('reads cookies by exact name', () => {
    expect(readCookie('a=1; cancuoc_eid=xyz; cancuoc_eid_login=q', 'cancuoc_eid')).toBe('xyz');
    expect(readCookie('cancuoc_eid_login=q', 'cancuoc_eid')).toBeUndefined();
    expect(readCookie(null, 'cancuoc_eid')).toBeUndefined();
  });

  it('refuses a secret shorter than 32 bytes', async () => {
    await expect(deriveCookieKeys('short')).rejects.toThrow(RangeError);
    await expect(deriveCookieKeys(new Uint8Array(31))).rejects.toThrow(RangeError);
  });
});
