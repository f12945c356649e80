// The `cancuoc` executable (dist/cli.js, with the `#!/usr/bin/env node` banner added by tsup).
import { setFlagsFromString } from 'node:v8';
import { run } from './run.js';

// This process is ours: turn off V8's allocation-site pretenuring before any worker thread starts.
// Cleaning a large file allocates short-lived strings and records at a high rate; in most runs
// V8 decided to allocate some of them straight into the old generation, from where they
// kept their young neighbours alive through every minor collection (≈ 2.5 MB copied per
// scavenge instead of ≈ 0.1 MB): one worker then spent ≈ 20 % of its time collecting garbage.
// A heuristic of the garbage collector only: nothing else changes.
setFlagsFromString('--no-allocation-site-pretenuring');

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
