#!/usr/bin/env node
// The `cancuoc` executable. A committed file (not dist/cli.js itself) so that installing the
// workspace before anything is built can still link the bin; it only loads the built command.
import '../dist/cli.js';
