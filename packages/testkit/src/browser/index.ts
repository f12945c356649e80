/**
 * `@cancuoc/testkit/browser` (Node only): run a bundled page in headless Chromium from a test.
 *
 * @packageDocumentation
 */

/** Bundling a page script as an application would ship it (esbuild, workspace sources). */
export { type BundleForBrowserOptions, bundleForBrowser } from './bundle-for-browser.js';
/** Finding Debian's Chromium, and the reason to skip when it is absent. */
export { CHROMIUM_PATH, chromiumSkipReason } from './find-chromium.js';
/** Bundle, serve on loopback, run `window.run()` in headless Chromium. */
export {
  type BrowserFile,
  type BrowserRun,
  type RunInBrowserOptions,
  runInBrowser,
} from './run-in-browser.js';
