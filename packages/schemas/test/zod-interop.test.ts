import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import {
  Address,
  mapZodIssues,
  ResidentRecord,
  type ResidentRecord as ResidentRecordType,
} from '../src/index.js';
import { goodResident, maleId } from './fixtures.js';

describe('the zod/mini schemas with classic zod', () => {
  it('nest inside a classic object and keep their refinements and issue paths', () => {
    const Booking = z.object({ room: z.string(), guest: ResidentRecord });
    expect(Booking.parse({ room: '101', guest: goodResident }).guest.personalId).toBe(maleId);
    const r = Booking.safeParse({ room: '101', guest: { ...goodResident, sex: 'female' } });
    expect(r.success).toBe(false);
    expect(mapZodIssues(r.error!).map((i) => [i.path.join('.'), i.code])).toEqual([
      ['guest.sex', 'ERR_ID_SEX_MISMATCH'],
    ]);
  });

  it('extend with the safeExtend of zod/mini, keeping the record refinements', () => {
    const WithRoom = zm.safeExtend(ResidentRecord, { room: z.string() });
    expect(WithRoom.safeParse({ ...goodResident, room: '7' }).success).toBe(true);
    expect(WithRoom.safeParse({ ...goodResident, room: 7 }).success).toBe(false);
    expect(WithRoom.safeParse({ ...goodResident, sex: 'female', room: '7' }).success).toBe(false);
  });

  it("parse objects with zod's JIT-compiled object parser, as classic zod objects do", () => {
    for (const schema of [ResidentRecord, Address]) {
      expect(schema._zod.traits.has('$ZodObjectJIT')).toBe(true);
      expect(schema._zod.traits.has('ZodMiniType')).toBe(true);
    }
    expect(Object.keys(ResidentRecord.shape)).toContain('personalId');
    expect(Object.keys(zm.safeExtend(ResidentRecord, { room: zm.string() }).shape)).toContain('room');
  });

  it('infer the same types as the exported type names', () => {
    expectTypeOf<z.infer<typeof ResidentRecord>>().toEqualTypeOf<ResidentRecordType>();
    expectTypeOf<z.infer<typeof Address>['province']>().toEqualTypeOf<
      { code?: string | undefined; name: string } | undefined
    >();
  });
});
