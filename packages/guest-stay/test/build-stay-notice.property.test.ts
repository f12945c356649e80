import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStayNotice, safeBuildStayNotice } from '../src/build-stay-notice.js';
import { formatApiDateTime, formatVietnamIso, parseApiDateTime } from '../src/internal/vietnam-time.js';

const DAY = 86_400_000;
const NOW = new Date('2026-12-06T07:30:00Z');
const vnToday0 = Date.parse('2026-12-06T00:00:00+07:00');

const letters = fc.constantFrom(
  ...'ABCDEGHIKLMNOPQRSTUVXYĐÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ'.split(''),
);
const word = fc.array(letters, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
const fullName = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));

describe('property: formatting', () => {
  it('formatApiDateTime and parseApiDateTime round-trip any instant to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2200-01-01') }), (t) => {
        const s = formatApiDateTime(t);
        expect(s).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(parseApiDateTime(s)).toBe(Math.floor(t / 1000) * 1000);
        expect(Date.parse(formatVietnamIso(t))).toBe(Math.floor(t / 1000) * 1000);
      }),
    );
  });
});

describe('property: buildStayNotice', () => {
  it('keeps the stay it was given: arrival and departure read back from the payload, name and number unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: vnToday0 - DAY, max: vnToday0 + DAY - 1 }),
        fc.integer({ min: 0, max: 30 * DAY - 1 }),
        fullName,
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom('citizen-card', 'can-cuoc', 'id-notice'),
        (arrival, length, name, serial, type) => {
          const number = `0010980${String(serial).padStart(5, '0')}`.slice(0, 12);
          const departure = Math.min(arrival + length, Date.parse('2027-01-05T00:00:00+07:00') - 1);
          const notice = buildStayNotice(
            {
              guest: {
                fullName: name,
                dateOfBirth: { year: 1998, month: 8, day: 15 },
                sex: 'male',
                document: { type, number },
              },
              stay: {
                arrival: new Date(arrival),
                expectedDeparture: new Date(departure),
                room: '1',
                reason: 1,
              },
            },
            { now: NOW },
          );
          expect(parseApiDateTime(String(notice.payload.ngayDenCsltStr))).toBe(
            Math.floor(arrival / 1000) * 1000,
          );
          expect(parseApiDateTime(String(notice.payload.ngayDiDuKienStr))).toBe(
            Math.floor(departure / 1000) * 1000,
          );
          expect(Date.parse(notice.arrival)).toBe(Math.floor(arrival / 1000) * 1000);
          expect(notice.payload.hoTen).toBe(name.normalize('NFC'));
          expect(notice.payload.soGiayTo).toBe(number);
          expect(notice.key).toContain(number);
          expect(notice.label).not.toContain(number);
          expect(JSON.parse(JSON.stringify(notice))).toEqual(notice);
        },
      ),
    );
  });

  it('never throws anything but a coded error on hostile input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (g, s) => {
        const r = safeBuildStayNotice({ guest: g, stay: s } as never, { now: NOW });
        if (!r.success) {
          expect(r.error.code).toBe('ERR_STAY_INVALID');
          expect(r.error.issues.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
