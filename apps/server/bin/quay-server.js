#!/usr/bin/env -S node --max-semi-space-size=32
// The `quay-server` command (docs/api.md, "Commands"); the code is compiled to ../dist by `npm run build`.
// The flag lets V8's young generation grow to 32 MB a half (Node's default stops at 16 MB): a
// push of thousands of ops is short-lived garbage, and the writer thread collected half as
// often in a catch-up of 10,000 invoices (0.40 s → 0.22 s of its time). Launchers that run
// `node BIN` read it from the first line (scripts/bin-node-flags.mjs).
import { main } from "../dist/main.js";

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
