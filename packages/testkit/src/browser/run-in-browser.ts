/**
 * Runs a page script in headless Chromium for tests: bundles it with esbuild as an application
 * would ship it (workspace packages resolved to their sources), serves it and the test's files
 * from a loopback server, calls the page's `window.run()` and returns its result with every URL
 * the page requested. Browser and server are closed before it returns.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importPeer } from '../internal/optional-peer.js';
import { bundleForBrowser } from './bundle-for-browser.js';
import { CHROMIUM_PATH } from './find-chromium.js';

const FEATURE = '@cancuoc/testkit/browser';

/** A file the loopback server answers with. */
export interface BrowserFile {
  /** Its `content-type`. */
  readonly type: string;
  readonly body: Uint8Array | string;
}

/** Options of {@link runInBrowser}. */
export interface RunInBrowserOptions {
  /** ES module source of the page; it must set `window.run` to a (possibly async) function. */
  readonly script: string;
  /** Directory the script's imports resolve from (the package under test). */
  readonly resolveDir: string;
  /** More files to serve, by path (`'/card.json'`). */
  readonly files?: Readonly<Record<string, BrowserFile>>;
  /** The Chromium binary (default {@link CHROMIUM_PATH}). */
  readonly executablePath?: string;
}

/** What {@link runInBrowser} saw. */
export interface BrowserRun {
  /** The value `window.run()` resolved to (structured-cloned out of the page). */
  readonly result: unknown;
  /** `http://127.0.0.1:<port>` of the loopback server. */
  readonly origin: string;
  /** Every URL the page requested, in order. */
  readonly requests: readonly string[];
}

const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/app.js"></script>';

/**
 * Bundles `script` for the browser, opens it in headless Chromium and returns what `window.run()`
 * gives. Needs the optional peers `esbuild` and `playwright-core`, and Chromium (see
 * `chromiumSkipReason`).
 *
 * @example
 * ```ts
 * const { result, origin, requests } = await runInBrowser({
 *   script: "import { parseDg13 } from '@cancuoc/chip'; window.run = () => typeof parseDg13;",
 *   resolveDir: fileURLToPath(new URL('..', import.meta.url)),
 * });
 * expect(requests.every((u) => u.startsWith(origin))).toBe(true);
 * ```
 */
export async function runInBrowser(options: RunInBrowserOptions): Promise<BrowserRun> {
  const js = await bundleForBrowser({ script: options.script, resolveDir: options.resolveDir });
  const files: Record<string, BrowserFile> = {
    ...options.files,
    '/': { type: 'text/html', body: PAGE },
    '/app.js': { type: 'text/javascript', body: js },
  };
  const server = createServer((req, res) => {
    const file = Object.hasOwn(files, req.url ?? '') ? files[req.url ?? ''] : undefined;
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const requests: string[] = [];
  try {
    const { chromium } = await importPeer('playwright-core', FEATURE, () => import('playwright-core'));
    const browser = await chromium.launch({
      executablePath: options.executablePath ?? CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(origin);
      await page.waitForFunction(() => typeof (globalThis as { run?: unknown }).run === 'function');
      const result = await page.evaluate(() => (globalThis as unknown as { run: () => unknown }).run());
      return { result, origin, requests };
    } finally {
      await browser.close();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
