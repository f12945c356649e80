/**
 * Loading of the testkit's optional peer dependencies (jose and oidc-provider for
 * `@cancuoc/testkit/oidc`, esbuild and playwright-core for `@cancuoc/testkit/browser`): a
 * missing one fails like `@cancuoc/reader/pcsc` does for `smartcard`, with a coded error and an
 * install hint in English and Vietnamese instead of a bare ERR_MODULE_NOT_FOUND.
 */
import { createErrorFactory, type ErrorCatalog } from '@cancuoc/core';

/** Error codes of `@cancuoc/testkit`. */
export type TestkitErrorCode = 'ERR_TESTKIT_PEER_MISSING';

/** English and Vietnamese messages of every {@link TestkitErrorCode}. */
export const testkitErrorMessages: ErrorCatalog<TestkitErrorCode> = {
  ERR_TESTKIT_PEER_MISSING: {
    en: '{feature} needs the optional package "{package}": npm install --save-dev {package}',
    vi: '{feature} cần gói tùy chọn "{package}": npm install --save-dev {package}',
  },
};

const fail = createErrorFactory(testkitErrorMessages, 'TestkitError');

function isNotFound(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  // Only the peer itself being absent: a broken install inside it keeps its own error.
  return (
    String((error as Error).message).includes(`'${name}'`) ||
    String((error as Error).message).includes(`"${name}"`)
  );
}

/**
 * Runs `load` (a literal `import('<name>')`, so bundlers and tsup still see the specifier) and
 * turns "module not found" for `name` into `ERR_TESTKIT_PEER_MISSING`.
 *
 * @throws CancuocError `ERR_TESTKIT_PEER_MISSING` when the package is not installed.
 */
export async function importPeer<T>(name: string, feature: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    if (isNotFound(cause, name))
      throw fail('ERR_TESTKIT_PEER_MISSING', { package: name, feature }, { cause });
    throw cause;
  }
}
