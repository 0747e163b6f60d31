import { describe, expect, it } from "vitest";
import { PushRequestSchema } from "./push.js";
import { protocolMismatch, SYNC_CALLS, syncRoute } from "./sync-calls.js";
import { MIN_SUPPORTED_PROTOCOL, PROTOCOL_VERSION } from "./version.js";

describe("the sync calls every side declares", () => {
  it("gives a call's limit, access and schemas with the service's own documentation", () => {
    const route = syncRoute(SYNC_CALLS.push, { tags: ["hub"], summary: "a spoke's ops" });
    expect(route.bodyLimit).toBe(SYNC_CALLS.push.bodyLimit);
    expect(route.config).toEqual({ access: "device" });
    expect(route.schema.body).toBe(PushRequestSchema);
    expect([route.schema.tags, route.schema.summary]).toEqual([["hub"], "a spoke's ops"]);
    expect("bodyLimit" in syncRoute(SYNC_CALLS.pull, { tags: [], summary: "" })).toBe(false);
  });

  it("refuses a version out of range with which side is too old, naming both", () => {
    expect(protocolMismatch(PROTOCOL_VERSION, "station", "server")).toBeNull();
    expect(protocolMismatch(MIN_SUPPORTED_PROTOCOL, "station", "server")).toBeNull();
    expect(protocolMismatch(MIN_SUPPORTED_PROTOCOL - 1, "spoke", "hub")).toEqual({
      code: "PROTOCOL_STATION_TOO_OLD",
      message: `spoke speaks ${MIN_SUPPORTED_PROTOCOL - 1}, hub ${MIN_SUPPORTED_PROTOCOL}–${PROTOCOL_VERSION}`,
    });
    expect(protocolMismatch(PROTOCOL_VERSION + 1, "station", "server")?.code).toBe("PROTOCOL_SERVER_TOO_OLD");
  });
});
