// The `cancuoc` executable (dist/cli.js, with the `#!/usr/bin/env node` banner added by tsup).
import { run } from './run.js';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not bad input: show it, exit 70 (EX_SOFTWARE) so scripts do not read it as a finding.
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
