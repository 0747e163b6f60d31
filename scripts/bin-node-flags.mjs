// The node flags a command's first line asks for (`#!/usr/bin/env -S node --flag …`), so that a
// launcher running `node BIN` starts it as running the command itself would.
import { readFileSync } from "node:fs";

/** The flags after `node` on `bin`'s `#!` line; none when it names node alone. */
export function binNodeFlags(bin) {
  const [first = ""] = readFileSync(bin, "utf8").split("\n", 1);
  const match = /^#!\/usr\/bin\/env(?:\s+-S)?\s+node(?:\s+(.*))?$/.exec(first.trim());
  return match?.[1] ? match[1].split(/\s+/).filter(Boolean) : [];
}
