#!/usr/bin/env -S node --max-semi-space-size=8
// The `quay-station` command: runs the compiled station (build first with `npm run build`).
// The flag caps V8's young generation at 8 MB a half (Node's default grows it to 16 MB): the
// station stays a small process on the counter PC (about 12 MB less resident memory, a few
// percent more time collecting garbage). Launchers that run `node BIN` read it from the first
// line (scripts/bin-node-flags.mjs).
import "../dist/main.js";
