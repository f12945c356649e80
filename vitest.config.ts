import { defineConfig } from 'vitest/config';

// Tests run against each package's TypeScript sources: the "@cancuoc/source"
// export condition points workspace imports at src/ instead of dist/.
const conditions = ['@cancuoc/source', 'module', 'node', 'import', 'default'];
// vitest hands ssr.resolve.conditions to Node as --conditions for external dependencies, so they
// must not hold 'import': a CommonJS package (pg) would get the ESM build of its own dependency
// (pg-pool) from require() and break.
const ssrConditions = ['@cancuoc/source', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions: ssrConditions, externalConditions: ['@cancuoc/source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Generous limits: key generation and local servers are slow on a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report feeds the one-line summary that .ci/run prints.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
