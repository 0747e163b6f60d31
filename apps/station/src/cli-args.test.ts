import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStationArgs } from "./cli-args.js";

describe("quay-station arguments", () => {
  it("has the documented defaults", () => {
    expect(parseStationArgs(["--server", "http://10.0.0.5:8080/"])).toEqual({
      serverUrl: "http://10.0.0.5:8080",
      hubUrl: undefined,
      host: "127.0.0.1",
      lan: false,
      lanAddresses: [],
      port: 3000,
      dataDir: resolve("./data/station"),
      storeCode: undefined,
      allowedHosts: [],
    });
  });

  it("takes every option", () => {
    const args = parseStationArgs([
      "--server",
      "https://pos.example.vn",
      "--host",
      "0.0.0.0",
      "--port",
      "3100",
      "--data",
      "/var/lib/quay",
      "--store",
      "ch02",
      "--allow-host",
      "quay.lan, counter-1",
      "--allow-host",
      "pos.local",
    ]);
    expect(args).toMatchObject({
      host: "0.0.0.0",
      port: 3100,
      dataDir: "/var/lib/quay",
      storeCode: "CH02",
      allowedHosts: ["quay.lan", "counter-1", "pos.local"],
    });
  });

  it("makes a spoke with --hub, and binds the shop's network with --lan", () => {
    const spoke = parseStationArgs([
      "--server",
      "https://pos.example.vn",
      "--hub",
      "http://192.168.1.10:3000/",
    ]);
    expect(spoke).toMatchObject({ hubUrl: "http://192.168.1.10:3000", host: "127.0.0.1" });
    expect(parseStationArgs(["--server", "http://x", "--lan"]).host).toBe("0.0.0.0");
    expect(() => parseStationArgs(["--server", "http://x", "--hub", "192.168.1.10"])).toThrow(/--hub URL/);
    expect(parseStationArgs(["--server", "http://x", "--lan", "--host", "10.0.0.2"])).toMatchObject({
      host: "10.0.0.2",
      lan: true,
    });
    expect(parseStationArgs(["--server", "http://x", "--lan", "--host", "127.0.0.1"]).lan).toBe(true);
  });

  it("tells phones a given --lan-address, a private IPv4 one, only on the shop's network", () => {
    const lan = ["--server", "http://x", "--lan"];
    expect(parseStationArgs([...lan, "--lan-address", "192.168.1.10,10.0.0.7"])).toMatchObject({
      lan: true,
      lanAddresses: ["192.168.1.10", "10.0.0.7"],
    });
    expect(parseStationArgs(["--server", "http://x", "--host", "192.168.1.10"]).lan).toBe(true);
    expect(() => parseStationArgs([...lan, "--lan-address", "8.8.8.8"])).toThrow(/private IPv4/);
    expect(() => parseStationArgs(["--server", "http://x", "--lan-address", "192.168.1.10"])).toThrow(
      /needs --lan/,
    );
  });

  it("refuses a missing server, a bad port and unknown options", () => {
    expect(() => parseStationArgs([])).toThrow(/--server URL is required/);
    expect(() => parseStationArgs(["--server", "http://x", "--port", "99999"])).toThrow(/bad --port/);
    expect(() => parseStationArgs(["--server", "http://x", "--nope"])).toThrow();
  });
});
