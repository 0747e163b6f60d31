#!/usr/bin/env node
// The `quay-station` command: runs the compiled station (build first with `npm run build`).
import "../dist/main.js";
