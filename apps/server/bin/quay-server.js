#!/usr/bin/env node
// The `quay-server` command (docs/api.md, "Commands"); the code is compiled to ../dist by `npm run build`.
import { main } from "../dist/main.js";

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
