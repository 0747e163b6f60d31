import { afterAll, beforeAll } from "vitest";
import type { StationOptions } from "./station.js";
import { startTestStation } from "./station.test-support.js";
import { type FakeServer, startFakeServer } from "./sync/fake-server.test-support.js";

/**
 * How most station tests begin: a test station in front of a fake cloud of its own. `cloud` is the
 * fake cloud (its ops, registrations, availability); `close` ends the station, then the cloud.
 */
export async function startStationAtFakeCloud(options: Partial<StationOptions> = {}) {
  const cloud = await startFakeServer();
  const station = await startTestStation(cloud.url, options);
  return {
    ...station,
    cloud,
    async close(keepData = false) {
      await station.close(keepData);
      await cloud.close();
    },
  };
}

export type StationAtFakeCloud = Awaited<ReturnType<typeof startStationAtFakeCloud>>;

/**
 * One fake cloud for every test of the enclosing `describe`, for suites that start a station per
 * test: started before the first test, closed after the last. The returned function gives the
 * cloud inside a hook or a test (a fake cloud hashes its users' passwords, too slow to start per test).
 */
export function fakeCloudForSuite(): () => FakeServer {
  let cloud: FakeServer | undefined;
  beforeAll(async () => {
    cloud = await startFakeServer();
  });
  afterAll(async () => {
    await cloud?.close();
  });
  return () => {
    if (!cloud) throw new Error("the suite's fake cloud starts before its first test");
    return cloud;
  };
}
