import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServerClient, ServerRejectedError } from "./server-client.js";

describe("the server client", () => {
  let server: http.Server;
  let client: ServerClient;
  beforeAll(async () => {
    // A server newer than any station: it refuses every sync call as a too-old station.
    server = http.createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.writeHead(409, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: "PROTOCOL_STATION_TOO_OLD", message: "cập nhật" } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    client = new ServerClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("surfaces the server's error code on a refused push and register", async () => {
    const push = client.push("device-token", new TextEncoder().encode('{"protocolVersion":2,"ops":[]}'));
    await expect(push).rejects.toBeInstanceOf(ServerRejectedError);
    await expect(push).rejects.toMatchObject({ status: 409, code: "PROTOCOL_STATION_TOO_OLD" });
    await expect(client.register("user-token", { name: "Quầy" })).rejects.toMatchObject({
      status: 409,
      code: "PROTOCOL_STATION_TOO_OLD",
    });
  });
});
