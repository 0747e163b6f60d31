import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as protocol from "./index.js";

/**
 * Fingerprints of every schema, per protocol version. When this test fails you changed a schema:
 * bump PROTOCOL_VERSION in version.ts, add a line to its history, and add the new fingerprint here.
 */
const FINGERPRINTS: Record<number, string> = {
  1: "78ba3687a792bace11c1829e468f85183968ce62015be51755c7becf7971b2be",
  2: "9f0f582ba7adfc7514445685f88bda05888efa53f69a870c87f1ed80979d4857",
};

function fingerprint(): string {
  const schemas = Object.entries(protocol as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, schema]) => [name, z.toJSONSchema(schema, { unrepresentable: "any", io: "input" })]);
  return createHash("sha256").update(JSON.stringify(schemas)).digest("hex");
}

describe("protocol version", () => {
  it("changes whenever a schema changes", () => {
    expect(FINGERPRINTS[protocol.PROTOCOL_VERSION], "schemas changed: bump PROTOCOL_VERSION").toBe(
      fingerprint(),
    );
  });
});
