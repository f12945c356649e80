import { describe, expect, it } from 'vitest';
import {
  CancuocError,
  createErrorFactory,
  createIssue,
  formatMessage,
  isCancuocError,
  toSafe,
} from '../src/index.js';

const catalog = {
  ERR_X_EMPTY: { en: 'Field {field} is empty', vi: 'Trường {field} bị trống' },
  ERR_X_OTHER: { en: 'Other', vi: 'Khác' },
} as const;
const fail = createErrorFactory(catalog, 'XError');

describe('CancuocError', () => {
  it('carries a code, an English and a Vietnamese message filled from details', () => {
    const e = fail('ERR_X_EMPTY', { field: 'name' });
    expect(e).toBeInstanceOf(CancuocError);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('ERR_X_EMPTY');
    expect(e.name).toBe('XError');
    expect(e.message).toBe('Field name is empty');
    expect(e.messageVi).toBe('Trường name bị trống');
    expect(e.localizedMessage('vi')).toBe(e.messageVi);
    expect(e.details).toEqual({ field: 'name' });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({
      code: 'ERR_X_EMPTY',
      messageVi: 'Trường name bị trống',
    });
  });

  it('is recognised by isCancuocError across copies of the class (Symbol.for marker)', () => {
    const foreign = { code: 'ERR_X_EMPTY', message: 'x' } as Record<PropertyKey, unknown>;
    expect(isCancuocError(foreign)).toBe(false);
    foreign[Symbol.for('cancuoc.error')] = true;
    expect(isCancuocError(foreign)).toBe(true);
    expect(isCancuocError(new Error('x'))).toBe(false);
    expect(isCancuocError(null)).toBe(false);
    expect(isCancuocError('ERR_X')).toBe(false);
  });

  it('keeps the cause and the issues', () => {
    const cause = new Error('inner');
    const issue = createIssue(catalog, 'ERR_X_OTHER', ['a', 0]);
    const e = fail('ERR_X_OTHER', {}, { cause, issues: [issue] });
    expect(e.cause).toBe(cause);
    expect(e.issues).toEqual([issue]);
    expect(issue).toMatchObject({
      path: ['a', 0],
      code: 'ERR_X_OTHER',
      severity: 'error',
      messageVi: 'Khác',
    });
  });

  it('leaves unknown placeholders untouched and joins arrays', () => {
    expect(formatMessage('{a} {b}', { a: ['x', 'y'] })).toBe('x, y {b}');
  });
});

describe('toSafe', () => {
  const parse = (s: string): number => {
    if (s === 'bad') throw fail('ERR_X_OTHER');
    if (s === 'bug') throw new TypeError('misuse');
    return s.length;
  };
  const safe = toSafe(parse);

  it('returns success with the data', () => {
    expect(safe('abc')).toEqual({ success: true, data: 3 });
  });
  it('returns the cancuoc error as a failure', () => {
    const r = safe('bad');
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.code).toBe('ERR_X_OTHER');
  });
  it('still throws misuse errors', () => {
    expect(() => safe('bug')).toThrow(TypeError);
  });
});

describe('CancuocError across copies of the class (ESM and CommonJS builds, two installs)', () => {
  // A query string makes Vite load errors.ts a second time: a distinct module with its own
  // class, as when one app imports the ESM build and a dependency requires the CJS build.
  const copyPath: string = '../src/errors.ts?second-copy';
  const loadCopy = async () => (await import(copyPath)) as typeof import('../src/errors.js');

  it('is a real second class, so the prototype chains differ', async () => {
    const copy = await loadCopy();
    expect(copy.CancuocError).not.toBe(CancuocError);
    const foreign = copy.createErrorFactory(catalog, 'XError')('ERR_X_OTHER');
    expect(Object.getPrototypeOf(foreign)).not.toBe(CancuocError.prototype);
  });

  it('answers instanceof true both ways for errors of the other copy', async () => {
    const copy = await loadCopy();
    const foreign = copy.createErrorFactory(catalog, 'XError')('ERR_X_OTHER');
    expect(foreign instanceof CancuocError).toBe(true);
    expect(fail('ERR_X_OTHER') instanceof copy.CancuocError).toBe(true);
    expect(isCancuocError(foreign)).toBe(true);
  });

  it('answers instanceof false for plain errors and look-alikes without the marker', () => {
    const lookAlike = Object.assign(new Error('x'), { code: 'ERR_X_OTHER', messageVi: 'x' });
    expect(lookAlike instanceof CancuocError).toBe(false);
    expect(new TypeError('x') instanceof CancuocError).toBe(false);
    const primitives: unknown[] = [null, undefined, 'ERR_X_OTHER', 42];
    for (const value of primitives) expect(value instanceof CancuocError).toBe(false);
  });

  it('keeps the ordinary prototype check for subclasses', () => {
    class NarrowError extends CancuocError {}
    const narrow = new NarrowError('ERR_X_OTHER', { message: 'o', messageVi: 'k' });
    expect(narrow instanceof NarrowError).toBe(true);
    expect(narrow instanceof CancuocError).toBe(true);
    expect(fail('ERR_X_OTHER') instanceof NarrowError).toBe(false);
  });

  it('never throws from instanceof on hostile values (a Proxy whose traps throw)', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    expect(hostile instanceof CancuocError).toBe(false);
  });
});
