import { isCancuocError } from '@cancuoc/core';
import type { InsuredPerson } from '@cancuoc/testkit';
import { insuredTestPeople } from '@cancuoc/testkit';
import { describe, expect, it } from 'vitest';
import { type InsuranceQuery, insuranceResultCodes } from '../src/index.js';
import { client, gateway, person } from './helpers.js';

const queryOf = (p: InsuredPerson, over: Partial<InsuranceQuery> = {}): InsuranceQuery => ({
  ...(p.personalId ? { personalId: p.personalId } : {}),
  fullName: p.fullName,
  dateOfBirth: p.dateOfBirth,
  ...over,
});

const an = person('001099012345');

// Every verdict code of the table, reached through the simulator's data over real HTTP.
const verdicts: Array<[string, () => InsuranceQuery, string]> = [
  ['000', () => queryOf(an), 'eligible'],
  [
    '000',
    () => ({
      cardCode: an.cardCode,
      fullName: 'NGUYỄN VĂN AN',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
    }),
    'eligible',
  ],
  ['001', () => queryOf(person('001078000001')), 'eligible'],
  ['002', () => queryOf(person('001080000002')), 'eligible'],
  ['003', () => queryOf(person('001192000003')), 'eligible'],
  ['004', () => queryOf(person('001208000004')), 'eligible'],
  ['010', () => queryOf(person('079185001234')), 'not-eligible'],
  ['050', () => queryOf(an, { personalId: '001099000001' }), 'needs-attention'],
  ['051', () => ({ ...queryOf(an, { cardCode: 'GD4010120012345' }) }), 'needs-attention'],
  ['052', () => queryOf(an, { cardCode: 'DN4790120012345' }), 'needs-attention'],
  ['053', () => queryOf(an, { cardCode: 'DN3010120012345' }), 'needs-attention'],
  ['060', () => queryOf(an, { fullName: 'Trần Văn An' }), 'needs-attention'],
  ['061', () => queryOf(an, { fullName: 'Nguyễn Văn Ân' }), 'needs-attention'],
  ['070', () => queryOf(an, { dateOfBirth: '16/01/1999' }), 'needs-attention'],
  ['080', () => queryOf(person('001080000015')), 'needs-attention'],
  ['090', () => queryOf(person('001179000016')), 'needs-attention'],
  ['110', () => queryOf(person('001188000006')), 'not-eligible'],
  ['120', () => queryOf(person('001087000007')), 'not-eligible'],
  ['121', () => queryOf(person('001186000008')), 'not-eligible'],
  ['122', () => queryOf(person('001085000009')), 'not-eligible'],
  ['123', () => queryOf(person('001184000010')), 'not-eligible'],
  ['124', () => queryOf(person('001083000011')), 'not-eligible'],
  ['130', () => queryOf(person('001320000012')), 'needs-attention'],
];

describe('checkCard: verdicts', () => {
  it('maps every verdict code of the table to its outcome, meaning and advice', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    const seen = new Set<string>();
    for (const [code, query, outcome] of verdicts) {
      const r = await bhyt.checkCard(query());
      expect(r.code, code).toBe(code);
      expect(r.outcome, code).toBe(outcome);
      const info = insuranceResultCodes[r.code];
      expect(r.messageVi).toBe(info.vi);
      expect(r.message).toBe(info.en);
      expect(r.adviceVi).toBe(info.adviceVi);
      expect(r.raw.maKetQua).toBe(code);
      seen.add(code);
    }
    const verdictCodes = Object.entries(insuranceResultCodes)
      .filter(([, info]) => info.outcome !== 'error')
      .map(([c]) => c);
    expect([...seen].sort()).toEqual(verdictCodes.sort());
    expect(gw.stats.tokensIssued).toBe(1);
  });

  it('types the card fields: partial dates, sex, primary-care facility, validity and the five-year date', async () => {
    const bhyt = client(await gateway());
    const r = await bhyt.checkCard(queryOf(an));
    expect(r.card).toMatchObject({
      cardCode: 'DN4010120012345',
      fullName: 'NGUYỄN VĂN AN',
      dateOfBirth: { year: 1999, month: 1, day: 15 },
      sex: 'male',
      primaryCareFacility: { code: '01001' },
      fiveYearDate: { year: 2026, month: 1, day: 1 },
      socialInsuranceNumber: '0120012345',
    });
    expect(r.card?.validTo?.year).toBe(new Date().getUTCFullYear() + 1);
    expect(r.card?.validFrom).toBeDefined();
  });

  it('reads a year-only birth date both ways', async () => {
    const bhyt = client(await gateway());
    const lam = person('001070000005');
    const r = await bhyt.checkCard(queryOf(lam, { dateOfBirth: { year: 1970 } }));
    expect(r.code).toBe('000');
    expect(r.card?.dateOfBirth).toEqual({ year: 1970 });
    // A month-and-year date is sent as the year, the gateway's only other form.
    expect((await bhyt.checkCard(queryOf(lam, { dateOfBirth: { year: 1970, month: 5 } }))).code).toBe('000');
  });

  it('returns the new card with 003 and 004', async () => {
    const bhyt = client(await gateway());
    const renewed = await bhyt.checkCard(queryOf(person('001192000003')));
    expect(renewed.card?.newCard).toMatchObject({
      cardCode: 'GD4010192000003',
      validFrom: { year: 2025, month: 1, day: 1 },
    });
    expect(renewed.card?.previousCardCode).toBe('DN4010192000003');
    const stillValid = await bhyt.checkCard(queryOf(person('001208000004')));
    expect(stillValid.code).toBe('004');
    expect(stillValid.card?.newCard?.cardCode).toBe('GD4010108000004');
  });

  it('keeps the log of earlier lookups typed', async () => {
    const bhyt = client(await gateway());
    await bhyt.checkCard(queryOf(an));
    const second = await bhyt.checkCard(queryOf(an));
    expect(second.checks).toHaveLength(1);
    expect(second.checks?.[0]?.code).toBe('000');
    expect(second.checks?.[0]?.checkedAt).toBeInstanceOf(Date);
  });

  it('cuts a 20-character scan (card code + facility) to the 15-character code', async () => {
    const bhyt = client(await gateway());
    const r = await bhyt.checkCard({ ...queryOf(an), personalId: '', cardCode: 'dn4010120012345 01001' });
    expect(r.code).toBe('000');
  });
});

describe('checkCard: checks that could not be done are typed errors', () => {
  const custom = (status: NonNullable<InsuredPerson['status']>): InsuredPerson => ({ ...an, status });
  const cases: Array<[string, NonNullable<InsuredPerson['status']>, string]> = [
    ['100', 'register-error', 'ERR_INSURANCE_CARD_DATA'],
    ['101', 'server-error', 'ERR_INSURANCE_SERVER'],
    ['500', '500', 'ERR_INSURANCE_SERVER'],
  ];
  for (const [code, status, error] of cases) {
    it(`raises ${error} for ${code}, without retrying it`, async () => {
      const gw = await gateway({ people: [custom(status)] });
      const err = await client(gw)
        .checkCard(queryOf(an))
        .catch((e: unknown) => e);
      expect(isCancuocError(err) && err.code).toBe(error);
      expect((err as { details: { gatewayCode?: string } }).details.gatewayCode).toBe(code);
      expect(gw.stats.cardChecks).toBe(1);
    });
  }

  it('raises ERR_INSURANCE_STAFF_NOT_REGISTERED for 054', async () => {
    const gw = await gateway();
    const bhyt = client(gw, { staff: { fullName: 'Trần Thị Lan', personalId: '001185099999' } });
    await expect(bhyt.checkCard(queryOf(an))).rejects.toMatchObject({
      code: 'ERR_INSURANCE_STAFF_NOT_REGISTERED',
    });
    expect(gw.stats.codes['054']).toBe(1);
  });

  it('raises ERR_INSURANCE_STAFF_NAME_MISMATCH for 055', async () => {
    const gw = await gateway();
    const bhyt = client(gw, { staff: { fullName: 'Trần Thị Lam', personalId: '001185012345' } });
    await expect(bhyt.checkCard(queryOf(an))).rejects.toMatchObject({
      code: 'ERR_INSURANCE_STAFF_NAME_MISMATCH',
    });
  });

  it('raises ERR_INSURANCE_PARAMETERS for 205', async () => {
    const gw = await gateway();
    // A proxy that mangles the birth date on its way: the only way past the client's own checks.
    const bhyt = client(gw, {
      fetch: (url, init) => {
        const body = new URLSearchParams(String(init?.body ?? ''));
        if (body.has('ngaySinh')) body.set('ngaySinh', '1999-01-15');
        return fetch(url, { ...init, body });
      },
    });
    await expect(bhyt.checkCard(queryOf(an))).rejects.toMatchObject({ code: 'ERR_INSURANCE_PARAMETERS' });
    expect(gw.stats.codes['205']).toBe(1);
  });

  it('raises ERR_INSURANCE_AUTH for a wrong password, and for 401 after one renewal and one retry', async () => {
    const gw = await gateway();
    await expect(client(gw, { password: 'wrong' }).checkCard(queryOf(an))).rejects.toMatchObject({
      code: 'ERR_INSURANCE_AUTH',
    });
    // A token the gateway never accepts: renew once, retry once, then give up.
    const bhyt = client(gw, {
      fetch: (url, init) => {
        const u = new URL(String(url));
        if (u.searchParams.has('token')) u.searchParams.set('token', 'stale');
        return fetch(u, init);
      },
    });
    gw.resetStats();
    await expect(bhyt.checkCard(queryOf(an))).rejects.toMatchObject({ code: 'ERR_INSURANCE_AUTH' });
    expect(gw.stats.tokensIssued).toBe(2);
    expect(gw.stats.cardChecks).toBe(2);
  });

  it('raises ERR_INSURANCE_UNKNOWN_RESULT for a code outside the table', async () => {
    const gw = await gateway({ people: [{ ...an, status: '999' }] });
    await expect(client(gw).checkCard(queryOf(an))).rejects.toMatchObject({
      code: 'ERR_INSURANCE_UNKNOWN_RESULT',
      details: { gatewayCode: '999' },
    });
  });

  it('refuses a malformed query before sending anything', async () => {
    const gw = await gateway();
    const bhyt = client(gw);
    const bad: Array<[InsuranceQuery, string]> = [
      [{ fullName: 'A', dateOfBirth: '1999' }, 'cardCode'],
      [{ personalId: '000099012345', fullName: 'A', dateOfBirth: '1999' }, 'personalId'],
      [{ cardCode: 'XX9', fullName: 'A', dateOfBirth: '1999' }, 'cardCode'],
      [{ personalId: '001099012345', fullName: '  ', dateOfBirth: '1999' }, 'fullName'],
      [{ personalId: '001099012345', fullName: 'A', dateOfBirth: '31/02/1999' }, 'dateOfBirth'],
      [{ personalId: '001099012345', fullName: 'A', dateOfBirth: { year: 1999, month: 13 } }, 'dateOfBirth'],
    ];
    for (const [query, field] of bad) {
      await expect(bhyt.checkCard(query)).rejects.toMatchObject({
        code: 'ERR_INSURANCE_QUERY',
        details: { field },
      });
    }
    expect(gw.stats.tokenRequests + gw.stats.cardChecks).toBe(0);
  });
});

describe('getVisitHistory', () => {
  it('returns typed visits, most recent first', async () => {
    const gw = await gateway();
    const h = await client(gw).getVisitHistory(queryOf(an));
    expect(h.code).toBe('000');
    expect(h.visits).toHaveLength(2);
    const [last, first] = h.visits;
    expect(last?.facility).toEqual({ code: '01001', name: 'Bệnh viện Thử Nghiệm' });
    expect(last?.diagnosis).toBe('Viêm họng cấp');
    expect(last?.treatmentResult).toEqual({ code: '2', en: 'improved', vi: 'Đỡ' });
    expect(last?.dischargeStatus?.vi).toBe('Ra viện');
    // 08:15 in Vietnam is 01:15 UTC.
    expect(last?.admittedAt?.getUTCHours()).toBe(1);
    expect(last?.admittedAt?.getUTCMinutes()).toBe(15);
    expect((first?.admittedAt?.getTime() ?? 0) < (last?.admittedAt?.getTime() ?? 0)).toBe(true);
    expect(gw.stats.historyRequests).toBe(1);
  });

  it('answers an empty history for an unknown card, and raises the failure codes', async () => {
    const gw = await gateway({ people: [...insuredTestPeople] });
    const bhyt = client(gw);
    const none = await bhyt.getVisitHistory(queryOf(an, { personalId: '001099000001' }));
    expect(none).toMatchObject({ code: '050', visits: [] });
    const staffless = client(gw, { staff: { fullName: 'X', personalId: '001185099999' } });
    await expect(staffless.getVisitHistory(queryOf(an))).rejects.toMatchObject({
      code: 'ERR_INSURANCE_STAFF_NOT_REGISTERED',
    });
  });
});
