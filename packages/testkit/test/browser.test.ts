import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, chromiumSkipReason, runInBrowser } from '../src/browser/index.js';

const skip = chromiumSkipReason();
if (skip) console.warn(skip);

describe('chromiumSkipReason', () => {
  it('names the missing binary and the Debian package', () => {
    expect(chromiumSkipReason('/nonexistent/chromium')).toBe(
      'browser test skipped: /nonexistent/chromium not found (apt-get install chromium)',
    );
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
  });
});

describe.skipIf(skip !== undefined)('runInBrowser', () => {
  it('runs the bundled script in the page, serves the files and reports the requests', async () => {
    const script = `
      import { maskId } from '@cancuoc/core';
      window.run = async () => ({
        masked: maskId('001098000001'),
        file: await (await fetch('/data.txt')).text(),
        missing: (await fetch('/nothing')).status,
        node: typeof process !== 'undefined',
      });
    `;
    const { result, origin, requests } = await runInBrowser({
      script,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      files: { '/data.txt': { type: 'text/plain', body: 'xin chào' } },
    });
    expect(result).toEqual({ masked: '001******001', file: 'xin chào', missing: 404, node: false });
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(requests.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([
      `${origin}/`,
      `${origin}/app.js`,
      `${origin}/data.txt`,
      `${origin}/nothing`,
    ]);
  }, 60_000);
});
